// The risk engine's public face: the reducer, its state, metrics and snapshots.
export { apply, type ApplyResult } from './apply';
export { startEngine, type Engine } from './engine';
export type { Immutable, ReadonlyAccountState, ReadonlyEngineState, ReadonlyPosition } from './readonly';
export { accountMetrics, type AccountMetrics } from './metrics';
export { createEngineState } from './state';
export type * from './state';
export type * from './decisions';
export * from './config';
export { serializeState, deserializeState } from './snapshot';
export { positionMark, positionUnrealized, accountEquity } from './valuation';
export { tradingDayOf, tradingWeekOf, type Period } from './time';
export { increasesPosition, strictestLock, tradingState, untilText } from './locks';
export { groupMetrics, membersOf, type GroupMetrics } from './groups/metrics';
export { groupsOf, type GroupSettings } from './config';
export {
  planFigures,
  contractsAllowed,
  consistencyCap,
  bankedBeforeToday,
  type PlanFigures,
  type ScalingTier,
} from './plan';
export { effectiveTotal } from './rules/max-contracts';
export { newsWindows, type NewsWindow } from './news-windows';
