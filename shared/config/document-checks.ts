// Checks that span the document, run on the raw document so they are reported together with the schema's errors:
// preset names (the config's own or built-in), each account's merged rules (a required value may come from defaults,
// a preset, the account or its plan), and the groups' members and copier leaders.
import { builtInPresets } from '../presets';
import { ruleIds, type RuleId } from './rules';
import { completeRule, mergeRule, planLayer, type AccountContext } from './merge';
import { mergePlans, planSchema, type PlanBlock, type PlanSettings } from './plan';
import type { RuleBlock } from './rule-spec';
import { blockSchemas } from './rule-table';
import { distance, formatPath, isRecord } from './issues';
import { decimal } from './values';

type RawRules = Record<string, unknown> | undefined;

function rulesOf(block: unknown): RawRules {
  return isRecord(block) && isRecord(block['rules']) ? block['rules'] : undefined;
}

function recordAt(document: unknown, key: string): Record<string, unknown> {
  const value = isRecord(document) ? document[key] : undefined;
  return isRecord(value) ? value : {};
}

/** The preset block an account's `preset` names: the config's own by that id, else a built-in one. */
function presetAt(presets: Record<string, unknown>, name: unknown): unknown {
  if (typeof name !== 'string') return undefined;
  return Object.hasOwn(presets, name) ? presets[name] : builtInPresets.get(name);
}

/** Built-in ids: a few and how many more, not all of them in one long line (`warden presets` lists them). */
function builtInHint(): string {
  const ids = [...builtInPresets.keys()];
  if (ids.length === 0) return '';
  if (ids.length <= 4) return `; built-in: ${ids.join(', ')}`;
  return `; built-in: ${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more, listed by warden presets`;
}

/** A preset id one slip away from `name` (a typo in a long id such as topstep-50k-combine), else null. */
function closestName(name: string, known: readonly string[]): string | null {
  const allowed = Math.max(1, Math.floor(name.length / 6));
  const scored = known.map((id) => ({ id, d: distance(name, id) })).sort((a, b) => a.d - b.d);
  const best = scored[0];
  return best !== undefined && best.d <= allowed && best.d < name.length ? best.id : null;
}

export function presetNameErrors(document: unknown): string[] {
  const presets = recordAt(document, 'presets');
  return Object.entries(recordAt(document, 'accounts')).flatMap(([id, account]) => {
    const preset = isRecord(account) ? account['preset'] : undefined;
    if (typeof preset !== 'string' || presetAt(presets, preset) !== undefined) return [];
    const known = Object.keys(presets);
    const own = known.length === 0 ? 'the config has no presets' : `presets are ${known.join(', ')}`;
    const closest = closestName(preset, [...known, ...builtInPresets.keys()]);
    const question = closest === null ? '' : `, did you mean ${closest}?`;
    const where = formatPath(['accounts', id, 'preset']);
    return [`${where}: no preset named "${preset}"${question} (${own}${builtInHint()})`];
  });
}

/** The rules a plan can switch on: a plan block in error leaves them to that block's own error line. */
const planRules: readonly RuleId[] = ['consistency', 'profitTarget', 'maxContracts'];

/** An account's merged plan from its raw preset and own blocks; 'invalid' when either block is in error. */
function rawPlan(preset: unknown, account: unknown): PlanSettings | null | 'invalid' {
  const blocks: (PlanBlock | undefined)[] = [];
  for (const holder of [preset, account]) {
    const block = isRecord(holder) ? holder['plan'] : undefined;
    if (block === undefined) continue;
    const parsed = planSchema.safeParse(block);
    if (!parsed.success) return 'invalid';
    blocks.push(parsed.data);
  }
  return mergePlans(blocks);
}

/** A rule's merged problems, when every block that names it is valid on its own (else that block's error says it). */
function mergedProblems(id: RuleId, layers: unknown[], account: AccountContext) {
  const blocks: (RuleBlock | undefined)[] = [];
  for (const layer of layers) {
    if (layer === undefined) {
      blocks.push(undefined);
      continue;
    }
    const parsed = blockSchemas[id].safeParse(layer);
    if (!parsed.success) return [];
    blocks.push(parsed.data);
  }
  const merged = mergeRule(blocks);
  if (merged === undefined) return [];
  const result = completeRule(id, merged, account);
  return result.ok ? [] : result.problems;
}

/**
 * Each account's rules after the merge. A rule that only defaults.rules names is checked once, as the rules of an
 * account not listed (which gets the defaults alone), rather than once per account.
 */
