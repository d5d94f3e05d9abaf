// The rules of docs/RULES.md section 6 as the engine receives them: one account's resolved settings (defaults, then
// its preset, then its own), numbers as exact decimal strings. The config document's schema produces these.

export const ruleIds = [
  'dailyLoss',
  'dailyProfitTarget',
  'dailyGiveback',
  'weeklyLoss',
  'trailingDrawdown',
  'positionLoss',
  'maxContracts',
  'tradeFrequency',
  'consecutiveLosses',
  'stopRequired',
  'marginLevel',
  'exposure',
  'tradingHours',
  'newsBlackout',
  'symbolBlock',
  'brokerLock',
  'staleData',
  'trailingStop',
  'consistency',
  'profitTarget',
] as const;
export type RuleId = (typeof ruleIds)[number];

export type RuleAction = 'alert' | 'cancelOrders' | 'closePosition' | 'reducePosition' | 'flatten';
export type LockState = 'halted' | 'reducing';
export type LockUntil = 'none' | 'dayEnd' | 'weekEnd' | 'manual' | { minutes: number };
/** In ISO order: Monday is day 1 (as luxon counts them). */
export const weekdays = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type Weekday = (typeof weekdays)[number];

/** What every rule accepts besides its own parameters (fractions and decimals as strings). */
export type RuleCommon = {
  enabled: boolean;
  /** Fractions of the limit at which `warning` and `critical` are entered (defaults 0.8 and 0.95). */
  warnAt: string;
  criticalAt: string;
  action: RuleAction;
  lock: LockUntil;
  lockState: LockState;
};

export type Basis = 'net' | 'realized';

export type RuleParams = {
  dailyLoss: { amount: string; basis: Basis };
  dailyProfitTarget: { amount: string; basis: Basis };
  dailyGiveback: { amount: string; activateAfter: string };
  weeklyLoss: { amount: string; basis: Basis };
  trailingDrawdown: {
    amount: string;
    mode: 'intraday' | 'endOfDay' | 'static';
    /** Defaults to the account's startingBalance. */
    startingBalance: string | null;
    lockThresholdAt: string | null;
  };
  positionLoss: { amount: string };
  maxContracts: { total: string | null; perSymbol: Record<string, string>; countWorkingOrders: boolean };
  tradeFrequency: {
    perMinute: number | null;
    perHour: number | null;
    perDay: number | null;
    cooldownMinutes: number;
  };
  consecutiveLosses: { max: number; cooldownMinutes: number; escalate: boolean; resetDaily: boolean };
  stopRequired: { graceSeconds: number; mode: 'close' | 'attachStop'; stopTicks: number };
  marginLevel: { warning: string; critical: string; liquidate: string };
  exposure: { maxGross: string | null; maxSymbolPct: string | null; hhiWarning: string };
  tradingHours: {
    windows: { days: Weekday[]; start: string; end: string }[];
    /** Local wall time "HH:mm" at which everything is flattened, or null. */
    flattenAt: string | null;
  };
  newsBlackout: {
    /** The calendar's events that make windows (docs/RULES.md section 12); null: manual events only. */
    calendar: NewsCalendarSelection | null;
    events: {
      at: string;
      minutesBefore: number;
      minutesAfter: number;
      flatten: boolean;
      name: string | null;
    }[];
  };
  symbolBlock: { symbols: string[] };
  brokerLock: Record<string, never>;
  staleData: { maxQuoteAgeSeconds: number; flatten: boolean };
  trailingStop: { activateAfterTicks: number; trailTicks: number };
  /** docs/RULES.md section 11: today's profit against the consistency cap; `pct` defaults to the plan's. */
  consistency: { pct: string | null };
  /** docs/RULES.md section 11: total profit reaching the program's target; `amount` defaults to the plan's. */
  profitTarget: { amount: string | null };
};

/** Which news calendar events make blackout windows: exact impacts and currency codes. */
export type NewsCalendarSelection = {
  impacts: string[];
  currencies: string[];
  minutesBefore: number;
  minutesAfter: number;
  flatten: boolean;
};

export type RuleSettings<R extends RuleId = RuleId> = RuleCommon & RuleParams[R];

/** One account's rules after merging; a rule that is absent is off. */
export type AccountRules = { [R in RuleId]?: RuleSettings<R> };

/** The consequence each rule has unless the config overrides it (docs/RULES.md sections 6 and 9). */
export const ruleDefaults: { [R in RuleId]: Pick<RuleCommon, 'action' | 'lock' | 'lockState'> } = {
  dailyLoss: { action: 'flatten', lock: 'dayEnd', lockState: 'halted' },
  dailyProfitTarget: { action: 'flatten', lock: 'dayEnd', lockState: 'halted' },
  dailyGiveback: { action: 'flatten', lock: 'dayEnd', lockState: 'halted' },
  weeklyLoss: { action: 'flatten', lock: 'weekEnd', lockState: 'halted' },
  trailingDrawdown: { action: 'flatten', lock: 'manual', lockState: 'halted' },
  positionLoss: { action: 'closePosition', lock: 'none', lockState: 'halted' },
  maxContracts: { action: 'reducePosition', lock: 'none', lockState: 'halted' },
  tradeFrequency: { action: 'flatten', lock: { minutes: 0 }, lockState: 'halted' },
  consecutiveLosses: { action: 'flatten', lock: { minutes: 0 }, lockState: 'halted' },
  stopRequired: { action: 'closePosition', lock: 'none', lockState: 'halted' },
  marginLevel: { action: 'flatten', lock: 'none', lockState: 'halted' },
  exposure: { action: 'alert', lock: 'none', lockState: 'reducing' },
  tradingHours: { action: 'closePosition', lock: 'none', lockState: 'halted' },
  newsBlackout: { action: 'flatten', lock: 'none', lockState: 'halted' },
  symbolBlock: { action: 'closePosition', lock: 'none', lockState: 'halted' },
  brokerLock: { action: 'flatten', lock: 'manual', lockState: 'halted' },
  staleData: { action: 'alert', lock: 'none', lockState: 'halted' },
  trailingStop: { action: 'closePosition', lock: 'none', lockState: 'halted' },
  consistency: { action: 'alert', lock: 'none', lockState: 'halted' },
  profitTarget: { action: 'alert', lock: 'none', lockState: 'halted' },
};
