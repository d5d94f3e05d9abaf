// Checks an order ticket before anything is sent and builds the exact placeOrder arguments. Catches what can
// be known here (sizes, price format, tick alignment, sides of stops and targets, a halted account); the core
// still decides.
import type { CommandArgs, InstrumentView, TradingState } from '../../../../shared/ipc';
import type { OrderKind, Side } from '../../../../shared/domain/events';
import { dec } from '../../../../shared/domain/money';
import type { Dec } from '../../../../shared/domain/money';

export type TicketForm = {
  account: string;
  symbol: string;
  qty: string;
  kind: OrderKind;
  price: string;
  stopLoss: string;
  takeProfit: string;
};

export type TicketContext = {
  instrument: InstrumentView | undefined;
  account: { name: string; tradingState: TradingState; lockReason: string | null } | undefined;
};

export type PlaceOrderArgs = CommandArgs<'placeOrder'>;
type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

const DECIMAL = /^\d+(\.\d+)?$/;

function checkPrice(label: string, text: string, tickSize: string | undefined): Checked<Dec> {
  if (!DECIMAL.test(text))
    return { ok: false, error: `${label} must be a price such as 21450.25 (got "${text}")` };
  const value = dec(text);
  if (value.isZero()) return { ok: false, error: `${label} must be above zero` };
  if (tickSize !== undefined && !value.mod(dec(tickSize)).isZero()) {
    return { ok: false, error: `${label} ${text} is not a multiple of the tick size ${tickSize}` };
  }
  return { ok: true, value };
}

/** The price the protective prices are judged against: the entry price, or the side of the book a market order takes. */
function referencePrice(side: Side, entry: Dec | null, instrument: InstrumentView | undefined): Dec | null {
  if (entry !== null) return entry;
  const quote =
    side === 'buy' ? (instrument?.ask ?? instrument?.last) : (instrument?.bid ?? instrument?.last);
  return quote === null || quote === undefined ? null : dec(quote);
}

function checkSides(
  side: Side,
  kind: OrderKind,
  ref: Dec | null,
  sl: Dec | null,
  tp: Dec | null,
  i?: InstrumentView,
) {
  const buy = side === 'buy';
  if (kind === 'stop' && ref !== null) {
    const market = buy ? i?.ask : i?.bid;
    if (market !== null && market !== undefined && (buy ? ref.lte(market) : ref.gte(market))) {
      return `A ${side} stop must be ${buy ? 'above the ask' : 'below the bid'} (${market})`;
    }
  }
  if (ref === null) return null;
  if (sl !== null && (buy ? sl.gte(ref) : sl.lte(ref))) {
    return `Stop loss must be ${buy ? 'below' : 'above'} the entry (${ref.toFixed()}) for a ${side}`;
  }
  if (tp !== null && (buy ? tp.lte(ref) : tp.gte(ref))) {
    return `Take profit must be ${buy ? 'above' : 'below'} the entry (${ref.toFixed()}) for a ${side}`;
  }
  return null;
}

/** The account and symbol are known and the account takes new orders; the instrument when so. */
function checkTarget(form: TicketForm, ctx: TicketContext): Checked<InstrumentView> {
  if (form.account === '' || ctx.account === undefined) return { ok: false, error: 'Choose an account' };
  if (form.symbol === '' || ctx.instrument === undefined) return { ok: false, error: 'Choose a symbol' };
  if (ctx.account.tradingState === 'halted') {
    const why = ctx.account.lockReason === null ? '' : ` (${ctx.account.lockReason})`;
    return { ok: false, error: `${ctx.account.name} is halted${why}: new orders are refused` };
  }
  return { ok: true, value: ctx.instrument };
}

function checkQty(text: string): Checked<number> {
  const qty = Number(text);
  if (!/^\d+$/.test(text) || qty < 1 || qty > 1000) {
    return { ok: false, error: 'Quantity must be a whole number of contracts from 1 to 1000' };
  }
  return { ok: true, value: qty };
}

/** A price the trader may leave empty (a stop loss, a take profit; the entry of a market order): null then. */
function checkOptionalPrice(label: string, text: string, tickSize: string): Checked<Dec | null> {
  return text === '' ? { ok: true, value: null } : checkPrice(label, text, tickSize);
}

export function buildPlaceOrder(form: TicketForm, side: Side, ctx: TicketContext): Checked<PlaceOrderArgs> {
  const target = checkTarget(form, ctx);
  if (!target.ok) return target;
  const qty = checkQty(form.qty.trim());
  if (!qty.ok) return qty;
  const instrument = target.value;
  const args: PlaceOrderArgs = {
    account: form.account,
    symbol: form.symbol,
    side,
    qty: qty.value,
    kind: form.kind,
  };
  const price = form.price.trim();
  const entry: Checked<Dec | null> =
    form.kind === 'market'
      ? { ok: true, value: null }
      : checkPrice(form.kind === 'limit' ? 'Limit price' : 'Stop price', price, instrument.tickSize);
  if (!entry.ok) return entry;
  if (form.kind === 'limit') args.limitPrice = price;
  if (form.kind === 'stop') args.stopPrice = price;
  const stopLoss = checkOptionalPrice('Stop loss', form.stopLoss.trim(), instrument.tickSize);
  if (!stopLoss.ok) return stopLoss;
  if (stopLoss.value !== null) args.stopLoss = form.stopLoss.trim();
  const takeProfit = checkOptionalPrice('Take profit', form.takeProfit.trim(), instrument.tickSize);
  if (!takeProfit.ok) return takeProfit;
  if (takeProfit.value !== null) args.takeProfit = form.takeProfit.trim();
  const ref = referencePrice(side, entry.value, instrument);
  const sideError = checkSides(side, form.kind, ref, stopLoss.value, takeProfit.value, instrument);
  if (sideError !== null) return { ok: false, error: sideError };
  return { ok: true, value: args };
}
