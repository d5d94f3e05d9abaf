// The account's trading state (active / reducing / halted), with the lock's reason and time left when locked.
import type { TradingState } from '../../../../shared/ipc';
import { Countdown } from '../../components/Countdown';

type TradingStateBadgeProps = {
  state: TradingState;
  lockReason: string | null;
  lockedUntil: string | null;
  clockOffsetMs: number;
};

const labels: Record<TradingState, string> = {
  active: 'Active',
  reducing: 'Reducing only',
  halted: 'Halted',
};

/** Locks that end on something other than a time. */
const untilWords: Partial<Record<string, string>> = {
  manual: 'until reset by hand',
  brokerAllows: 'until the broker allows trading',
  confirmed: "until you confirm today's start",
};

export function TradingStateBadge({ state, lockReason, lockedUntil, clockOffsetMs }: TradingStateBadgeProps) {
  return (
    <div className={`trading-state trading-state-${state}`}>
      <span className="badge" data-testid="trading-state">
        {labels[state]}
      </span>
      {state !== 'active' && lockReason !== null ? (
        <span className="lock-reason" data-testid="lock-reason">
          {lockReason}
        </span>
      ) : null}
      {state !== 'active' && lockedUntil !== null ? (
        <span className="lock-until" data-testid="lock-until">
          {untilWords[lockedUntil] ?? (
            <>
              unlocks in{' '}
              <Countdown until={lockedUntil} clockOffsetMs={clockOffsetMs} testId="lock-countdown" />
            </>
          )}
        </span>
      ) : null}
    </div>
  );
}
