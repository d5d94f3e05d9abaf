// The overview's cells, shared by account rows and group header rows: the trading state with its countdown, the
// room left to a limit as a figure over a thin bar, contracts against their limit, and the worst level (the limit
// that has it in the tooltip and for screen readers). Compact: one line each, so a row stays 36 px high.
import type { BreakerState, RuleLevelView, TradingState } from '../../../../shared/ipc';
import { Countdown } from '../../components/Countdown';
import { formatAmount } from '../../lib/format';
import { useView } from '../../state';

const stateLabels: Record<TradingState, string> = {
  active: 'Active',
  reducing: 'Reducing',
  halted: 'Halted',
};

/** Locks that end on something other than a time, in a few words. */
const untilWords: Partial<Record<string, string>> = {
  manual: 'until reset',
  brokerAllows: 'until the broker allows',
  confirmed: "confirm today's start",
};

type StateCellProps = {
  state: TradingState;
  lockedUntil?: string | null;
  lockReason?: string | null;
  enforcement?: BreakerState;
  flattening?: boolean;
  canTrade?: boolean;
};

export function StateCell(props: StateCellProps) {
  const { state, lockedUntil = null, lockReason = null } = props;
  const locked = state !== 'active' && lockedUntil !== null;
  return (
    <div
      className={`overview-state trading-state-${state}`}
      title={state !== 'active' && lockReason !== null ? lockReason : undefined}
    >
      <span className="badge" data-testid="overview-state">
        {stateLabels[state]}
      </span>
      {locked ? (
        <span className="overview-until" data-testid="overview-until">
          {untilWords[lockedUntil] ?? <LockCountdown until={lockedUntil} />}
        </span>
      ) : null}
      {props.enforcement === 'open' ? (
        <span className="note-bad" data-testid="overview-enforcement">
          act manually
        </span>
      ) : null}
      {props.flattening === true ? <span className="note-warn">flattening…</span> : null}
      {props.canTrade === false ? <span className="note-bad">broker: no trading</span> : null}
    </div>
  );
}

/**
 * Time left on the core's clock. Only a locked row reads the clock offset (it moves a little with every push):
 * the other rows do not re-render for it.
 */
function LockCountdown({ until }: { until: string }) {
  const clockOffsetMs = useView((s) => s.clockOffsetMs);
  return <Countdown until={until} clockOffsetMs={clockOffsetMs} testId="overview-countdown" />;
}

type RoomCellProps = {
  left: string | null;
  pct: number;
  level: RuleLevelView;
  /** The whole figure ("820.00 of 1,000.00 · 180.00 left"), as the tooltip. */
  text: string;
  testId: string;
};

/** The room left as a figure over a bar of the share used (grey when ok, amber, red), or a dash without the rule. */
export function RoomCell({ left, pct, level, text, testId }: RoomCellProps) {
  if (left === null)
    return (
      <span className="muted" data-testid={testId}>
        —
      </span>
    );
  return (
    <div className={`overview-room limit-${level}`} title={text}>
      <span className="num overview-room-left" data-testid={testId}>
        {formatAmount(left)}
      </span>
      <span className="overview-bar" aria-hidden="true">
        <span className="overview-fill" style={{ width: `${pct}%` }} />
      </span>
    </div>
  );
}

export function ContractsCell(props: { open: string; limit: string | null; level: RuleLevelView }) {
  return (
    <span className={`num overview-contracts level-${props.level}`} data-testid="overview-contracts">
      {props.limit === null ? props.open : `${props.open} / ${props.limit}`}
    </span>
  );
}

/** `group`: a group header's level is its own limits' (the members' are in their rows). */
export function LevelCell(props: { level: RuleLevelView; label: string | null; group?: boolean }) {
  const { level, label } = props;
  const whose = props.group === true ? "The group's own limits: " : '';
  return (
    <span
      className={`overview-level level-${level}`}
      title={label === null ? `${whose}every limit ok` : `${whose}${label} at ${level}`}
      data-testid="overview-worst"
    >
      <span className="overview-level-word">{level}</span>
      {label !== null ? <span className="sr-only">{` · ${label}`}</span> : null}
    </span>
  );
}
