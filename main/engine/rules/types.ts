// The shape of a rule (docs/RULES.md sections 5 and 6): a pure function of the state and its settings that reports
// findings. Levels, hysteresis, confirmation, actions and locks are the framework's job (evaluate.ts).
import type { RuleId, RuleSettings } from '../../../shared/config/rules';
import type { EngineEvent, EngineEventType } from '../../../shared/domain/events';
import { approxNumber, type Dec } from '../../../shared/domain/money';
import type {
  LevelChangeFigures,
  ProtectiveStop,
  RiskAction,
  RuleLevel,
  TrailingStopChange,
} from '../decisions';
import type { ResolvedLock } from '../locks';
import type { AccountMetrics } from '../metrics';
import type { AccountState, EngineState, RuleMemory } from '../state';

export type RuleContext<R extends RuleId = RuleId> = {
  state: EngineState;
  account: AccountState;
  settings: RuleSettings<R>;
  /** The event being applied. */
  event: EngineEvent;
  /** The account's metrics, computed once per evaluation. */
  metrics: () => AccountMetrics;
  /** This rule's memory under `key` (created at level ok). */
  memory: (key: string) => RuleMemory;
};

/**
 * A value against its positive limit (value / limit = 1: the limit is reached; a rule that works out its
 * fraction itself gives it as `value` with the limit 1). The framework derives the level
 * (warnAt, criticalAt, 1) with hysteresis, confirms breaches a quote caused (bad-tick guard), and acts on
 * entry to a level.
 */
export type Measurement = {
  kind: 'measure';
  /** Memory key: the rule id, or `rule:symbol` for per-position rules. */
  key: string;
  symbol?: string;
  value: Dec;
  limit: Dec;
  describe(level: Exclude<RuleLevel, 'ok'>): string;
  /** An action on entering a level below breach (marginLevel's critical reduces); default alert. */
  actionAt?: Partial<Record<'warning' | 'critical', RiskAction>>;
  /**
   * The figures the audit keeps for a level entered, for a rule whose `value` and `limit` are a stand-in fraction
   * (margin level points, an age in seconds); by default `value`, `limit` and the level's threshold × limit.
   */
  figures?(level: Exclude<RuleLevel, 'ok'>): LevelChangeFigures;
};

/** Something that breaches by happening (count and event rules): reported each time it is found. */
export type Breach = {
  kind: 'breach';
  symbol?: string;
  message: string;
  /** Overrides the settings' action for this breach. */
  action?: RiskAction;
  /** Overrides the settings' lock (null: no lock). */
  lock?: ResolvedLock | null;
  /** A protective stop for the enforcer to place (stopRequired's attachStop mode). */
  attachStop?: ProtectiveStop;
};

/** Something for the audit that is neither a level nor an action (a trailing stop's life), passed on as it is. */
export type Notice = { kind: 'notice'; decision: TrailingStopChange };

export type Finding = Measurement | Breach | Notice;

/**
 * Where the rule's outcome on a quote cannot change: while every watched value stays strictly inside its band
 * (and time stays before `before`), evaluating the rule on a quote would report nothing and change no memory.
 * The engine then skips it (the fast path); a bound of null is open on that side. `lowSafe`/`highSafe`: the
 * value may also equal that bound without any change (e.g. equity back at its peak is no new peak).
 */
/** A bound known roughly at once and exactly on demand (only ties near it need the exact value). */
export type Bound = { approx: number; exact: () => Dec };
export type Band = { low: Bound | null; high: Bound | null; lowSafe?: boolean; highSafe?: boolean };

/** A bound whose exact value is already at hand. */
export function boundAt(value: Dec): Bound {
  return { approx: approxNumber(value), exact: () => value };
}

export function boundOrNull(value: Dec | null): Bound | null {
  return value === null ? null : boundAt(value);
}
export type QuoteBound =
  | ({ on: 'equity' } & Band)
  | ({ on: 'unrealized'; symbol: string } & Band)
  | ({ on: 'mark'; symbol: string } & Band)
  | { on: 'time'; before: number };

export type Rule<R extends RuleId = RuleId> = {
  id: R;
  /** Events after which the rule is evaluated (a quote only for accounts holding that symbol). */
  triggers: readonly EngineEventType[];
  evaluate(ctx: RuleContext<R>): Finding[];
  /**
   * For a rule triggered by quotes: the bands inside which a quote changes nothing for it, or 'always' when
   * every quote must be evaluated. A quote-triggered rule without it is evaluated on every quote.
   */
  quoteBounds?(ctx: RuleContext<R>): QuoteBound[] | 'always';
};

export type AnyRule = { [R in RuleId]: Rule<R> }[RuleId];
