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

export type FieldSpec = {
  rule: string;
  param: string;
  label: string;
  kind: 'decimal' | 'integer' | 'choice';
  choices?: readonly string[];
};

/** The limits a prop trader sets most, in the dashboard's order. */
export const ruleFields: readonly { rule: string; title: string; fields: readonly FieldSpec[] }[] = [
  {
    rule: 'dailyLoss',
    title: 'Daily loss',
    fields: [{ rule: 'dailyLoss', param: 'amount', label: 'Amount', kind: 'decimal' }],
  },
  {
    rule: 'dailyGiveback',
    title: 'Daily giveback',
    fields: [
      { rule: 'dailyGiveback', param: 'amount', label: 'Amount', kind: 'decimal' },
      { rule: 'dailyGiveback', param: 'activateAfter', label: 'After a gain of', kind: 'decimal' },
    ],
  },
  {
    rule: 'trailingDrawdown',
    title: 'Trailing drawdown',
    fields: [
      { rule: 'trailingDrawdown', param: 'amount', label: 'Amount', kind: 'decimal' },
      {
        rule: 'trailingDrawdown',
        param: 'mode',
        label: 'Mode',
        kind: 'choice',
        choices: ['intraday', 'endOfDay', 'static'],
      },
    ],
  },
  {
    rule: 'weeklyLoss',
    title: 'Weekly loss',
    fields: [{ rule: 'weeklyLoss', param: 'amount', label: 'Amount', kind: 'decimal' }],
  },
  {
    rule: 'maxContracts',
    title: 'Max contracts',
    fields: [{ rule: 'maxContracts', param: 'total', label: 'Total', kind: 'decimal' }],
  },
  {
    rule: 'tradeFrequency',
    title: 'Trades per day',
    fields: [
      { rule: 'tradeFrequency', param: 'perDay', label: 'Per day', kind: 'integer' },
      { rule: 'tradeFrequency', param: 'cooldownMinutes', label: 'Cooldown (min)', kind: 'integer' },
    ],
  },
  {
    rule: 'consecutiveLosses',
    title: 'Losses in a row',
    fields: [
      { rule: 'consecutiveLosses', param: 'max', label: 'Max', kind: 'integer' },
      { rule: 'consecutiveLosses', param: 'cooldownMinutes', label: 'Cooldown (min)', kind: 'integer' },
    ],
  },
  {
    rule: 'stopRequired',
    title: 'Stop required',
    fields: [{ rule: 'stopRequired', param: 'graceSeconds', label: 'Grace (s)', kind: 'integer' }],
  },
];

function accountOf(draft: Draft, account: string) {
  draft.accounts ??= {};
  draft.accounts[account] ??= {};
  return draft.accounts[account];
}

/** The account's own setting (not inherited), as the form shows it: '' when the account does not set it. */
export function ownValue(draft: Draft, account: string, rule: string, param: string): string {
  return shown(draft.accounts?.[account]?.rules?.[rule]?.[param]);
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

/** A copy with the account's own setting changed; '' removes it (the preset or defaults apply again). */
export function withParam(draft: Draft, account: string, field: FieldSpec, text: string): Draft {
  const next = structuredClone(draft);
  const target = accountOf(next, account);
  target.rules ??= {};
  const trimmed = text.trim();
  const rest = without(target.rules[field.rule] ?? {}, field.param);
  const block: RuleBlock =
    trimmed === ''
      ? rest
      : {
          ...rest,
          [field.param]: field.kind === 'integer' && /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed,
        };
  target.rules =
    Object.keys(block).length === 0
      ? without(target.rules, field.rule)
      : { ...target.rules, [field.rule]: block };
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

/** The message for a field ("must be ..."), from errors written as "path: message". */
export function fieldError(
  errors: readonly string[],
  account: string,
  rule: string,
  param: string,
): string | null {
  const prefix = `accounts.${account}.rules.${rule}.${param}: `;
  const found = errors.find((error) => error.startsWith(prefix));
  return found === undefined ? null : found.slice(prefix.length);
}

/** Errors no field shows (a rule as a whole, another account, the session, presets). */
export function otherErrors(errors: readonly string[], account: string): string[] {
  return errors.filter((error) => {
    const match = ruleFields.some(({ fields }) =>
      fields.some((f) => error.startsWith(`accounts.${account}.rules.${f.rule}.${f.param}: `)),
    );
    return !match;
  });
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
