// Whether a new config document may take effect now (docs/RULES.md section 6): while an account is not active, or
// its settings are locked for the day, a change may only tighten its rules. Lists what the change changes, for
// the audit trail, and everything it would loosen where it may not.
import { compareGroupStrictness, compareStrictness } from '../../shared/config/strictness';
import { groupChanges, planChanges, ruleChanges } from '../../shared/config/changes';
import { planLoosened } from '../../shared/config/plan-strictness';
import type { WardenConfig } from '../../shared/config/schema';
import {
  defaultQuoteSanity,
  engineConfigOf,
  groupsOf,
  rulesFor,
  strictestLock,
  untilText,
  type ReadonlyAccountState,
  type EngineConfig,
  type ReadonlyEngineState,
} from '../engine';

export type ConfigVerdict = { ok: true; changes: string[] } | { ok: false; problems: string[] };

/** Why the account may only tighten now, or null when it may change freely. */
function restriction(account: ReadonlyAccountState, now: number): string | null {
  const lock = strictestLock(account);
  if (lock !== null) return `is ${lock.state} ${untilText(lock.until)}`;
  if (account.settingsLockedUntil !== null && account.settingsLockedUntil > now)
    return `has its settings locked ${untilText(account.settingsLockedUntil)}`;
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
    const why = restriction(account, state.now);
    if (why === null) continue;
    const verdict = compareStrictness(rulesBefore, rulesAfter);
    const loosened = [
      ...(verdict.ok ? [] : verdict.loosened),
      ...planLoosened(planBefore, planAfter),
      ...groupsLoosened(state.config, after, account.id),
      ...slowerBreaches(state.config, after),
    ];
    if (loosened.length > 0)
      problems.push(
        `${account.id} ${why}, so its rules may only tighten; this change loosens ${loosened.join(', ')}`,
      );
  }
  changes.push(...groupsChanged(state.config, after));
  return problems.length === 0 ? { ok: true, changes } : { ok: false, problems };
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

/** Whether two engine configs are the same settings (as their exact JSON). */
export function sameConfig(a: EngineConfig, b: EngineConfig): boolean {
  const plain = ({ fastPath: _fastPath, ...settings }: EngineConfig) => JSON.stringify(settings);
  return plain(a) === plain(b);
}
