// The distance to each active limit, for the dashboard's bars: how much of a limit is used and the rule's level
// as the engine remembers it; and the daily loss floor, the one figure the charts draw for it. Read-only over
// the engine state (the engine decides; this only describes).
import type { AccountRules } from '../../shared/config/rules';
import { dec, maxDec, moneyString, ZERO, type Dec } from '../../shared/domain/money';
import type { LimitView, RuleLevelView } from '../../shared/ipc';
import {
  bankedBeforeToday,
  consistencyCap,
  effectiveTotal,
  rulesFor,
  type AccountMetrics,
  type ReadonlyAccountState,
  type ReadonlyEngineState,
} from '../engine';

const levelOrder: readonly RuleLevelView[] = ['ok', 'warning', 'critical', 'breach'];

/** The worst level remembered under the rule's keys (`rule`, or `rule:symbol` for per-symbol checks). */
export function rememberedLevel(account: ReadonlyAccountState, rule: string): RuleLevelView {
  let worst = 0;
  for (const [key, memory] of Object.entries(account.rules)) {
    if (key !== rule && !key.startsWith(`${rule}:`)) continue;
    worst = Math.max(worst, levelOrder.indexOf(memory.level));
  }
  return levelOrder[worst] ?? 'ok';
}

const nonNegative = (value: Dec): Dec => maxDec(value, ZERO);

/** Weighted open contracts across the account (a micro counts its instrument's weight). */
function openContracts(state: ReadonlyEngineState, account: ReadonlyAccountState): Dec {
  let total = ZERO;
  for (const position of account.positions.values()) {
    const weight = state.instruments.get(position.symbol)?.weight ?? dec(1);
    total = total.plus(weight.times(Math.abs(position.qty)));
  }
  return total;
}

/**
 * The equity at which today's daily loss limit is reached: the day's start equity less the amount in force;
 * null when the rule is off. The one place it is computed: the view and the stored samples carry it.
 */
export function dailyLossFloor(state: ReadonlyEngineState, account: ReadonlyAccountState): string | null {
  const settings = rulesFor(state.config, account.id).dailyLoss;
  if (settings === undefined || !settings.enabled) return null;
  return moneyString(account.day.startEquity.minus(dec(settings.amount)));
}

/** A limit as measured: how much of it is used, in money or in a count. */
type Measured = { rule: string; label: string; unit: LimitView['unit']; used: Dec; limit: Dec };

export function limitsView(
  state: ReadonlyEngineState,
  account: ReadonlyAccountState,
  m: AccountMetrics,
): LimitView[] {
  const rules = rulesFor(state.config, account.id);
  return [...moneyLimits(rules, account, m), ...countLimits(rules, state, account, m)].map((limit) => ({
    rule: limit.rule,
    label: limit.label,
    unit: limit.unit,
    used: limit.unit === 'money' ? moneyString(nonNegative(limit.used)) : limit.used.toFixed(),
    limit: limit.unit === 'money' ? moneyString(limit.limit) : limit.limit.toFixed(),
    level: rememberedLevel(account, limit.rule),
  }));
}

function moneyLimits(rules: AccountRules, account: ReadonlyAccountState, m: AccountMetrics): Measured[] {
  const limits: Measured[] = [];
  const money = (rule: string, label: string, used: Dec, limit: string) =>
    limits.push({ rule, label, unit: 'money', used, limit: dec(limit) });
  const daily = rules.dailyLoss;
  if (daily?.enabled === true) {
    const pnl = daily.basis === 'realized' ? m.dailyRealizedPnl : m.dailyNetPnl;
    money('dailyLoss', 'Daily loss', pnl.negated(), daily.amount);
  }
  const giveback = rules.dailyGiveback;
  if (giveback?.enabled === true) {
    const gained = account.day.peakEquity.minus(account.day.startEquity);
    const active = gained.greaterThanOrEqualTo(dec(giveback.activateAfter));
    money('dailyGiveback', 'Giveback', active ? m.dailyDrawdown : ZERO, giveback.amount);
  }
  const trailing = rules.trailingDrawdown;
  if (trailing?.enabled === true && m.trailingThreshold !== null) {
    // Used = how much of the allowed fall is gone: amount − (equity − threshold).
    const used = dec(trailing.amount).minus(m.equity.minus(m.trailingThreshold));
    money('trailingDrawdown', 'Trailing drawdown', used, trailing.amount);
  }
  const weekly = rules.weeklyLoss;
  if (weekly?.enabled === true) money('weeklyLoss', 'Weekly loss', m.weeklyNetPnl.negated(), weekly.amount);
  // Today's profit against the consistency cap (docs/RULES.md section 11); no bar while there is no cap.
  const consistency = rules.consistency;
  if (consistency?.enabled === true && consistency.pct !== null) {
    const cap = consistencyCap(bankedBeforeToday(account), dec(consistency.pct));
    if (cap !== null)
      limits.push({
        rule: 'consistency',
        label: 'Consistency cap',
        unit: 'money',
        used: m.dailyNetPnl,
        limit: cap,
      });
  }
  return limits;
}

function countLimits(
  rules: AccountRules,
  state: ReadonlyEngineState,
  account: ReadonlyAccountState,
  m: AccountMetrics,
): Measured[] {
  const limits: Measured[] = [];
  const frequency = rules.tradeFrequency;
  if (frequency?.enabled === true && frequency.perDay !== null)
    limits.push({
      rule: 'tradeFrequency',
      label: 'Trades today',
      unit: 'count',
      used: dec(m.tradesToday),
      limit: dec(frequency.perDay),
    });
  const contracts = rules.maxContracts;
  // The total in force: the written one, or the plan's scaling tier when that is smaller (or the only one).
  const total = contracts?.enabled === true ? effectiveTotal(state, account, contracts.total) : null;
  if (total !== null)
    limits.push({
      rule: 'maxContracts',
      label: 'Contracts',
      unit: 'count',
      used: openContracts(state, account),
      limit: total.total,
    });
  return limits;
}
