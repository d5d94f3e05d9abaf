// The order ticket: account, symbol with live quote, size, type and price, optional stop loss and take profit,
// Buy and Sell. Checks what it can before sending; the core's answer (or refusal) is shown beside it.
import { useId, useState } from 'react';
import type { Side } from '../../../../shared/domain/events';
import { useShallow } from 'zustand/react/shallow';
import { useCommand } from '../../lib/use-command';
import { selectAccount, selectInstrument, useView } from '../../state';
import { AccountLockNotice } from './AccountLockNotice';
import { AccountSelect } from './AccountSelect';
import { InstrumentQuote } from './InstrumentQuote';
import { SymbolSelect } from './SymbolSelect';
import { buildPlaceOrder } from './ticket-order';
import type { TicketForm } from './ticket-order';
import { TicketField } from './TicketField';

const blank: TicketForm = {
  account: '',
  symbol: '',
  qty: '1',
  kind: 'market',
  price: '',
  stopLoss: '',
  takeProfit: '',
};

export function OrderTicket() {
  const uid = useId();
  const [form, setForm] = useState<TicketForm>(blank);
  const [localError, setLocalError] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [placeOrder, { pending, error: coreError }] = useCommand('placeOrder');
  const defaults = useView(
    useShallow((s) => ({
      account: s.view?.accounts[0]?.id ?? '',
      symbol: s.view?.instruments[0]?.symbol ?? '',
    })),
  );
  const account = form.account === '' ? defaults.account : form.account;
  const symbol = form.symbol === '' ? defaults.symbol : form.symbol;
  const ctx = useView(
    useShallow((s) => ({ instrument: selectInstrument(symbol)(s), account: selectAccount(account)(s) })),
  );
  const update = (patch: Partial<TicketForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    setLocalError(null);
  };

  const submit = async (side: Side) => {
    setSent(null);
    const built = buildPlaceOrder({ ...form, account, symbol }, side, ctx);
    if (!built.ok) {
      setLocalError(built.error);
      return;
    }
    setLocalError(null);
    const response = await placeOrder(built.value);
    if (response.ok) {
      const id = response.result.orderId === null ? '' : ` — order ${response.result.orderId}`;
      setSent(`${side === 'buy' ? 'Buy' : 'Sell'} ${built.value.qty} ${symbol} ${form.kind} sent${id}`);
    }
  };

  const error = localError ?? coreError;
  const halted = ctx.account?.tradingState === 'halted';
  const priceLabel = form.kind === 'stop' ? 'Stop price' : 'Limit price';
  return (
    <section className="panel ticket" data-testid="order-ticket" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`} className="panel-title">
        Order ticket
      </h2>
      <form
        className="ticket-form"
        onSubmit={(event) => {
          event.preventDefault();
        }}
      >
        <AccountSelect
          id={`${uid}-account`}
          value={account}
          onChange={(id) => {
            update({ account: id });
          }}
        />
        <div className="field field-wide">
          <label htmlFor={`${uid}-symbol`}>Symbol</label>
          <SymbolSelect
            id={`${uid}-symbol`}
            value={symbol}
            onChange={(s) => {
              update({ symbol: s });
            }}
          />
        </div>
        <InstrumentQuote symbol={symbol} />
        <TicketField
          id={`${uid}-qty`}
          label="Qty"
          testId="ticket-qty"
          value={form.qty}
          inputMode="numeric"
          onChange={(qty) => {
            update({ qty });
          }}
        />
        <div className="field">
          <label htmlFor={`${uid}-kind`}>Type</label>
          <select
            id={`${uid}-kind`}
            data-testid="ticket-kind"
            value={form.kind}
            onChange={(event) => {
              update({ kind: event.target.value as TicketForm['kind'] });
            }}
          >
            <option value="market">Market</option>
            <option value="limit">Limit</option>
            <option value="stop">Stop</option>
          </select>
        </div>
        {form.kind !== 'market' ? (
          <TicketField
            id={`${uid}-price`}
            label={priceLabel}
            testId="ticket-price"
            value={form.price}
            wide
            onChange={(price) => {
              update({ price });
            }}
          />
        ) : null}
        <TicketField
          id={`${uid}-sl`}
          label="Stop loss"
          testId="ticket-stoploss"
          value={form.stopLoss}
          placeholder="optional"
          onChange={(stopLoss) => {
            update({ stopLoss });
          }}
        />
        <TicketField
          id={`${uid}-tp`}
          label="Take profit"
          testId="ticket-takeprofit"
          value={form.takeProfit}
          placeholder="optional"
          onChange={(takeProfit) => {
            update({ takeProfit });
          }}
        />
        {ctx.account !== undefined ? (
          <AccountLockNotice
            name={ctx.account.name}
            state={ctx.account.tradingState}
            reason={ctx.account.lockReason}
          />
        ) : null}
        <div className="ticket-actions">
          <button
            type="button"
            className="btn btn-buy"
            data-testid="ticket-buy"
            disabled={pending || halted}
            onClick={() => void submit('buy')}
          >
            Buy
          </button>
          <button
            type="button"
            className="btn btn-sell"
            data-testid="ticket-sell"
            disabled={pending || halted}
            onClick={() => void submit('sell')}
          >
            Sell
          </button>
        </div>
      </form>
      {error !== null ? (
        <p className="inline-error" role="alert" data-testid="ticket-error">
          {error}
        </p>
      ) : sent !== null ? (
        <p className="ticket-sent" role="status" data-testid="ticket-status">
          {sent}
        </p>
      ) : null}
    </section>
  );
}
