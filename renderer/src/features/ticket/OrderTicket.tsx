// The order ticket: account, symbol with live quote, size, type and price, optional stop loss and take profit,
// Buy and Sell. Checks what it can before sending; the core's answer (or refusal) is shown beside it.
import { useId } from 'react';
import { AccountLockNotice } from './AccountLockNotice';
import { AccountSelect } from './AccountSelect';
import { InstrumentQuote } from './InstrumentQuote';
import { BracketFields, OrderFields } from './OrderFields';
import { SymbolSelect } from './SymbolSelect';
import { BuySellButtons, TicketOutcome } from './TicketActions';
import { useTicketDraft, type EditTicket } from './use-ticket-draft';
import { useTicketSubmit } from './use-ticket-submit';

export function OrderTicket() {
  const uid = useId();
  const { form, ctx, update } = useTicketDraft();
  const order = useTicketSubmit({ form, ctx });
  const edit: EditTicket = (patch) => {
    update(patch);
    order.clearCheckError();
  };
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
        <AccountSelect id={`${uid}-account`} value={form.account} onChange={(account) => edit({ account })} />
        <SymbolSelect id={`${uid}-symbol`} value={form.symbol} onChange={(symbol) => edit({ symbol })} />
        <InstrumentQuote symbol={form.symbol} />
        <OrderFields idPrefix={uid} form={form} onEdit={edit} />
        <BracketFields idPrefix={uid} form={form} onEdit={edit} />
        <AccountLockNotice account={ctx.account} />
        <BuySellButtons
          disabled={order.pending || ctx.account?.tradingState === 'halted'}
          onSide={(side) => void order.submit(side)}
        />
      </form>
      <TicketOutcome error={order.error} sent={order.sent} />
    </section>
  );
}
