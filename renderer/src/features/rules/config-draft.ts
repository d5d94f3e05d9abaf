// The rule editor's draft: a plain copy of the config document that the form edits, and the pure helpers that
// change it, map validation errors onto fields, and read or write the document as JSON or YAML text.
import { parse as parseYaml, stringify as yamlText } from 'yaml';
import { resolveAccountRules } from '../../../../shared/config/merge';
import type { AccountRules } from '../../../../shared/config/rules';
import { validateConfig } from '../../../../shared/config/schema';

export type Draft = {
  presets?: Record<string, unknown>;
  accounts?: Record<
    string,
    { preset?: string; startingBalance?: string; rules?: Record<string, RuleBlock>; plan?: unknown }
  >;
  [key: string]: unknown;
};
type RuleBlock = Record<string, unknown>;

function accountOf(draft: Draft, account: string) {
  draft.accounts ??= {};
  draft.accounts[account] ??= {};
  return draft.accounts[account];
}

/** The account's own value of a rule's key (not inherited); undefined when the account does not set it. */
export function ownValue(draft: Draft, account: string, rule: string, key: string): unknown {
  return draft.accounts?.[account]?.rules?.[rule]?.[key];
}

/** A setting as text: '' for none; numbers and strings as they are; anything else as JSON. */
export function shown(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

const without = <T>(record: Record<string, T>, key: string): Record<string, T> =>
  Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));

/**
 * A copy with one key of the account's own rule changed; `undefined` removes it (the preset or defaults apply
 * again), and a rule block left empty is removed with it.
 */
export function withRuleKey(draft: Draft, account: string, rule: string, key: string, value: unknown): Draft {
  const next = structuredClone(draft);
  const target = accountOf(next, account);
  target.rules ??= {};
  const rest = without(target.rules[rule] ?? {}, key);
  const block: RuleBlock = value === undefined ? rest : { ...rest, [key]: value };
  target.rules =
    Object.keys(block).length === 0 ? without(target.rules, rule) : { ...target.rules, [rule]: block };
  if (Object.keys(target.rules).length === 0) delete target.rules;
  return next;
}

/** The account's own block of a rule dropped: everything about it comes from the preset or defaults again. */
export function withoutOwnRule(draft: Draft, account: string, rule: string): Draft {
  const next = structuredClone(draft);
  const target = accountOf(next, account);
  if (target.rules === undefined) return next;
  target.rules = without(target.rules, rule);
  if (Object.keys(target.rules).length === 0) delete target.rules;
  return next;
}

/** On: the account names the rule (with `enabled: true` when it had been off); off: `enabled: false`. */
export function withEnabled(draft: Draft, account: string, rule: string, enabled: boolean): Draft {
  const next = structuredClone(draft);
  const target = accountOf(next, account);
  target.rules ??= {};
  target.rules[rule] = { ...(target.rules[rule] ?? {}), enabled };
  return next;
}

export function withPreset(draft: Draft, account: string, preset: string): Draft {
  const next = structuredClone(draft);
  const target = accountOf(next, account);
  const { preset: _old, ...rest } = target;
  next.accounts = { ...next.accounts, [account]: preset === '' ? rest : { ...rest, preset } };
  return next;
}

export type Validation = { ok: boolean; errors: string[]; effective: AccountRules | null };

/**
 * Validates the draft as the core will (shared/config), and resolves the account's rules when it can (none for
 * a group, account null).
 */
export function validateDraft(draft: Draft, account: string | null): Validation {
  const result = validateConfig(draft);
  if (!result.ok) return { ok: false, errors: result.errors, effective: null };
  if (account === null) return { ok: true, errors: [], effective: null };
  try {
    return { ok: true, errors: [], effective: resolveAccountRules(result.config, account) };
  } catch (error) {
    return { ok: false, errors: [String(error)], effective: null };
  }
}

/** Parses an imported file: JSON when it looks like JSON, else YAML. Throws with the parser's message. */
export function parseConfigText(text: string): Draft {
  const trimmed = text.trim();
  const value: unknown = trimmed.startsWith('{') ? JSON.parse(trimmed) : parseYaml(trimmed);
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('the file must hold one config document (an object)');
  return value as Draft;
}

export function configText(draft: Draft, format: 'json' | 'yaml'): string {
  return format === 'json' ? `${JSON.stringify(draft, null, 2)}\n` : yamlText(draft);
}

/** Two documents with the same content, whatever the order of their keys. */
export function sameDocument(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return value === undefined ? 'undefined' : JSON.stringify(value);
}
