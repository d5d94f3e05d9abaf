// What a (re)connect to the simulated broker reports: instruments, quotes, accounts, the fills the app may
// have missed, positions and working orders, and what the app still holds that the book no longer does.
import type { BrokerEvent, QuoteEvent } from '../../../shared/domain/events';
import { heldButGone } from '../held';
import type { ResumePoint } from '../types';
import { instrumentEvent, instrumentMap, SIM_INSTRUMENTS } from './instruments';
import { accountEvent, positionEvent } from './ledger';
import type { SimMarket, SimQuote } from './market';
import { positionQty, type SimState } from './state';
import { orderEvent } from './working-orders';

export function quoteEvent(quote: SimQuote, t: number): QuoteEvent {
  return { type: 'quote', t, symbol: quote.symbol, bid: quote.bid, ask: quote.ask, last: quote.last };
}

/**
 * The broker's full picture, as a reconnect reports it (BrokerAdapter.start). Order matters to the engine: the
 * balance report first (it already holds every fill's cash), then the fills the engine may have missed, then
 * the positions, which only correct what those fills did not explain. A fill of the snapshot's own millisecond
 * goes before the report instead, as brokers send a fill before the balance that books it: the engine counts a
 * fill in its report's millisecond as not yet in it (docs/RULES.md section 9), so after the report it would
 * count twice. What the engine still holds and the book does not (its file was reset, say) is reported closed and
 * cancelled.
 */
export function snapshotEvents(
  state: SimState,
  market: SimMarket,
  resume: ResumePoint,
  t: number,
): BrokerEvent[] {
  const instruments = instrumentMap();
  const gone = heldButGone(
    resume.held,
    {
      guarded: () => true,
      hasOrder: (_account, id) => state.working.has(id),
      hasPosition: (account, symbol) => positionQty(state, account, symbol) !== 0,
    },
    t,
  );
  const missed = state.fills.filter((f) => resume.lastFillAt === null || f.t >= resume.lastFillAt);
  return [
    ...SIM_INSTRUMENTS.map((i) => instrumentEvent(i, t)),
    ...SIM_INSTRUMENTS.map((i) => quoteEvent(market.quote(i.symbol), t)),
    ...missed.filter((f) => f.t >= t),
    ...[...state.accounts.values()].map((a) => accountEvent(state, a, instruments, t)),
    ...missed.filter((f) => f.t < t),
    ...[...state.positions.values()].map((p) => positionEvent(p.account, p.symbol, p, t)),
    ...gone.positions,
    ...[...state.working.values()].map((o) => orderEvent(o, t)),
    ...gone.orders,
  ];
}
