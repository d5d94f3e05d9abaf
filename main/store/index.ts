// The store's public face: open the database, and the repository and record types the rest of the app uses.
export { DEFAULT_RETENTION_DAYS, openStore, type Store, type StoreOptions } from './db';
export { NewerSchemaError } from './migrate';
export type { Journal, JournalEntry } from './journal';
export type { AccountEvents, AccountRows, OpenTradeRow, RawEvent, RawFill } from './account-events';
export { DEFAULT_SNAPSHOTS_KEPT, type Snapshot, type Snapshots } from './snapshots';
export type { Alerts } from './alerts';
export type { JsonValue, ResponseEnd, ResponseStart, Responses, RiskResponse } from './responses';
export type { Meta } from './meta';
export type { RecordedRiskEvent, RiskEvent, RiskEvents } from './risk-events';
export type { EquitySample, History, SampleMetrics, TradeRecord } from './history';
