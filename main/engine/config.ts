// What the engine needs to know of the trader's configuration (the document itself is parsed in shared/config).
import type { Dec } from '../../shared/domain/money';

export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';
export type MarkPriceMode = 'last' | 'mid' | 'conservative';

export type SessionConfig = {
  /** IANA time zone name, e.g. America/Chicago. */
  timezone: string;
  /** Local wall time "HH:mm" at which the trading day starts. */
  dayStart: string;
  weekStartDay: Weekday;
};

export type AccountConfig = { startingBalance?: Dec };

export type EngineConfig = {
  session: SessionConfig;
  markPrice: MarkPriceMode;
  accounts: Record<string, AccountConfig>;
};

export const defaultSession: SessionConfig = {
  timezone: 'America/Chicago',
  dayStart: '17:00',
  weekStartDay: 'sunday',
};

export const defaultEngineConfig: EngineConfig = { session: defaultSession, markPrice: 'last', accounts: {} };
