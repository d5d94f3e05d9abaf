// Each setting a config change changes, for the Rules screen: its words ("Daily loss 1,000.00 → 800.00") and its
// direction under tighten-only (docs/RULES.md section 6), judged by the strictness comparisons themselves, never by a
// second table. Values are compared as resolved (decimals as strings); the audit trail's lines are in changes.ts.
import {
  changeWords,
  commonWords,
  copierWords,
  groupRuleWords,
  groupWords,
  planWords,
  ruleWords,
  switchWords,
  type SettingWords,
  type Worded,
} from './change-words';
import { groupRuleIds, type CopierSettings, type GroupSettings } from './groups';
import type { PlanSettings } from './plan';
import { planLoosened } from './plan-strictness';
import { ruleIds, type AccountRules, type RuleId } from './rules';
import { compareGroupStrictness, compareStrictness } from './strictness';

/** How a change stands under tighten-only (docs/RULES.md section 6); neutral when it neither tightens nor loosens. */
export type ChangeDirection = 'tighter' | 'looser' | 'neutral';

/**
 * One changed setting in the trader's words. `path` is below the account, group or document ("rules.dailyLoss.amount",
 * "plan.scaling", "copier.graceSeconds"; '' for a whole group). The direction is the tighten-only comparisons' own:
 * looser when they find the change loosens, tighter when undoing it would, else neutral.
 */
export type SettingChange = {
  path: string;
  /** A rule id ("dailyLoss", "groupDailyLoss"), "copier", "plan", "quoteSanity"; null for a group's name or members. */
  rule: string | null;
  /** The setting ("amount"; "enabled" for a rule turned on or off); null for a whole group or copier. */
  key: string | null;
  /** The resolved values as JSON (decimals as strings); null for none. */
  before: unknown;
  after: unknown;
  /** "Daily loss 1,000.00 → 800.00", "Trade frequency: turned on". */
  words: string;
  direction: ChangeDirection;
};

/** An account's (or the document's) setting, with how it loosens in tighten-only's words ([] unless looser). */
export type JudgedChange = SettingChange & { loosens: string[] };

/** A group's setting, with how it loosens what the group imposes on each member it loosens it for. */
export type GroupChange = SettingChange & { loosensFor: Record<string, string[]> };

type Settings = Record<string, unknown>;
type Judgement = { direction: ChangeDirection };
type Judged = Judgement & { loosens: string[] };

/** Looser when `loosens(before, changed)` finds anything, tighter when `loosens(changed, before)` does. */
export function judged<T>(loosens: (a: T, b: T) => string[], before: T, changed: T): Judged {
  const lines = loosens(before, changed);
  if (lines.length > 0) return { direction: 'looser', loosens: lines };
  return { direction: loosens(changed, before).length > 0 ? 'tighter' : 'neutral', loosens: [] };
}

type Switched<J extends Judgement> = {
  words: Worded;
  path: (key: string | null) => string;
  rule: string;
  /** The key that says on or off ('enabled' for a rule; null for a copier, which is on by being written). */
  switchKey: string | null;
  /** The change judged as if only this rule's settings had become `settings`. */
  judge: (settings: Settings | undefined) => J;
};

/** A rule (or a copier) turned on or off, or each of its settings that changed while it is on before and after. */
function switchedSettings<J extends Judgement>(
  how: Switched<J>,
  was: Settings | undefined,
  now: Settings | undefined,
): (SettingChange & J)[] {
  const wasOn = was?.['enabled'] === true;
  const isOn = now?.['enabled'] === true;
  const { title, keys } = how.words;
  if (wasOn !== isOn) {
    const key = how.switchKey;
    return [
      {
        path: how.path(key),
        rule: how.rule,
        key,
        before: wasOn,
        after: isOn,
        words: switchWords(title, isOn),
        ...how.judge(now),
      },
    ];
  }
  if (!wasOn || !isOn) return [];
  // The rule's own parameters first (its main figure leads), then what every rule has.
  const names = [...Object.keys(keys), ...Object.keys(commonWords)].filter((key) => key in was);
  const labels: Record<string, SettingWords> = { ...keys, ...commonWords };
  return names.flatMap((key) => {
    const [before, after] = [was[key], now[key]];
    const words = labels[key];
    if (words === undefined || JSON.stringify(before) === JSON.stringify(after)) return [];
    return [
      {
        path: how.path(key),
        rule: how.rule,
        key,
        before,
        after,
        words: changeWords(title, words, before, after),
        ...how.judge({ ...was, [key]: after }),
      },
    ];
  });
}

const loosenedRules = (before: AccountRules, after: AccountRules): string[] => {
  const verdict = compareStrictness(before, after);
  return verdict.ok ? [] : verdict.loosened;
};

/** Every setting a change of one account's resolved rules changes, judged as tighten-only judges it. */
export function ruleSettingChanges(before: AccountRules, after: AccountRules): JudgedChange[] {
  return ruleIds.flatMap((id) =>
    switchedSettings(
      {
        words: ruleWords(id),
        path: (key) => `rules.${id}.${key ?? 'enabled'}`,
        rule: id,
        switchKey: 'enabled',
        judge: (settings) => judged(loosenedRules, before, { ...before, [id]: settings }),
      },
      before[id],
      after[id],
    ),
  );
}

/** Which rule a plan figure reaches the engine through (docs/RULES.md section 11). */
const planRules: Partial<Record<keyof PlanSettings, { rule: RuleId; key: string }>> = {
  profitTarget: { rule: 'profitTarget', key: 'amount' },
  consistencyPct: { rule: 'consistency', key: 'pct' },
};

