// What the engine decides, returned as values for the core to carry out (RULES.md sections 5-7).
import type { ClosedTrade } from './state';

export type RuleLevel = 'ok' | 'warning' | 'critical' | 'breach';
export type RiskAction = 'alert' | 'cancelOrders' | 'closePosition' | 'reducePosition' | 'flatten';

/** A rule's level change or action for one account (the rules arrive with the risk engine). */
export type RuleDecision = {
  kind: 'rule';
  t: number;
  account: string;
  rule: string;
  level: Exclude<RuleLevel, 'ok'>;
  action: RiskAction;
  symbol?: string;
  message: string;
};

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

export type Decision = RuleDecision | TradeClosed | PositionCorrected;
