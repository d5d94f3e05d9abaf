// Whether a new config document may take effect now (docs/RULES.md section 6): while an account is not active, or
// its settings are locked for the day, a change may only tighten its rules. Lists what the change changes, for
// the audit trail, and everything it would loosen where it may not; and, for the Rules screen, each changed
// setting in words with its direction and, where it may not, setConfig's reason for refusing it.
import { compareGroupStrictness, compareStrictness } from '../../shared/config/strictness';
import { groupChanges, planChanges, ruleChanges } from '../../shared/config/changes';
import { planLoosened } from '../../shared/config/plan-strictness';
import type { WardenConfig } from '../../shared/config/schema';
import {
  groupSettingChanges,
  judged,
  planSettingChanges,
  ruleSettingChanges,
  type JudgedChange,
  type SettingChange,
} from '../../shared/config/setting-changes';
import { changeWords, documentWords } from '../../shared/config/change-words';
import type { ConfigChangeView } from '../../shared/ipc';
import {
  defaultHysteresisPct,
  defaultQuoteSanity,
  engineConfigOf,
  groupsOf,
  planFor,
  rulesFor,
  strictestLock,
  untilText,
  type ReadonlyAccountState,
  type EngineConfig,
  type ReadonlyEngineState,
} from '../engine';

export type ConfigVerdict = { ok: true; changes: string[] } | { ok: false; problems: string[] };

/** Why the account may only tighten now, or null when it may change freely. */
function restriction(account: ReadonlyAccountState, now: number, zone: string): string | null {
  const lock = strictestLock(account);
  if (lock !== null) return `is ${lock.state} ${untilText(lock.until, zone)}`;
  if (account.settingsLockedUntil !== null && account.settingsLockedUntil > now)
    return `has its settings locked ${untilText(account.settingsLockedUntil, zone)}`;
  return null;
}

export function judgeConfigChange(state: ReadonlyEngineState, next: WardenConfig): ConfigVerdict {
  const after = engineConfigOf(next);
  const changes: string[] = [];
  const problems: string[] = [];
  for (const account of state.accounts.values()) {
    const rulesBefore = rulesFor(state.config, account.id);
    const rulesAfter = rulesFor(after, account.id);
    const planBefore = state.config.accounts[account.id]?.plan ?? null;
    const planAfter = after.accounts[account.id]?.plan ?? null;
    changes.push(
      ...[...ruleChanges(rulesBefore, rulesAfter), ...planChanges(planBefore, planAfter)].map(
        (change) => `${account.id} ${change}`,
      ),
    );
    const why = restriction(account, state.now, state.config.session.timezone);
    if (why === null) continue;
    const verdict = compareStrictness(rulesBefore, rulesAfter);
    const loosened = [
      ...(verdict.ok ? [] : verdict.loosened),
      ...planLoosened(planBefore, planAfter),
      ...groupsLoosened(state.config, after, account.id),
      ...slowerBreaches(state.config, after),
    ];
    if (loosened.length > 0) problems.push(refusal(account.id, why, loosened));
  }
  changes.push(...groupsChanged(state.config, after));
  return problems.length === 0 ? { ok: true, changes } : { ok: false, problems };
}

/** Why a change that loosens `loosened` of `account` may not take effect, `why` being its restriction. */
function refusal(account: string, why: string, loosened: readonly string[]): string {
  return `${account} ${why}, so its rules may only tighten; this change loosens ${loosened.join(', ')}`;
}

/** Every group's changes, in the order the groups come (before's, then those added). */
function groupsChanged(before: EngineConfig, after: EngineConfig): string[] {
  const was = groupsOf(before);
  const now = groupsOf(after);
  const ids = new Set([...Object.keys(was), ...Object.keys(now)]);
  return [...ids].flatMap((id) => groupChanges(id, was[id], now[id]));
}

/** How the change loosens the groups `member` belongs to (docs/RULES.md section 10), like its own rules. */
function groupsLoosened(before: EngineConfig, after: EngineConfig, member: string): string[] {
  const now = groupsOf(after);
  return Object.entries(groupsOf(before)).flatMap(([id, group]) =>
    compareGroupStrictness(id, member, group, now[id]),
  );
}

/** More confirming quotes before a price-driven breach latches is a looser guard. */
function slowerBreaches(before: EngineConfig, after: EngineConfig): string[] {
  const was = (before.quoteSanity ?? defaultQuoteSanity).confirmQuotes;
  const now = (after.quoteSanity ?? defaultQuoteSanity).confirmQuotes;
  return now > was ? [`quoteSanity.confirmQuotes: ${was} → ${now}`] : [];
}

