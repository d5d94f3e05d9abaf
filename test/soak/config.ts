// The soak's config document (docs/RULES.md sections 8 and 10): 20 simulated accounts in four groups of five, with
// rules tight enough for the fast market that breaches, flattens and locks keep happening all run long. Locks that
// end after one to three minutes (daily loss, trailing drawdown, trade frequency, loss streaks: accounts go from
// active to halted and back) and the day's halt (once breached, every later trade of the robot is flattened). Every
// group has group rules; three of them a copier (one halts the followers with the leader, one closes hedges).
// Nothing here depends on the time of day: no trading hours, news windows or stale-data rule.
import { validateConfig, type WardenConfig } from '../../shared/config/schema';

export const SOAK_ACCOUNTS = Array.from({ length: 20 }, (_, i) => `S${String(i + 1).padStart(2, '0')}`);

const presets = {
  cycling: {
    rules: {
      dailyLoss: { amount: 3000, lock: { minutes: 2 } },
      positionLoss: { amount: 400 },
      maxContracts: { total: 8, perSymbol: { NQ: 3, ES: 3 } },
      tradeFrequency: { perMinute: 14, cooldownMinutes: 1 },
    },
  },
  dayHalt: {
    rules: {
      dailyLoss: { amount: 2500 },
      dailyGiveback: { amount: 2000, activateAfter: 500 },
      positionLoss: { amount: 300 },
      maxContracts: { total: 5 },
    },
  },
  trailing: {
    rules: {
      trailingDrawdown: { amount: 4000, mode: 'intraday', lock: { minutes: 3 } },
      positionLoss: { amount: 600 },
      maxContracts: { total: 10 },
      consecutiveLosses: { max: 4, cooldownMinutes: 1, escalate: false },
    },
  },
} as const;

/** Which preset each account uses, in turn: half cycle, a quarter halt for the day, a quarter trail with streaks. */
const presetOf = (i: number): keyof typeof presets =>
  (['cycling', 'dayHalt', 'cycling', 'trailing'] as const)[i % 4] ?? 'cycling';

const members = (from: number) => SOAK_ACCOUNTS.slice(from, from + 5);

export const soakDocument = {
  quoteSanity: { maxJumpPct: 5, confirmQuotes: 2 },
  presets,
  accounts: Object.fromEntries(
    SOAK_ACCOUNTS.map((id, i) => [
      id,
      { name: `Soak ${id}`, startingBalance: [50000, 100000, 25000, 150000][i % 4], preset: presetOf(i) },
    ]),
  ),
  groups: {
    halting: {
      name: 'Copier, halts with the leader',
      accounts: members(0),
      rules: { groupDailyLoss: { amount: 9000, lock: { minutes: 3 } } },
      copier: { leader: 'S01', graceSeconds: 3, onHedge: 'alert', haltWithLeader: true },
    },
    closing: {
      name: 'Copier, closes hedges',
      accounts: members(5),
      rules: { groupMaxContracts: { total: 20 } },
      copier: { leader: 'S06', graceSeconds: 2, onHedge: 'close' },
    },
    pool: {
      name: 'Pool',
      accounts: members(10),
      rules: { groupDailyLoss: { amount: 7000, lock: { minutes: 3 } }, groupMaxContracts: { total: 15 } },
    },
    copied: {
      name: 'Copier, alerts only',
      accounts: members(15),
      rules: { groupDailyLoss: { amount: 12000, lock: { minutes: 2 } }, groupMaxContracts: { total: 25 } },
      copier: { leader: 'S16' },
    },
  },
};

export function soakConfig(): WardenConfig {
  const result = validateConfig(soakDocument);
  if (!result.ok) throw new Error(`the soak config is invalid: ${result.errors.join('; ')}`);
  return result.config;
}
