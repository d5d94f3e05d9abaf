// An account's plan in the rule editor's draft (docs/RULES.md section 11): the firm program (a built-in preset) it
// starts from, and its own figures overriding the preset's key by key (name, profit target, consistency %, minimum
// trading days, the scaling tiers as one list). Pure helpers over the draft; the core's validation judges them.
import { builtInPresets, type FirmPreset } from '../../../../shared/presets';
import { shown, type Draft } from './config-draft';

/** A plan as the draft holds it: what the trader typed or the file said (numbers or decimal strings). */
export type PlanDraft = {
  name?: string;
  profitTarget?: string | number;
  consistencyPct?: string | number;
  minTradingDays?: string | number;
  scaling?: TierDraft[];
};
export type TierDraft = { from?: string | number; maxContracts?: string | number };

type PlanKey = 'name' | 'profitTarget' | 'consistencyPct' | 'minTradingDays';
export type PlanFieldSpec = { key: PlanKey; label: string; kind: 'text' | 'decimal' | 'integer' };

export const planFields: readonly PlanFieldSpec[] = [
  { key: 'name', label: 'Name', kind: 'text' },
  { key: 'profitTarget', label: 'Profit target', kind: 'decimal' },
  { key: 'consistencyPct', label: 'Consistency %', kind: 'decimal' },
  { key: 'minTradingDays', label: 'Minimum trading days', kind: 'integer' },
];

/** The firm programs, in the order `warden presets` lists them, without any the config's own presets shadow. */
export function firmPrograms(draft: Draft): FirmPreset[] {
  return [...builtInPresets.values()].filter((preset) => !(preset.id in (draft.presets ?? {})));
}

/** "Topstep · 50K Trading Combine". */
export const programLabel = (preset: FirmPreset): string => `${preset.firm} · ${preset.program}`;

/** The firm program the account starts from, when its preset names a built-in one. */
export function chosenProgram(draft: Draft, account: string): FirmPreset | null {
  const preset = draft.accounts?.[account]?.preset;
  if (preset === undefined || preset in (draft.presets ?? {})) return null;
  return builtInPresets.get(preset) ?? null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The plan of the account's preset (the config's own, else the built-in program), or none. */
export function presetPlan(draft: Draft, account: string): PlanDraft {
  const preset = draft.accounts?.[account]?.preset;
  if (preset === undefined) return {};
  const own = draft.presets?.[preset];
  if (isRecord(own)) return isRecord(own['plan']) ? own['plan'] : {};
  return (builtInPresets.get(preset)?.plan as PlanDraft | undefined) ?? {};
}

export function ownPlan(draft: Draft, account: string): PlanDraft {
  const plan = draft.accounts?.[account]?.plan;
  return isRecord(plan) ? plan : {};
}

/** A figure as a placeholder: "3,000", "50", "Topstep 50K Combine"; '' when there is none. */
export function figureText(value: unknown): string {
  const text = shown(value);
  if (!/^-?\d+(\.\d+)?$/.test(text)) return text;
  const [whole = '', fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** "from preset: 3,000" when the preset has the figure, else ''. */
export function presetPlaceholder(draft: Draft, account: string, key: PlanKey): string {
  const text = figureText(presetPlan(draft, account)[key]);
  return text === '' ? '' : `from preset: ${text}`;
}

/** A copy with the account's own plan replaced; an empty plan is removed (the preset's applies again). */
function withPlan(draft: Draft, account: string, plan: PlanDraft): Draft {
  const next = structuredClone(draft);
  next.accounts ??= {};
  const { plan: _old, ...rest } = next.accounts[account] ?? {};
  next.accounts[account] = Object.keys(plan).length === 0 ? rest : { ...rest, plan };
  return next;
}

/** The typed text as the draft keeps it: whole numbers as numbers (as the file would have them), else the text. */
function typed(kind: PlanFieldSpec['kind'], text: string): string | number {
  return kind === 'integer' && /^\d+$/.test(text) ? Number(text) : text;
}

/** The account's own figure changed; '' removes it (the preset's applies again). */
export function withPlanValue(draft: Draft, account: string, field: PlanFieldSpec, text: string): Draft {
  const { [field.key]: _old, ...rest } = ownPlan(draft, account);
  const trimmed = field.kind === 'text' ? text : text.trim();
  return withPlan(
    draft,
    account,
    trimmed === '' ? rest : { ...rest, [field.key]: typed(field.kind, trimmed) },
  );
}

/** The tiers in force for the account: its own list, else the preset's; `own` says which. */
export function tiersOf(draft: Draft, account: string): { tiers: TierDraft[]; own: boolean } {
  const own = ownPlan(draft, account).scaling;
  if (own !== undefined) return { tiers: own, own: true };
  return { tiers: presetPlan(draft, account).scaling ?? [], own: false };
}

function withTiers(draft: Draft, account: string, tiers: TierDraft[] | undefined): Draft {
  const { scaling: _old, ...rest } = ownPlan(draft, account);
  return withPlan(draft, account, tiers === undefined ? rest : { ...rest, scaling: tiers });
}

/** The account's own tiers, starting as a copy of the preset's (or one empty tier when it has none). */
export function withOwnTiers(draft: Draft, account: string): Draft {
  const inherited = presetPlan(draft, account).scaling ?? [];
  const tiers = inherited.length === 0 ? [{ from: '', maxContracts: '' }] : inherited.map((t) => ({ ...t }));
  return withTiers(draft, account, tiers);
}

/** A tier added to the account's own list (which starts as a copy of the preset's). */
export function withTierAdded(draft: Draft, account: string): Draft {
  const { tiers } = tiersOf(draft, account);
  return withTiers(draft, account, [...tiers.map((tier) => ({ ...tier })), { from: '', maxContracts: '' }]);
}

/** A tier removed; removing the last of the account's own tiers gives the preset's back. */
export function withTierRemoved(draft: Draft, account: string, index: number): Draft {
  const { tiers } = tiersOf(draft, account);
  const rest = tiers.filter((_, i) => i !== index);
  return withTiers(draft, account, rest.length === 0 ? undefined : rest);
}

/** The preset's tiers again (the account's own list dropped). */
export const withPresetTiers = (draft: Draft, account: string): Draft => withTiers(draft, account, undefined);

export function withTierValue(
  draft: Draft,
  account: string,
  index: number,
  key: keyof TierDraft,
  text: string,
): Draft {
  const { tiers } = tiersOf(draft, account);
  const trimmed = text.trim();
  const value = key === 'maxContracts' ? typed('integer', trimmed) : trimmed;
  return withTiers(
    draft,
    account,
    tiers.map((tier, i) => (i === index ? { ...tier, [key]: value } : { ...tier })),
  );
}

const planPrefix = (account: string) => `accounts.${account}.plan.`;

/** The message for a plan field ("profitTarget", "scaling[0].from"), from errors written as "path: message". */
export function planFieldError(errors: readonly string[], account: string, path: string): string | null {
  const prefix = `${planPrefix(account)}${path}: `;
  const found = errors.find((error) => error.startsWith(prefix));
  return found === undefined ? null : found.slice(prefix.length);
}

/** Whether a field of the plan editor shows this error beside itself. */
export function isPlanFieldError(error: string, account: string): boolean {
  const prefix = planPrefix(account);
  if (!error.startsWith(prefix)) return false;
  const path = error.slice(prefix.length, error.indexOf(': ', prefix.length));
  return (
    planFields.some((field) => field.key === path) ||
    path === 'scaling' ||
    /^scaling\[\d+\]\.(from|maxContracts)$/.test(path)
  );
}
