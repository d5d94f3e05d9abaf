// A prop-firm plan's figures (docs/RULES.md section 11), exact, from the engine state: profit banked before today
// (P = dayStartEquity − startingBalance), today's (p), the finished days' best, the consistency cap, the scaling tier.
import type { PlanSettings } from '../../shared/config/plan';
import { Dec, ZERO, compareDec, dec, maxDec } from '../../shared/domain/money';
import { planFor, rulesFor } from './config';
import type { ReadonlyAccountState, ReadonlyEngineState } from './readonly';
import { accountEquity } from './valuation';

export type ScalingTier = { from: Dec; maxContracts: number };

export type PlanFigures = {
  plan: PlanSettings;
  /** P: the profit banked before today, as of the latest day roll (or the start). */
  bankedBeforeToday: Dec;
  /** p: today's net P&L. */
  todayProfit: Dec;
  totalProfit: Dec;
  /** The target in force (the profitTarget rule's amount, else the plan's); null without one. */
  profitTarget: Dec | null;
  targetRemaining: Dec | null;
  bestDayProfit: Dec;
  /** Best day ÷ total profit × 100, rounded half-up to 4 places; null unless total profit > 0. */
  consistencyPct: Dec | null;
  /** The limit in force in percent (the consistency rule's pct, else the plan's); null without one. */
  consistencyLimitPct: Dec | null;
  consistencyCapToday: Dec | null;
  /** max(0, cap − p); null when the cap is. */
  consistencyCapLeft: Dec | null;
  profitNeededForConsistency: Dec | null;
  tradingDays: number;
  minTradingDays: number | null;
  contractsAllowed: number | null;
  /** The tier after the one in force; null at the top or without scaling. */
  nextTier: ScalingTier | null;
};

/** The account's plan figures now; null when it has no plan. */
export function planFigures(state: ReadonlyEngineState, account: ReadonlyAccountState): PlanFigures | null {
  const plan = planFor(state.config, account.id);
  if (plan === null) return null;
  const banked = bankedBeforeToday(account);
  const today = accountEquity(state, account).minus(account.day.startEquity);
  const total = banked.plus(today);
  const target = profitTargetOf(state, account);
  const best = bestDayProfit(account, today);
  const pct = consistencyLimitOf(state, account);
  const cap = pct === null ? null : consistencyCap(banked, pct);
  const tiers = scalingTiers(plan);
  const tier = tiers === null ? null : tierAt(tiers, banked);
  return {
    plan,
    bankedBeforeToday: banked,
    todayProfit: today,
    totalProfit: total,
    profitTarget: target,
    targetRemaining: target === null ? null : maxDec(ZERO, target.minus(total)),
    bestDayProfit: best,
    consistencyPct: total.gt(0) ? best.div(total).times(100).toDecimalPlaces(4, Dec.ROUND_HALF_UP) : null,
    consistencyLimitPct: pct,
    consistencyCapToday: cap,
    consistencyCapLeft: cap === null ? null : maxDec(ZERO, cap.minus(today)),
    profitNeededForConsistency: pct === null ? null : profitNeeded(best, total, pct),
    tradingDays: tradingDays(account),
    minTradingDays: plan.minTradingDays,
    contractsAllowed: tier === null ? null : tier.maxContracts,
    nextTier: tiers === null || tier === null ? null : (tiers[tiers.indexOf(tier) + 1] ?? null),
  };
}

/** P: what the account had made before today began, as the day roll (or the start) fixed it. */
export function bankedBeforeToday(account: ReadonlyAccountState): Dec {
  return account.day.startEquity.minus(account.startingBalance);
}

/** The largest net P&L of any tracked day, today's included; 0 when none is positive. */
export function bestDayProfit(account: ReadonlyAccountState, today: Dec): Dec {
  let best = maxDec(ZERO, today);
  for (const day of account.finishedDays) best = maxDec(best, day.netPnl);
  return best;
}

/** Days on which a trade opened: the finished ones and today. */
export function tradingDays(account: ReadonlyAccountState): number {
  const finished = account.finishedDays.filter((day) => day.traded).length;
  return finished + (account.day.tradesOpened > 0 ? 1 : 0);
}

