// Turns zod's issues into the trader's error lines, "path: message", naming the value that was written and, for a
// misspelt key or rule, the closest valid one.
import type { z } from 'zod';
import { groupRuleIds, groupRuleKeys, type GroupRuleId } from './groups';
import { ruleIds, type RuleId } from './rules';
import { ruleKeys } from './rule-table';
import { showValue } from './values';

type Path = readonly PropertyKey[];

/** `accounts.A1.rules.tradingHours.windows[0].start`; the whole document is `(document)`. */
export function formatPath(path: Path): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? String(part) : `.${String(part)}`;
  }
  return text === '' ? '(document)' : text;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The raw value at a path of the document, or undefined. */
export function valueAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const part of path) {
    if (Array.isArray(node) && typeof part === 'number') node = node[part];
    else if (isRecord(node) && typeof part === 'string') node = node[part];
    else return undefined;
  }
  return node;
}

const typeWords: Record<string, string> = {
  object: 'an object',
  record: 'an object',
  array: 'a list',
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
};

/** Edits (insert, delete, change; case ignored) that turn `a` into `b`. */
export function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      const cost = a[i - 1]?.toLowerCase() === b[j - 1]?.toLowerCase() ? 0 : 1;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

/** The closest of `known` to a misspelt key, when it is close enough to be what was meant. */
function suggestion(key: string, known: readonly string[]): string {
  const scored = known.map((name) => ({ name, d: distance(key, name) }));
  const best = scored.sort((a, b) => a.d - b.d)[0];
  return best !== undefined && best.d <= Math.max(2, Math.floor(key.length / 3))
    ? ` (did you mean ${best.name}?)`
    : '';
}

function unknownKeyLine(path: Path, key: string): string {
  const where = formatPath([...path, key]);
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (path[0] === 'groups') {
    if (last === 'rules') return `${where}: unknown group rule${suggestion(key, groupRuleIds)}`;
    if (parent === 'rules' && (groupRuleIds as readonly unknown[]).includes(last)) {
      const keys = groupRuleKeys(last as GroupRuleId);
      return `${where}: unknown key for ${String(last)}${suggestion(key, keys)}; it accepts ${keys.join(', ')}`;
    }
    return `${where}: unknown key`;
  }
  if (last === 'rules') return `${where}: unknown rule${suggestion(key, ruleIds)}`;
  if (parent === 'rules' && (ruleIds as readonly unknown[]).includes(last)) {
    const id = last as RuleId;
    return `${where}: unknown key for ${id}${suggestion(key, ruleKeys(id))}; it accepts ${ruleKeys(id).join(', ')}`;
  }
  return `${where}: unknown key`;
}

/** One line per problem; unknown keys get one line each. */
export function formatIssues(issues: readonly z.core.$ZodIssue[], root: unknown): string[] {
  return issues.flatMap((issue) => {
    switch (issue.code) {
      case 'unrecognized_keys':
        return issue.keys.map((key) => unknownKeyLine(issue.path, key));
      case 'invalid_type': {
        const value = valueAt(root, issue.path);
        const expected = typeWords[issue.expected] ?? issue.expected;
        const message = value === undefined ? 'is required' : `must be ${expected}, got ${showValue(value)}`;
        return [`${formatPath(issue.path)}: ${message}`];
      }
      default:
        return [`${formatPath(issue.path)}: ${issue.message}`];
    }
  });
}
