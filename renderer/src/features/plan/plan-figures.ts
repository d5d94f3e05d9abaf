// What the plan strip and the overview say about an account's prop-firm plan (docs/RULES.md section 11), in the
// trader's words: the figures come exact from the core and are only compared and formatted here (decimal), never
// computed; a bar's fill is a display share.
import { dec } from '../../../../shared/domain/money';
import type { AccountView, LimitView, PlanView, RuleLevelView } from '../../../../shared/ipc';
import { formatAmount, formatSignedAmount, MISSING } from '../../lib/format';
import { usedPct } from '../dashboard/limit-bar';

export type Tone = 'ok' | 'muted' | 'good' | RuleLevelView;

/** A line of the strip and how it is coloured. */
export type PlanLine = { text: string; tone: Tone };

/** Everything the strip draws, flat (a component compares it shallowly), built once per pushed account. */
export type PlanStripData = {
  name: string | null;
  /** Null without a profit target. */
  target: { text: string; pct: number; reached: boolean } | null;
  /** Null without a consistency limit. */
  consistency: {
    limitPct: string;
    level: RuleLevelView;
    /** Today's profit against today's cap ("+187.50 of 600.00 today"), or alone while there is no cap. */
    today: string;
    /** Whether there is a cap today (and so a bar). */
    capped: boolean;
    todayPct: number;
    sentence: PlanLine;
    /** The best day's share of the whole profit, when there is profit ("best day 41.25% of the profit"). */
    share: string | null;
    /** A past day over the limit while today still has room: the profit other days must add. */
    otherDays: PlanLine | null;
  } | null;
  /** Null without scaling. */
  contracts: string | null;
  days: PlanLine;
};

const ZERO_TEXT = '0';

function isPositive(value: string | null): boolean {
  if (value === null) return false;
  try {
    return dec(value).gt(ZERO_TEXT);
  } catch {
    return false;
  }
}

/** A percentage as the core wrote it, without needless zeros: "50", "40.5". */
export function pctText(value: string): string {
  try {
    return dec(value).toString();
  } catch {
    return value;
  }
}

export function targetFigures(plan: PlanView): PlanStripData['target'] {
  if (plan.profitTarget === null) return null;
  const reached = plan.targetRemaining !== null && !isPositive(plan.targetRemaining);
  const of = `${formatAmount(plan.totalProfit)} of ${formatAmount(plan.profitTarget)}`;
  return {
    text: reached ? `${of} · target reached` : `${of} · ${formatAmount(plan.targetRemaining)} to go`,
    pct: usedPct(plan.totalProfit, plan.profitTarget),
    reached,
  };
}

/** Whether today's profit has reached the cap (the rule breaches at p ≥ cap), and whether it is past it. */
function capState(plan: PlanView): 'none' | 'room' | 'at' | 'over' {
  if (plan.consistencyCapToday === null || plan.consistencyCapLeft === null) return 'none';
  if (isPositive(plan.consistencyCapLeft)) return 'room';
  try {
    return dec(plan.todayProfit).gt(dec(plan.consistencyCapToday)) ? 'over' : 'at';
  } catch {
    return 'at';
  }
}

/** "You can make 412.50 more today and stay within 50%", or why not. */
export function consistencySentence(plan: PlanView, limitPct: string): PlanLine {
  switch (capState(plan)) {
    case 'none':
      return { text: 'No cap yet: no profit banked', tone: 'muted' };
    case 'room':
      return {
        text: `You can make ${formatAmount(plan.consistencyCapLeft)} more today and stay within ${limitPct}%`,
        tone: 'ok',
      };
    case 'at':
      return { text: `At the ${limitPct}% cap: any more profit today is over it`, tone: 'critical' };
    case 'over':
      return {
        text: `Over the ${limitPct}% cap: profit needed on other days: ${neededText(plan)}`,
        tone: 'breach',
      };
  }
}

function neededText(plan: PlanView): string {
  return plan.profitNeededForConsistency === null ? MISSING : formatAmount(plan.profitNeededForConsistency);
}

/**
 * Whether the best day is over the limit and other days must add profit: only while there is profit to measure
 * against (consistencyPct is null without it, and "profit needed" then only says how far the total is below 0).
 */
function overOnOtherDays(plan: PlanView): boolean {
  if (plan.consistencyPct === null || plan.consistencyLimitPct === null) return false;
  try {
    return (
      dec(plan.consistencyPct).gt(dec(plan.consistencyLimitPct)) &&
      isPositive(plan.profitNeededForConsistency)
    );
  } catch {
    return false;
  }
}

