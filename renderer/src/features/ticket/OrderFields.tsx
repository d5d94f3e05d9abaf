// The order itself: size, type, and the limit or stop price when the type needs one.
import { SelectField } from '../../components/SelectField';
import type { TicketForm } from './ticket-order';
import { TicketField } from './TicketField';
import type { EditTicket } from './use-ticket-draft';

const orderKinds = [
  { value: 'market', label: 'Market' },
  { value: 'limit', label: 'Limit' },
  { value: 'stop', label: 'Stop' },
];

type TicketFieldsProps = { idPrefix: string; form: TicketForm; onEdit: EditTicket };

export function OrderFields({ idPrefix, form, onEdit }: TicketFieldsProps) {
  return (
    <>
      <TicketField
        id={`${idPrefix}-qty`}
        label="Qty"
        testId="ticket-qty"
        value={form.qty}
        inputMode="numeric"
        onChange={(qty) => {
          onEdit({ qty });
        }}
      />
      <SelectField
        id={`${idPrefix}-kind`}
        label="Type"
        testId="ticket-kind"
        value={form.kind}
        choices={orderKinds}
        onChange={(kind) => {
          onEdit({ kind: kind as TicketForm['kind'] });
        }}
      />
      {form.kind !== 'market' ? (
        <TicketField
          id={`${idPrefix}-price`}
          label={form.kind === 'stop' ? 'Stop price' : 'Limit price'}
          testId="ticket-price"
          value={form.price}
          wide
          onChange={(price) => {
            onEdit({ price });
          }}
        />
      ) : null}
    </>
  );
}

/** The protective orders that ride with it: a stop loss and a take profit, both optional. */
export function BracketFields({ idPrefix, form, onEdit }: TicketFieldsProps) {
  return (
    <>
      <TicketField
        id={`${idPrefix}-sl`}
        label="Stop loss"
        testId="ticket-stoploss"
        value={form.stopLoss}
        placeholder="optional"
        onChange={(stopLoss) => {
          onEdit({ stopLoss });
        }}
      />
      <TicketField
        id={`${idPrefix}-tp`}
        label="Take profit"
        testId="ticket-takeprofit"
        value={form.takeProfit}
        placeholder="optional"
        onChange={(takeProfit) => {
          onEdit({ takeProfit });
        }}
      />
    </>
  );
}
