// Tighten-only (docs/RULES.md section 6): while an account is not active, or its settings are locked for the day, a
// config change may only tighten. compareStrictness lists every change that loosens, from one explicit table.
import {
  ruleIds,
  type RuleCommon,
  type RuleId,
  type RuleParams,
  type RuleSettings,
  type AccountRules,
} from './rules';
import type {
  CopierSettings,
  GroupRuleId,
  GroupRuleParams,
  GroupRuleSettings,
  GroupSettings,
} from './groups';
import { ruleSpecs } from './rule-table';
import {
  capOrNone,
  earlierOrNone,
  falseIsTighter,
  fixedHigherIsTighter,
  higherIsTighter,
  keepsBlackouts,
  keepsCalendar,
  keepsSymbols,
  limitOrNone,
  lockLength,
  lowerIsTighter,
  perSymbolLimits,
  ranked,
  trueIsTighter,
  windowsWithin,
  type Compare,
} from './strictness-compare';

export type StrictnessResult = { ok: true } | { ok: false; loosened: string[] };

/** `enabled` is compared first, by compareRule itself. */
const commonTable: { [K in Exclude<keyof RuleCommon, 'enabled'>]-?: Compare<RuleCommon[K]> } = {
  warnAt: lowerIsTighter,
  criticalAt: lowerIsTighter,
  action: ranked('alert', 'cancelOrders', ['closePosition', 'reducePosition'], 'flatten'),
  lock: lockLength,
  lockState: ranked('reducing', 'halted'),
};

const basis = ranked('realized', 'net');

/** For every rule and every parameter: how a change of it loosens the rule. */
export const strictnessTable: { [R in RuleId]: { [K in keyof RuleParams[R]]-?: Compare<RuleParams[R][K]> } } =
  {
    dailyLoss: { amount: lowerIsTighter, basis },
    // A lower target ends the day sooner: the stricter setting.
    dailyProfitTarget: { amount: lowerIsTighter, basis },
    dailyGiveback: { amount: lowerIsTighter, activateAfter: lowerIsTighter },
    weeklyLoss: { amount: lowerIsTighter, basis },
    trailingDrawdown: {
      amount: lowerIsTighter,
      mode: ranked('static', 'endOfDay', 'intraday'),
      startingBalance: fixedHigherIsTighter,
      lockThresholdAt: capOrNone,
    },
    positionLoss: { amount: lowerIsTighter },
    maxContracts: { total: limitOrNone, perSymbol: perSymbolLimits, countWorkingOrders: trueIsTighter },
    tradeFrequency: {
      perMinute: limitOrNone,
      perHour: limitOrNone,
      perDay: limitOrNone,
      cooldownMinutes: higherIsTighter,
    },
    consecutiveLosses: {
      max: lowerIsTighter,
      cooldownMinutes: higherIsTighter,
      escalate: trueIsTighter,
      resetDaily: falseIsTighter,
    },
    stopRequired: {
      graceSeconds: lowerIsTighter,
      mode: ranked('attachStop', 'close'),
      stopTicks: lowerIsTighter,
    },
    marginLevel: { warning: higherIsTighter, critical: higherIsTighter, liquidate: higherIsTighter },
    exposure: { maxGross: limitOrNone, maxSymbolPct: limitOrNone, hhiWarning: lowerIsTighter },
    tradingHours: { windows: windowsWithin, flattenAt: earlierOrNone },
    newsBlackout: { events: keepsBlackouts, calendar: keepsCalendar },
    symbolBlock: { symbols: keepsSymbols },
    brokerLock: {},
    staleData: { maxQuoteAgeSeconds: lowerIsTighter, flatten: trueIsTighter },
    trailingStop: { activateAfterTicks: lowerIsTighter, trailTicks: lowerIsTighter },
    // A lower share or target stops the trader sooner.
    consistency: { pct: limitOrNone },
    profitTarget: { amount: limitOrNone },
  };

function compareRule<R extends RuleId>(
  id: R,
  before: RuleSettings<R> | undefined,
  after: RuleSettings<R> | undefined,
): string[] {
  return compareSettings(id, before, after, strictnessTable[id], ruleSpecs[id].levels);
}

