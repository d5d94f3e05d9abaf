// The normalized market and account events every broker adapter emits and the engine consumes (docs/ARCHITECTURE.md).
// Times are epoch milliseconds (UTC); money, prices and fees are exact decimals; quantities are whole contracts.
import type { WardenConfig } from '../config/schema';
import type { Dec } from './money';

export type Side = 'buy' | 'sell';
export type OrderKind = 'market' | 'limit' | 'stop';
export type OrderStatus = 'working' | 'filled' | 'cancelled' | 'rejected';
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

export type InstrumentEvent = {
  type: 'instrument';
  t: number;
  symbol: string;
  tickSize: Dec;
  tickValue: Dec;
  currency: string;
  name?: string;
  marginPerContract?: Dec;
  weight?: Dec;
  baseCurrency?: string;
  quoteCurrency?: string;
  /**
   * The market the contract trades, shared by its sizes (MNQ and NQ: `NQ`; MES and ES: `ES`); absent means its
   * symbol (docs/RULES.md section 10).
   */
  underlying?: string;
};

/** A broker's report of an account: its cash balance replaces the engine's (docs/RULES.md section 9). */
export type AccountEvent = {
  type: 'account';
  t: number;
  account: string;
  balance: Dec;
  name?: string;
  canTrade?: boolean;
  usedMargin?: Dec;
};

export type QuoteEvent = { type: 'quote'; t: number; symbol: string; bid?: Dec; ask?: Dec; last?: Dec };

/** One execution. `realizedPnl` is the broker's gross P&L of the fill when it reports one. */
export type FillEvent = {
  type: 'fill';
  t: number;
  account: string;
  id: string;
  orderId: string;
  symbol: string;
  side: Side;
  qty: number;
  price: Dec;
  fees: Dec;
  realizedPnl?: Dec;
  voided?: boolean;
};

/**
 * The tag of an order Warden's own enforcement made (the closing order a close or liquidation creates at the
 * broker): it is not the trader's, so a lock does not cancel it or call it a breach.
 */
export const WARDEN_CLOSE_TAG = 'warden-close';

export type OrderEvent = {
  type: 'order';
  t: number;
  account: string;
  id: string;
  symbol: string;
  side: Side;
  kind: OrderKind;
  qty: number;
  status: OrderStatus;
  limitPrice?: Dec;
  stopPrice?: Dec;
  filledQty?: number;
  tag?: string;
};

/** The broker's own view of a position (signed qty; 0 = closed), used to reconcile the derived one. */
export type PositionEvent = {
  type: 'position';
  t: number;
  account: string;
  symbol: string;
  qty: number;
  avgPrice: Dec;
};

export type ConnectionEvent = {
  type: 'connection';
  t: number;
  status: ConnectionStatus;
  detail?: string;
  /** A reconnect the host asked for (the machine woke, the screen unlocked): shown, told, not an alarm. */
  asked?: true;
};

/** Time passes: timers and day rolls happen even when the market is quiet. */
export type ClockEvent = { type: 'clock'; t: number };

/** The trader locks their own account (journaled like a broker event, so a restart keeps it). */
/** `origin`: who locked, when not the trader at the screen (a remote command's chat). */
export type SelfLockEvent = {
  type: 'selfLock';
  t: number;
  account: string;
  until: 'dayEnd' | 'weekEnd';
  origin?: string;
};

/** The trader resets an account a rule locked until `manual` (e.g. a failed evaluation): journaled too. */
export type LockResetEvent = { type: 'lockReset'; t: number; account: string };

/**
 * A new config document takes effect (journaled, so a restart and a replay apply it at the same point). `by`:
 * the trader's rule editor, or an edited file found at start.
 */
export type ConfigChangeEvent = {
  type: 'configChange';
  t: number;
  config: WardenConfig;
  by: 'trader' | 'file';
};

/** The trader locks an account's settings until the trading day ends: until then a change may only tighten. */
export type SettingsLockEvent = { type: 'settingsLock'; t: number; account: string };

/**
 * A trading day began while Warden was not running (docs/RULES.md section 1): the day's starting equity, `rebuilt`
 * from the broker's own trades since dayStart (dayStartBalance = balance − net realized since then), an
 * `estimate` when that was impossible (the account is then `reducing` until the trader confirms), or
 * `confirmed` by the trader. `weekStartEquity`: the week's too, when the week also began meanwhile.
 */
export type DayStartEvent = {
  type: 'dayStart';
  t: number;
  account: string;
  startEquity: Dec;
  source: 'rebuilt' | 'estimate' | 'confirmed';
  /** Why the day could not be rebuilt (an estimate), or what was rebuilt from: shown and audited. */
  note: string;
  weekStartEquity?: Dec;
};

/** One release on the news calendar (docs/RULES.md section 12): `at` in ms, `currency` a code such as USD. */
export type NewsItem = { at: number; title: string; currency: string; impact: string };

/**
 * The news calendar's current list, fetched by the host and journaled, so a replay or a restart sees the same
 * windows: it replaces the previous list entirely.
 */
export type CalendarEvent = { type: 'calendar'; t: number; events: NewsItem[] };

export type BrokerEvent =
  InstrumentEvent | AccountEvent | QuoteEvent | FillEvent | OrderEvent | PositionEvent | ConnectionEvent;

export type EngineEvent =
  | BrokerEvent
  | ClockEvent
  | SelfLockEvent
  | LockResetEvent
  | ConfigChangeEvent
  | SettingsLockEvent
  | DayStartEvent
  | CalendarEvent;
export type EngineEventType = EngineEvent['type'];
