// What the engine needs to know of the trader's configuration (the document itself is parsed in shared/config).
import type { AccountRules, Weekday } from '../../shared/config/rules';
import { dec, type Dec } from '../../shared/domain/money';

export type { Weekday };
export type MarkPriceMode = 'last' | 'mid' | 'conservative';

export type SessionConfig = {
  /** IANA time zone name, e.g. America/Chicago. */
  timezone: string;
  /** Local wall time "HH:mm" at which the trading day starts. */
  dayStart: string;
  weekStartDay: Weekday;
};

/** One account's settings: its starting balance, and its resolved rules (a rule absent is off). */
export type AccountConfig = { startingBalance?: Dec; rules?: AccountRules };

export type QuoteSanity = {
  /** A quote moving the mark more than this % from the last accepted one is held until confirmed. */
  maxJumpPct: Dec;
  /** Consecutive breaching evaluations before a price-driven breach is latched. */
  confirmQuotes: number;
};

export type EngineConfig = {
  session: SessionConfig;
  markPrice: MarkPriceMode;
  accounts: Record<string, AccountConfig>;
  /** Rules of accounts the config does not list (its `defaults`, resolved). */
  defaultRules?: AccountRules;
  quoteSanity?: QuoteSanity;
  /** Levels step down only below their threshold by more than this % of the limit (default 5). */
  hysteresisPct?: Dec;
  /** false: every quote takes the exact path (tests compare both; default true). */
  fastPath?: boolean;
};

export const defaultQuoteSanity: QuoteSanity = { maxJumpPct: dec(5), confirmQuotes: 2 };
export const defaultHysteresisPct = dec(5);

export const defaultSession: SessionConfig = {
  timezone: 'America/Chicago',
  dayStart: '17:00',
  weekStartDay: 'sunday',
};

export const defaultEngineConfig: EngineConfig = { session: defaultSession, markPrice: 'last', accounts: {} };
