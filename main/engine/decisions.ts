// What the engine decides, returned as values for the core to carry out (docs/RULES.md sections 5-7).
import type { Side } from '../../shared/domain/events';
import type { Dec } from '../../shared/domain/money';
import type { ClosedTrade, Lock } from './state';

export type RuleLevel = 'ok' | 'warning' | 'critical' | 'breach';
export type RiskAction = 'alert' | 'cancelOrders' | 'closePosition' | 'reducePosition' | 'flatten';

/** A stop order that protects a position: opposite side, its whole quantity, at `stopPrice`. */
export type ProtectiveStop = { side: Side; qty: number; stopPrice: Dec };

/** A rule's level change or action for one account; `lock` when it locks the account. */
export type RuleDecision = {
  kind: 'rule';
  t: number;
  account: string;
  rule: string;
  level: Exclude<RuleLevel, 'ok'>;
  action: RiskAction;
  lock?: { state: 'halted' | 'reducing'; until: Lock['until'] };
  symbol?: string;
  /** For reducePosition: how many contracts to close (default: half the position, rounded up). */
  qty?: number;
  /** For stopRequired's attachStop mode: the stop to place (the decision's action stays `alert`). */
  attachStop?: ProtectiveStop;
  /** A measured level change: the value, the rule's limit and the threshold of the level entered. */
  figures?: LevelChangeFigures;
  /** A group rule's decision (docs/RULES.md section 10): the group, one such decision per member it concerns. */
  group?: string;
  message: string;
};

/** Exact, in the rule's own units (money for the money rules); `threshold` is limit × warnAt/criticalAt, or the limit. */
export type LevelChangeFigures = { value: Dec; limit: Dec; threshold: Dec };

/** A lock ended (its time came, or the broker allows trading again). */
export type LockLifted = { kind: 'lockLifted'; t: number; account: string; rule: string };

/** A round trip closed: the store keeps it for the trade history. */
export type TradeClosed = { kind: 'tradeClosed'; t: number; trade: ClosedTrade };

/** The broker's position disagreed with the one derived from fills; the broker's was taken. */
export type PositionCorrected = {
  kind: 'positionCorrected';
  t: number;
  account: string;
  symbol: string;
  derivedQty: number;
  brokerQty: number;
};

/**
 * A trailing stop's life, for the audit (docs/RULES.md section 6, `trailingStop`): added when its position opens,
 * activated after the favourable move, updated as the best price improves, triggered on the retrace, removed
 * when the position closes.
 */
export type TrailingStopChange = {
  kind: 'trailingStop';
  t: number;
  account: string;
  symbol: string;
  change: 'add' | 'activate' | 'update' | 'trigger' | 'remove';
  side: 'long' | 'short';
  /** The best price since the position opened. */
  best: Dec;
  /** Where the stop triggers (the best less the trail) once active; null before. */
  stopPrice: Dec | null;
};

export type Decision = RuleDecision | TradeClosed | PositionCorrected | LockLifted | TrailingStopChange;