/**
 * Each setting `next` changes (docs/RULES.md section 6), in the trader's words, with its direction and, where the
 * account it concerns may only tighten now, the reason setConfig gives for refusing it (naming this setting alone).
 */
export function diffConfigChange(state: ReadonlyEngineState, next: WardenConfig): ConfigChangeView[] {
  const after = engineConfigOf(next);
  const restricted = new Map<string, string>();
  for (const account of state.accounts.values()) {
    const why = restriction(account, state.now, state.config.session.timezone);
    if (why !== null) restricted.set(account.id, why);
  }
  const refused = (loosens: [account: string, lines: string[]][]): string | null => {
    const reasons = loosens.flatMap(([account, lines]) => {
      const why = restricted.get(account);
      return why === undefined || lines.length === 0 ? [] : [refusal(account, why, lines)];
    });
    return reasons.length === 0 ? null : reasons.join('; ');
  };
  const view = (change: SettingChange, at: string, where: Pick<ConfigChangeView, 'account' | 'group'>) => {
    const { path, rule, key, before, after: now, words, direction } = change;
    const full = path === '' ? at : at === '' ? path : `${at}.${path}`;
    return { path: full, ...where, rule, key, before, after: now, words, direction };
  };
  const accounts = [...state.accounts.keys()].flatMap((id) => {
    const rules = ruleSettingChanges(rulesFor(state.config, id), rulesFor(after, id));
    const plan = planSettingChanges(planFor(state.config, id), planFor(after, id), rules);
    return [...rules, ...plan].map((change) => ({
      ...view(change, `accounts.${id}`, { account: id, group: null }),
      refused: refused([[id, change.loosens]]),
    }));
  });
  const [was, now] = [groupsOf(state.config), groupsOf(after)];
  const groups = [...new Set([...Object.keys(was), ...Object.keys(now)])].flatMap((id) =>
    groupSettingChanges(id, was[id], now[id]).map((change) => ({
      ...view(change, `groups.${id}`, { account: null, group: id }),
      refused: refused(Object.entries(change.loosensFor)),
    })),
  );
  const document = documentChanges(state.config, after).map((change) => ({
    ...view(change, '', { account: null, group: null }),
    refused: refused([...restricted.keys()].map((id) => [id, change.loosens])),
  }));
  return [...accounts, ...groups, ...document];
}

/**
 * The document's own settings that the engine uses. Tighten-only judges only the confirming quotes (more of them
 * latch a breach later); the mark, the bad-tick jump and the hysteresis it does not judge, so they are neutral.
 */
function documentChanges(before: EngineConfig, after: EngineConfig): JudgedChange[] {
  const settings = (config: EngineConfig) => {
    const sanity = config.quoteSanity ?? defaultQuoteSanity;
    return {
      markPrice: config.markPrice,
      maxJumpPct: sanity.maxJumpPct.toFixed(),
      confirmQuotes: sanity.confirmQuotes,
      hysteresisPct: (config.hysteresisPct ?? defaultHysteresisPct).toFixed(),
    };
  };
  const [was, now] = [settings(before), settings(after)];
  const paths = {
    markPrice: [null, 'markPrice'],
    maxJumpPct: ['quoteSanity', 'quoteSanity.maxJumpPct'],
    confirmQuotes: ['quoteSanity', 'quoteSanity.confirmQuotes'],
    hysteresisPct: ['alerts', 'alerts.hysteresisPct'],
  } as const;
  return (Object.keys(paths) as (keyof typeof paths)[]).flatMap((key): JudgedChange[] => {
    if (was[key] === now[key]) return [];
    const [rule, path] = paths[key];
    const words = documentWords[key];
    return [
      {
        path,
        rule,
        key: path.slice(path.lastIndexOf('.') + 1),
        before: was[key],
        after: now[key],
        words: changeWords(words.label, { label: '', kind: words.kind }, was[key], now[key]),
        ...(key === 'confirmQuotes'
          ? judged(slowerBreaches, before, after)
          : { direction: 'neutral' as const, loosens: [] }),
      },
    ];
  });
}

/** Whether two engine configs are the same settings (as their exact JSON). */
export function sameConfig(a: EngineConfig, b: EngineConfig): boolean {
  const plain = ({ fastPath: _fastPath, ...settings }: EngineConfig) => JSON.stringify(settings);
  return plain(a) === plain(b);
}