/**
 * Every figure a change of an account's plan changes. The scaling ladder is judged by planLoosened; the target and
 * the consistency limit reach the engine as rule settings, so they stand as that rule's changes in `rules` stand
 * (neutral when the account's own rule setting overrides the plan's). The name and minimum days enforce nothing.
 */
export function planSettingChanges(
  before: PlanSettings | null,
  after: PlanSettings | null,
  rules: readonly JudgedChange[],
): JudgedChange[] {
  const keys = Object.keys(planWords.keys) as (keyof PlanSettings)[];
  return keys.flatMap((key): JudgedChange[] => {
    const [was, now] = [before?.[key] ?? null, after?.[key] ?? null];
    if (JSON.stringify(was) === JSON.stringify(now)) return [];
    const change = {
      path: `plan.${key}`,
      rule: 'plan',
      key,
      before: was,
      after: now,
      words: changeWords(planWords.title, planWords.keys[key], was, now),
    };
    if (key === 'scaling') {
      const changed = { ...(before ?? noPlan), scaling: after?.scaling ?? null };
      return [{ ...change, ...judged(planLoosened, before, changed) }];
    }
    const through = planRules[key];
    const driven =
      through === undefined
        ? []
        : rules.filter(
            (rule) => rule.rule === through.rule && (rule.key === 'enabled' || rule.key === through.key),
          );
    return [{ ...change, ...strongest(driven) }];
  });
}

const noPlan: PlanSettings = {
  name: null,
  profitTarget: null,
  consistencyPct: null,
  minTradingDays: null,
  scaling: null,
};

/** Of several changes, looser wins over tighter over neutral; the loosenings are all of theirs. */
function strongest(changes: readonly Judged[]): Judged {
  const loosens = changes.flatMap((change) => change.loosens);
  const has = (direction: ChangeDirection) => changes.some((change) => change.direction === direction);
  return { direction: has('looser') ? 'looser' : has('tighter') ? 'tighter' : 'neutral', loosens };
}

/** What a change of group `id` loosens for each member it loosens it for (compareGroupStrictness per member). */
function groupJudge(id: string, before: GroupSettings | undefined, members: readonly string[]) {
  return (
    changed: GroupSettings | undefined,
  ): { direction: ChangeDirection; loosensFor: Record<string, string[]> } => {
    const loosensFor: Record<string, string[]> = {};
    let tighter = false;
    for (const member of members) {
      const { direction, loosens } = judged(
        (a: GroupSettings | undefined, b: GroupSettings | undefined) =>
          compareGroupStrictness(id, member, a, b),
        before,
        changed,
      );
      if (loosens.length > 0) loosensFor[member] = loosens;
      tighter ||= direction === 'tighter';
    }
    const direction = Object.keys(loosensFor).length > 0 ? 'looser' : tighter ? 'tighter' : 'neutral';
    return { direction, loosensFor };
  };
}

/**
 * Every setting a change of group `id` changes (docs/RULES.md section 10), judged for every member it has before or
 * after: looser when it loosens what the group imposes on any of them.
 */
export function groupSettingChanges(
  id: string,
  before: GroupSettings | undefined,
  after: GroupSettings | undefined,
): GroupChange[] {
  const members = [...new Set([...(before?.accounts ?? []), ...(after?.accounts ?? [])])];
  const judge = groupJudge(id, before, members);
  const whole = (words: string, was: unknown, now: unknown) => ({
    path: '',
    rule: null,
    key: null,
    before: was,
    after: now,
    words,
  });
  if (before === undefined && after === undefined) return [];
  if (before === undefined)
    return [{ ...whole(`Group ${id}: added`, null, after?.name ?? null), ...judge(after) }];
  if (after === undefined)
    return [{ ...whole(`Group ${id}: removed`, before.name, null), ...judge(undefined) }];
  const title = `Group ${id}`;
  const own = (['name', 'accounts'] as const).flatMap((key): GroupChange[] =>
    JSON.stringify(before[key]) === JSON.stringify(after[key])
      ? []
      : [
          {
            path: key,
            rule: null,
            key,
            before: before[key],
            after: after[key],
            words: changeWords(title, groupWords[key], before[key], after[key]),
            ...judge({ ...before, [key]: after[key] }),
          },
        ],
  );
  const rules = groupRuleIds.flatMap((rule) =>
    switchedSettings(
      {
        words: { title: `${title} ${groupRuleWords[rule].title}`, keys: groupRuleWords[rule].keys },
        path: (key) => `rules.${rule}.${key ?? 'enabled'}`,
        rule,
        switchKey: 'enabled',
        judge: (settings) => judge({ ...before, rules: { ...before.rules, [rule]: settings } }),
      },
      before.rules[rule],
      after.rules[rule],
    ),
  );
  const copierOf = (copier: CopierSettings | null) =>
    copier === null ? undefined : { enabled: true, ...copier };
  const copier = switchedSettings(
    {
      words: { title: `${title} ${copierWords.title}`, keys: copierWords.keys },
      path: (key) => (key === null ? 'copier' : `copier.${key}`),
      rule: 'copier',
      switchKey: null,
      judge: (settings) =>
        judge({ ...before, copier: settings === undefined ? null : withoutEnabled(settings) }),
    },
    copierOf(before.copier),
    copierOf(after.copier),
  );
  return [...own, ...rules, ...copier];
}

function withoutEnabled({ enabled: _enabled, ...copier }: Settings): CopierSettings {
  // Only ever a copier wrapped by copierOf, with a key of it changed.
  return copier as CopierSettings;
}
