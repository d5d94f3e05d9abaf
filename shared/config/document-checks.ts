// Checks that span the document, run on the raw document so they are reported together with the schema's errors:
// preset names, each account's merged rules (a required value may come from defaults, a preset or the account), and
// the groups' members and copier leaders.
import { ruleIds, type RuleId } from './rules';
import { completeRule, mergeRule, type AccountContext } from './merge';
import type { RuleBlock } from './rule-spec';
import { blockSchemas } from './rule-table';
import { formatPath, isRecord } from './issues';
import { decimal } from './values';

type RawRules = Record<string, unknown> | undefined;

function rulesOf(block: unknown): RawRules {
  return isRecord(block) && isRecord(block['rules']) ? block['rules'] : undefined;
}

function recordAt(document: unknown, key: string): Record<string, unknown> {
  const value = isRecord(document) ? document[key] : undefined;
  return isRecord(value) ? value : {};
}

export function presetNameErrors(document: unknown): string[] {
  const presets = recordAt(document, 'presets');
  return Object.entries(recordAt(document, 'accounts')).flatMap(([id, account]) => {
    const preset = isRecord(account) ? account['preset'] : undefined;
    if (typeof preset !== 'string' || preset in presets) return [];
    const known = Object.keys(presets);
    const hint = known.length === 0 ? 'there are no presets' : `presets are ${known.join(', ')}`;
    return [`${formatPath(['accounts', id, 'preset'])}: no preset named "${preset}" (${hint})`];
  });
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
      const why =
        problem.message === 'is required' ? ` (accounts without their own ${id} get the defaults alone)` : '';
      errors.push(`${where}: ${problem.message}${why}`);
    }
  }
  for (const [accountId, account] of Object.entries(recordAt(document, 'accounts'))) {
    const presetName = isRecord(account) ? account['preset'] : undefined;
    const preset = typeof presetName === 'string' ? rulesOf(presets[presetName]) : undefined;
    const own = rulesOf(account);
    const balance = decimal({ above: '0' }).safeParse(
      isRecord(account) ? account['startingBalance'] : undefined,
    );
    const context: AccountContext = { startingBalance: balance.success ? balance.data : undefined };
    for (const id of ruleIds) {
      if (preset?.[id] === undefined && own?.[id] === undefined) continue;
      for (const problem of mergedProblems(id, [defaults?.[id], preset?.[id], own?.[id]], context)) {
        errors.push(
          `${formatPath(['accounts', accountId, 'rules', id, ...problem.path])}: ${problem.message}`,
        );
      }
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