const levelRank: Record<RuleLevelView, number> = { ok: 0, warning: 1, critical: 2, breach: 3 };
const worse = (a: RuleLevelView, b: RuleLevelView): RuleLevelView => (levelRank[b] > levelRank[a] ? b : a);

/**
 * The consistency block's level: the rule's own when the core sends a consistency bar, made at least amber while
 * more profit is needed on other days and red once today is at or over the cap.
 */
export function consistencyLevel(plan: PlanView, limit: LimitView | undefined): RuleLevelView {
  const cap = capState(plan);
  let level: RuleLevelView = limit?.level ?? 'ok';
  if (overOnOtherDays(plan)) level = worse(level, 'warning');
  if (cap === 'at') level = worse(level, 'critical');
  if (cap === 'over') level = worse(level, 'breach');
  return level;
}

function consistencyFigures(plan: PlanView, limits: readonly LimitView[]): PlanStripData['consistency'] {
  if (plan.consistencyLimitPct === null) return null;
  const limitPct = pctText(plan.consistencyLimitPct);
  const sentence = consistencySentence(plan, limitPct);
  const cap = plan.consistencyCapToday;
  const needed = overOnOtherDays(plan);
  return {
    limitPct,
    level: consistencyLevel(
      plan,
      limits.find((l) => l.rule === 'consistency'),
    ),
    today:
      cap === null
        ? `${formatSignedAmount(plan.todayProfit)} today`
        : `${formatSignedAmount(plan.todayProfit)} of ${formatAmount(cap)} today`,
    capped: cap !== null,
    todayPct: cap === null ? 0 : usedPct(plan.todayProfit, cap),
    sentence,
    share:
      plan.consistencyPct === null ? null : `best day ${dec(plan.consistencyPct).toFixed(2)}% of the profit`,
    otherDays:
      needed && sentence.tone !== 'breach'
        ? {
            text: `Best day over the ${limitPct}% cap: profit needed on other days: ${neededText(plan)}`,
            tone: 'warning',
          }
        : null,
  };
}

/**
 * "2 contracts today · 3 from +1,500.00 banked"; "5 contracts today · top tier"; without scaling, the account's
 * own contract limit when it has one ("Up to 5 contracts · no scaling"), else nothing.
 */
export function contractsText(plan: PlanView, limits: readonly LimitView[] = []): string | null {
  const allowed = plan.contractsAllowed;
  if (allowed === null) {
    const limit = limits.find((l) => l.rule === 'maxContracts')?.limit;
    return limit === undefined ? null : `Up to ${limit} contract${limit === '1' ? '' : 's'} · no scaling`;
  }
  const today = `${allowed} contract${allowed === 1 ? '' : 's'} today`;
  if (plan.nextTier === null) return `${today} · top tier`;
  return `${today} · ${plan.nextTier.maxContracts} from ${formatSignedAmount(plan.nextTier.from)} banked`;
}

/** "3 of 5 minimum" (good once reached); "3" days traded without a minimum. */
export function tradingDaysLine(plan: PlanView): PlanLine {
  const days = plan.tradingDays;
  if (plan.minTradingDays === null) return { text: `${days} traded`, tone: 'ok' };
  return {
    text: `${days} of ${plan.minTradingDays} minimum`,
    tone: days >= plan.minTradingDays ? 'good' : 'ok',
  };
}

const strips = new WeakMap<PlanView, PlanStripData>();

/** The strip's figures for a pushed plan (views are replaced, never changed: one build per push). */
export function planStripData(plan: PlanView, limits: readonly LimitView[]): PlanStripData {
  let data = strips.get(plan);
  if (data === undefined) {
    data = {
      name: plan.name,
      target: targetFigures(plan),
      consistency: consistencyFigures(plan, limits),
      contracts: contractsText(plan, limits),
      days: tradingDaysLine(plan),
    };
    strips.set(plan, data);
  }
  return data;
}

/** The overview's "Cap left today": the room, its bar (today's profit of the cap) and level; null without. */
export type CapLeft = { left: string | null; pct: number; level: RuleLevelView; text: string };

export function capLeftOf(account: AccountView): CapLeft {
  const plan = account.plan;
  if (plan === null || plan.consistencyLimitPct === null || plan.consistencyCapLeft === null)
    return { left: null, pct: 0, level: 'ok', text: '' };
  const limitPct = pctText(plan.consistencyLimitPct);
  return {
    left: plan.consistencyCapLeft,
    pct: plan.consistencyCapToday === null ? 0 : usedPct(plan.todayProfit, plan.consistencyCapToday),
    level: consistencyLevel(
      plan,
      account.limits.find((l) => l.rule === 'consistency'),
    ),
    text: consistencySentence(plan, limitPct).text,
  };
}
