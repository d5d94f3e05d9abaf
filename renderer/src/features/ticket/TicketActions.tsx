// Buy and Sell (disabled while an order is on its way or the account is halted), and what became of the last
// order: the reason it was not sent, or what was sent.
import type { Side } from '../../../../shared/domain/events';

type BuySellButtonsProps = { disabled: boolean; onSide: (side: Side) => void };

const sides: { side: Side; label: string }[] = [
  { side: 'buy', label: 'Buy' },
  { side: 'sell', label: 'Sell' },
];

export function BuySellButtons({ disabled, onSide }: BuySellButtonsProps) {
  return (
    <div className="ticket-actions">
      {sides.map(({ side, label }) => (
        <button
          key={side}
          type="button"
          className={`btn btn-${side}`}
          data-testid={`ticket-${side}`}
          disabled={disabled}
          onClick={() => {
            onSide(side);
          }}
        >
          {label}
        </button>
      ))}
    </div>
  );
}

export function TicketOutcome({ error, sent }: { error: string | null; sent: string | null }) {
  if (error !== null)
    return (
      <p className="inline-error" role="alert" data-testid="ticket-error">
        {error}
      </p>
    );
  if (sent === null) return null;
  return (
    <p className="ticket-sent" role="status" data-testid="ticket-status">
      {sent}
    </p>
  );
}