/** A rule's (or a group rule's) settings before and after, by the common table and its own. */
function compareSettings(
  id: string,
  before: { enabled: boolean } | undefined,
  after: { enabled: boolean } | undefined,
  own: object,
  levels: boolean,
): string[] {
  if (before === undefined || !before.enabled) return [];
  if (after === undefined) return [`${id}: removed`];
  if (!after.enabled) return [`${id}: disabled`];
  // The tables are typed per key; walking them by name needs one widening.
  const tables = [commonTable, own] as unknown as Record<string, Compare<unknown>>[];
  const lines: string[] = [];
  for (const table of tables) {
    for (const [key, compare] of Object.entries(table)) {
      if (!levels && (key === 'warnAt' || key === 'criticalAt')) continue;
      const change = compare(
        (before as Record<string, unknown>)[key],
        (after as Record<string, unknown>)[key],
      );
      if (change !== null) lines.push(`${id}.${key}: ${change}`);
    }
  }
  return lines;
}

/** For every group rule and parameter: how a change of it loosens the rule (docs/RULES.md section 10). */
export const groupStrictnessTable: {
  [G in GroupRuleId]: { [K in keyof GroupRuleParams[G]]-?: Compare<GroupRuleParams[G][K]> };
} = {
  groupDailyLoss: { amount: lowerIsTighter, basis },
  groupMaxContracts: { total: lowerIsTighter },
};

/** groupMaxContracts is a count rule: its warnAt and criticalAt mean nothing. */
const groupRuleLevels: Record<GroupRuleId, boolean> = { groupDailyLoss: true, groupMaxContracts: false };

const copierTable: { [K in keyof CopierSettings]-?: Compare<CopierSettings[K]> } = {
  // Another leader changes whose positions are closed and whose lock halts the rest: not provably tighter.
  leader: (before, after) => (before === after ? null : `changed from ${before} to ${after}`),
  graceSeconds: lowerIsTighter,
  onHedge: ranked('alert', 'close'),
  haltWithLeader: trueIsTighter,
};

function compareGroupRule<G extends GroupRuleId>(
  id: G,
  before: GroupRuleSettings<G> | undefined,
  after: GroupRuleSettings<G> | undefined,
): string[] {
  return compareSettings(id, before, after, groupStrictnessTable[id], groupRuleLevels[id]);
}

/**
 * Every way a change of group `id` loosens what it imposes on its member `member` (docs/RULES.md section 10: a
 * locked member's groups may only tighten, like its own rules); [] when it keeps or tightens it.
 */
export function compareGroupStrictness(
  id: string,
  member: string,
  before: GroupSettings | undefined,
  after: GroupSettings | undefined,
): string[] {
  if (before === undefined || !before.accounts.includes(member)) return [];
  if (after === undefined) return [`group ${id}: removed`];
  if (!after.accounts.includes(member)) return [`group ${id}: ${member} no longer a member`];
  const lines = [
    ...compareGroupRule('groupDailyLoss', before.rules.groupDailyLoss, after.rules.groupDailyLoss),
    ...compareGroupRule('groupMaxContracts', before.rules.groupMaxContracts, after.rules.groupMaxContracts),
  ];
  if (before.copier !== null) {
    if (after.copier === null) lines.push('copier: removed');
    else {
      for (const [key, compare] of Object.entries(copierTable) as [string, Compare<unknown>][]) {
        const change = compare(
          (before.copier as Record<string, unknown>)[key],
          (after.copier as Record<string, unknown>)[key],
        );
        if (change !== null) lines.push(`copier.${key}: ${change}`);
      }
    }
  }
  return lines.map((line) => `group ${id} ${line}`);
}

/** Every change from `before` to `after` that loosens a rule; `{ ok: true }` when the change only tightens. */
export function compareStrictness(before: AccountRules, after: AccountRules): StrictnessResult {
  const loosened = ruleIds.flatMap((id) => compareRule(id, before[id], after[id]));
  return loosened.length === 0 ? { ok: true } : { ok: false, loosened };
}
