// What every field of one account's rule needs: the account's own value of a key, the inherited one, a way to
// write a key (undefined: back to inherited), the error at a path inside the rule, and the ids the field uses.
import type { RuleId } from '../../../../shared/config/rules';
import { ownValue, sameDocument, withRuleKey, type Draft } from './config-draft';
import { inheritedRule, type InheritedRule } from './inherited';
import { errorAt, rulePath } from './rule-errors';

/** The editor's account and everything its rules' fields read. */
export type RuleContext = {
  draft: Draft;
  account: string;
  /** Validation errors of the draft (the screen's and the core's), as "path: message". */
  errors: readonly string[];
  /** The symbols the broker knows (StateView.instruments), for blocked symbols and per-symbol limits. */
  instruments: readonly string[];
  /** The session's time zone: trading-hours times are in it. */
  timezone: string;
  /** Changes the draft as it is when the change is made (a card that did not re-render holds an older one). */
  update: (change: (draft: Draft) => Draft) => void;
};

export type RuleAccess = {
  rule: RuleId;
  enabled: boolean;
  inherited: InheritedRule;
  own: (key: string) => unknown;
  set: (key: string, value: unknown) => void;
  /** The error at a path inside the rule ("amount", "windows[0].end"; '' for the rule as a whole). */
  error: (path: string) => string | null;
  /** "rule-dailyLoss-amount", "rule-tradingHours-windows-0-end": a field's test id (with the account, its id). */
  testId: (path: string) => string;
  id: (path: string) => string;
};

export function ruleAccess(ctx: RuleContext, rule: RuleId, enabled: boolean): RuleAccess {
  const { draft, account, errors, update } = ctx;
  const base = rulePath(account, rule);
  const testId = (path: string) =>
    path === '' ? `rule-${rule}` : `rule-${rule}-${path.replace(/\[(\d+)\]/g, '.$1').replaceAll('.', '-')}`;
  return {
    rule,
    enabled,
    inherited: inheritedRule(draft, account, rule),
    own: (key) => ownValue(draft, account, rule, key),
    set: (key, value) => {
      update((current) => withRuleKey(current, account, rule, key, value));
    },
    error: (path) => errorAt(errors, path === '' ? base : `${base}.${path}`),
    testId,
    id: (path) => `${account}-${testId(path)}`,
  };
}

/** The typed text as the draft keeps it: '' is nothing (inherited), whole counts are numbers, the rest text. */
export function typedText(kind: 'count' | 'text', text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return kind === 'count' && /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Everything one rule's card shows depends on: the account's own block, the layers below it (defaults, the
 * preset, the plans), the rule's errors, the instruments and the time zone. Equal signatures draw the same card.
 */
export function ruleSignature(ctx: RuleContext, rule: RuleId): unknown[] {
  const { draft, account } = ctx;
  const own = draft.accounts?.[account];
  const preset = own?.preset;
  const presetBlock = preset === undefined ? undefined : draft.presets?.[preset];
  const defaults = isRecord(draft['defaults']) ? draft['defaults']['rules'] : undefined;
  const prefix = rulePath(account, rule);
  return [
    account,
    ctx.timezone,
    ctx.instruments.join(' '),
    ctx.errors.filter((e) => e.startsWith(`${prefix}.`) || e.startsWith(`${prefix}: `)).join('\n'),
    own?.rules?.[rule],
    own?.plan,
    preset,
    presetBlock,
    isRecord(defaults) ? defaults[rule] : undefined,
  ];
}

export function sameSignature(a: unknown[], b: unknown[]): boolean {
  return sameDocument(a, b);
}
