// What the engine needs to know of the trader's configuration (the document itself is parsed in shared/config).
import { resolveGroups, type GroupSettings } from '../../shared/config/groups';
import { resolveAccountPlan, resolveAccountRules } from '../../shared/config/merge';
import type { PlanSettings } from '../../shared/config/plan';
import type { AccountRules, Weekday } from '../../shared/config/rules';
import type { WardenConfig } from '../../shared/config/schema';
import { dec, type Dec } from '../../shared/domain/money';

export type { Weekday, GroupSettings, PlanSettings };
export type MarkPriceMode = 'last' | 'mid' | 'conservative';

export type SessionConfig = {
  /** IANA time zone name, e.g. America/Chicago. */
  timezone: string;
  /** Local wall time "HH:mm" at which the trading day starts. */
  dayStart: string;
  weekStartDay: Weekday;
};

/**
 * One account's settings: its starting balance, its resolved rules (a rule absent is off) and its prop-firm plan
 * (docs/RULES.md section 11; absent when it has none).
 */
export type AccountConfig = { startingBalance?: Dec; rules?: AccountRules; plan?: PlanSettings };

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
  /** Groups of accounts guarded together (docs/RULES.md section 10), in config order; absent when none. */
  groups?: Record<string, GroupSettings>;
};

/** The config's groups, in config order. */
export function groupsOf(config: EngineConfig): Record<string, GroupSettings> {
  return config.groups ?? {};
}

/** An account's plan; null when it has none (accounts the config does not list have none). */
export function planFor(config: EngineConfig, account: string): PlanSettings | null {
  return config.accounts[account]?.plan ?? null;
}

/** An account's resolved rules: its own entry's, else those of accounts the config does not list. */
export function rulesFor(config: EngineConfig, account: string): AccountRules {
  return config.accounts[account]?.rules ?? config.defaultRules ?? {};
}

export const defaultQuoteSanity: QuoteSanity = { maxJumpPct: dec(5), confirmQuotes: 2 };
export const defaultHysteresisPct = dec(5);

export const defaultSession: SessionConfig = {
  timezone: 'America/Chicago',
  dayStart: '17:00',
  weekStartDay: 'sunday',
};

export const defaultEngineConfig: EngineConfig = { session: defaultSession, markPrice: 'last', accounts: {} };

/** What the engine takes from the config document: session, marks, and each account's resolved rules and plan. */
export function engineConfigOf(config: WardenConfig): EngineConfig {
  const accounts = Object.fromEntries(
    Object.entries(config.accounts).map(([id, account]): [string, AccountConfig] => {
      const plan = resolveAccountPlan(config, id);
      return [
        id,
        {
          rules: resolveAccountRules(config, id),
          ...(account.startingBalance === undefined ? {} : { startingBalance: dec(account.startingBalance) }),
          ...(plan === null ? {} : { plan }),
        },
      ];
    }),
  );
  return {
    session: config.session,
    markPrice: config.markPrice,
    accounts,
    defaultRules: resolveAccountRules(config, UNLISTED_ACCOUNT),
    quoteSanity: {
      maxJumpPct: dec(config.quoteSanity.maxJumpPct),
      confirmQuotes: config.quoteSanity.confirmQuotes,
    },
    hysteresisPct: dec(config.alerts.hysteresisPct),
    // Only when there are groups: a config without them stays the same engine config it always was.
    ...(Object.keys(config.groups).length === 0 ? {} : { groups: resolveGroups(config.groups) }),
  };
}

/** No account has this id: resolving it yields the defaults alone. */
const UNLISTED_ACCOUNT = '\u0000unlisted';