export function mergedRuleErrors(document: unknown): string[] {
  const defaults = rulesOf(recordAt(document, 'defaults'));
  const presets = recordAt(document, 'presets');
  const errors: string[] = [];
  for (const id of ruleIds) {
    if (defaults?.[id] === undefined) continue;
    for (const problem of mergedProblems(id, [defaults[id]], {})) {
      const where = formatPath(['defaults', 'rules', id, ...problem.path]);
      // Accounts not listed have no plan either: say why the value is missing rather than what a plan would give.
      const required = problem.message.startsWith('is required');
      const why = required ? ` (accounts without their own ${id} get the defaults alone)` : '';
      errors.push(`${where}: ${required ? 'is required' : problem.message}${why}`);
    }
  }
  for (const [accountId, account] of Object.entries(recordAt(document, 'accounts'))) {
    errors.push(...accountRuleErrors(accountId, account, presets, defaults));
  }
  return errors;
}

/** One account's rules after the merge: its plan's layer, defaults, its preset's and its own. */
function accountRuleErrors(
  accountId: string,
  account: unknown,
  presets: Record<string, unknown>,
  defaults: RawRules,
): string[] {
  const presetBlock = presetAt(presets, isRecord(account) ? account['preset'] : undefined);
  const preset = rulesOf(presetBlock);
  const own = rulesOf(account);
  const plan = rawPlan(presetBlock, account);
  const balance = decimal({ above: '0' }).safeParse(
    isRecord(account) ? account['startingBalance'] : undefined,
  );
  const context: AccountContext = {
    startingBalance: balance.success ? balance.data : undefined,
    plan: plan === 'invalid' ? null : plan,
  };
  const errors: string[] = [];
  for (const id of ruleIds) {
    if (plan === 'invalid' && planRules.includes(id)) continue;
    const fromPlan = plan === 'invalid' ? undefined : planLayer(id, plan);
    if (fromPlan === undefined && preset?.[id] === undefined && own?.[id] === undefined) continue;
    const layers = [fromPlan, defaults?.[id], preset?.[id], own?.[id]];
    for (const problem of mergedProblems(id, layers, context)) {
      errors.push(`${formatPath(['accounts', accountId, 'rules', id, ...problem.path])}: ${problem.message}`);
    }
  }
  return errors;
}

/** An account's currency as the config gives it (USD unless it says otherwise). */
function currencyOf(account: unknown): string {
  const currency = isRecord(account) ? account['currency'] : undefined;
  return typeof currency === 'string' ? currency : 'USD';
}

/**
 * What a group block alone cannot show: members that are not accounts of the document, listed twice, or in
 * different currencies, and a copier leader that is not a member. Run on the raw document.
 */
export function groupErrors(document: unknown): string[] {
  const accounts = recordAt(document, 'accounts');
  const known = Object.keys(accounts);
  const errors: string[] = [];
  for (const [id, group] of Object.entries(recordAt(document, 'groups'))) {
    const members = isRecord(group) && Array.isArray(group['accounts']) ? group['accounts'] : [];
    const seen = new Set<unknown>();
    const currencies = new Map<string, string>();
    members.forEach((member, index) => {
      if (typeof member !== 'string' || member.trim() === '') return;
      const where = formatPath(['groups', id, 'accounts', index]);
      if (seen.has(member)) errors.push(`${where}: "${member}" is listed twice`);
      seen.add(member);
      if (!(member in accounts)) {
        const hint = known.length === 0 ? 'there are no accounts' : `accounts are ${known.join(', ')}`;
        errors.push(`${where}: no account named "${member}" (${hint})`);
        return;
      }
      currencies.set(member, currencyOf(accounts[member]));
    });
    if (new Set(currencies.values()).size > 1) {
      const listed = [...currencies].map(([member, currency]) => `${member} ${currency}`).join(', ');
      errors.push(
        `${formatPath(['groups', id, 'accounts'])}: members must share one currency, got ${listed}`,
      );
    }
    const copier = isRecord(group) ? group['copier'] : undefined;
    const leader = isRecord(copier) ? copier['leader'] : undefined;
    if (typeof leader === 'string' && leader.trim() !== '' && !members.includes(leader)) {
      const listed = members.filter((m) => typeof m === 'string').join(', ');
      errors.push(
        `${formatPath(['groups', id, 'copier', 'leader'])}: "${leader}" is not a member of the group (members are ${listed})`,
      );
    }
  }
  return errors;
}