/**
 * The most today's profit may reach while the best day stays within `pct` % of the total: x·P / (1 − x), that is
 * pct·P / (100 − pct). null with no profit banked (no cap can be computed) and at 100 % (every day fits: no cap).
 * A quotient that does not terminate is rounded down to the cent (or P's own places): the trader stays inside it.
 */
export function consistencyCap(banked: Dec, pct: Dec): Dec | null {
  if (banked.lte(0) || pct.gte(100)) return null;
  return quotient(pct.times(banked), dec(100).minus(pct), Dec.ROUND_DOWN);
}

/** max(0, best / x − total): profit still to make on other days; a non-terminating quotient rounded up. */
function profitNeeded(best: Dec, total: Dec, pct: Dec): Dec {
  return maxDec(ZERO, quotient(best.times(100), pct, Dec.ROUND_UP).minus(total));
}

/** dividend / divisor exactly when it terminates; else rounded (`rounding`) at the dividend's places, 2 at least. */
function quotient(dividend: Dec, divisor: Dec, rounding: typeof Dec.ROUND_DOWN | typeof Dec.ROUND_UP): Dec {
  const q = dividend.div(divisor);
  return terminates(dividend, divisor)
    ? q
    : q.toDecimalPlaces(Math.max(2, dividend.decimalPlaces()), rounding);
}

/**
 * Whether a / b is a finite decimal: in lowest terms its denominator has no prime factor but 2 and 5. (Checking
 * q × b = a would not do: the product of a rounded quotient rounds back to a.)
 */
function terminates(a: Dec, b: Dec): boolean {
  const places = Math.max(a.decimalPlaces(), b.decimalPlaces());
  const whole = (d: Dec) => BigInt(d.times(dec(10).pow(places)).abs().toFixed());
  const numerator = whole(a);
  let denominator = whole(b);
  denominator /= gcd(numerator, denominator);
  for (const prime of [2n, 5n]) while (denominator % prime === 0n) denominator /= prime;
  return denominator === 1n;
}

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a, b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** The plan's tiers as decimals, lowest `from` first; null without scaling. */
export function scalingTiers(plan: PlanSettings | null): ScalingTier[] | null {
  return plan?.scaling?.map((tier) => ({ from: dec(tier.from), maxContracts: tier.maxContracts })) ?? null;
}

/**
 * The tier in force with `banked` profit: the last whose `from` ≤ it. Below the first tier (an account in loss
 * when the ladder starts at 0) the first applies: the smallest size the program allows.
 */
function tierAt(tiers: readonly ScalingTier[], banked: Dec): ScalingTier {
  let found = tiers[0] as ScalingTier;
  for (const tier of tiers) if (compareDec(tier.from, banked) <= 0) found = tier;
  return found;
}

/** The scaling tier's contracts for today (set at the day roll); null without scaling. */
export function contractsAllowed(state: ReadonlyEngineState, account: ReadonlyAccountState): number | null {
  const tiers = scalingTiers(planFor(state.config, account.id));
  return tiers === null || tiers.length === 0 ? null : tierAt(tiers, bankedBeforeToday(account)).maxContracts;
}

/** The consistency limit in force, in percent: the rule's pct while it is on, else the plan's; null without one. */
export function consistencyLimitOf(state: ReadonlyEngineState, account: ReadonlyAccountState): Dec | null {
  const rule = rulesFor(state.config, account.id).consistency;
  const pct = rule?.enabled === true ? rule.pct : planFor(state.config, account.id)?.consistencyPct;
  return pct === null || pct === undefined ? null : dec(pct);
}

/** The profit target in force: the rule's amount while it is on, else the plan's; null without one. */
function profitTargetOf(state: ReadonlyEngineState, account: ReadonlyAccountState): Dec | null {
  const rule = rulesFor(state.config, account.id).profitTarget;
  const amount = rule?.enabled === true ? rule.amount : planFor(state.config, account.id)?.profitTarget;
  return amount === null || amount === undefined ? null : dec(amount);
}
