// The groups of the rule editor's draft (docs/RULES.md section 10): pure helpers that change one group (its name,
// members, rules and copier), add or remove a group, and pick the validation errors of its fields. Whether the
// result is valid is for the config's validation and the core to say, never for these helpers.
import { commonCatalog, lockChoices } from '../../../../shared/config/rule-catalog';
import { ruleActions } from '../../../../shared/config/rule-spec';
import type { Draft } from './config-draft';

export type GroupDraft = {
  name?: string;
  accounts?: string[];
  rules?: Record<string, Record<string, unknown>>;
  copier?: Record<string, unknown>;
  [key: string]: unknown;
};

export type GroupFieldSpec = {
  param: string;
  label: string;
  /** A lock is a choice of its kinds, with the minutes beside it for `{ minutes: N }`. */
  kind: 'decimal' | 'integer' | 'choice' | 'lock';
  choices?: readonly string[];
  /** What applies when the group does not say. */
  placeholder?: string;
};

const levels: readonly GroupFieldSpec[] = [
  { param: 'warnAt', label: 'Warn at (fraction)', kind: 'decimal', placeholder: '0.8' },
  { param: 'criticalAt', label: 'Critical at (fraction)', kind: 'decimal', placeholder: '0.95' },
];

/** What a breach does and the lock after it, as for account rules (docs/RULES.md section 10), with the defaults. */
const consequence = (action: string, lock: string): readonly GroupFieldSpec[] => [
  {
    param: 'action',
    label: commonCatalog.action.label,
    kind: 'choice',
    choices: ruleActions,
    placeholder: action,
  },
  {
    param: 'lock',
    label: commonCatalog.lock.label,
    kind: 'lock',
    choices: lockChoices.map((choice) => choice.value),
    placeholder: lock,
  },
  {
    param: 'lockState',
    label: commonCatalog.lockState.label,
    kind: 'choice',
    choices: ['halted', 'reducing'],
    placeholder: 'halted',
  },
];

/** The group rules the editor offers, with their fields. */
export const groupRuleFields: readonly { rule: string; title: string; fields: readonly GroupFieldSpec[] }[] =
  [
    {
      rule: 'groupDailyLoss',
      title: 'Group daily loss',
      fields: [
        { param: 'amount', label: 'Amount', kind: 'decimal' },
        { param: 'basis', label: 'Basis', kind: 'choice', choices: ['net', 'realized'], placeholder: 'net' },
        ...levels,
        ...consequence('flatten', 'dayEnd'),
      ],
    },
    {
      rule: 'groupMaxContracts',
      title: 'Group max contracts',
      fields: [{ param: 'total', label: 'Total', kind: 'decimal' }, ...consequence('reducePosition', 'none')],
    },
  ];

export const copierFields: readonly GroupFieldSpec[] = [
  { param: 'graceSeconds', label: 'Grace (s)', kind: 'integer', placeholder: '5' },
  {
    param: 'onHedge',
    label: 'On a hedge',
    kind: 'choice',
    choices: ['alert', 'close'],
    placeholder: 'alert',
  },
];

const GROUP_PREFIX = 'group:';

/** The picker's value for a group (accounts are chosen by their own id). */
export const groupChoice = (id: string): string => `${GROUP_PREFIX}${id}`;

/** The group a picker value names, or null when it names an account. */
export function chosenGroup(value: string): string | null {
  return value.startsWith(GROUP_PREFIX) ? value.slice(GROUP_PREFIX.length) : null;
}

export function groupsOf(draft: Draft): Record<string, GroupDraft> {
  const groups = draft['groups'];
  return typeof groups === 'object' && groups !== null ? (groups as Record<string, GroupDraft>) : {};
}

const without = <T>(record: Record<string, T>, key: string): Record<string, T> =>
  Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));

/** A copy of the draft with group `id` replaced by what `change` makes of a copy of it. */
function withGroup(draft: Draft, id: string, change: (group: GroupDraft) => GroupDraft): Draft {
  const next = structuredClone(draft);
  const groups = groupsOf(next);
  next['groups'] = { ...groups, [id]: change(groups[id] ?? {}) };
  return next;
}

/** An id no group has yet: group1, group2, … */
export function newGroupId(draft: Draft): string {
  const taken = new Set(Object.keys(groupsOf(draft)));
  let n = 1;
  while (taken.has(`group${String(n)}`)) n += 1;
  return `group${String(n)}`;
}

/** A new group with a name and no members yet (the validation asks for at least one). */
export function withNewGroup(draft: Draft, id: string): Draft {
  return withGroup(draft, id, () => ({ name: 'New group', accounts: [] }));
}

export function withoutGroup(draft: Draft, id: string): Draft {
  const next = structuredClone(draft);
  const rest = without(groupsOf(next), id);
  if (Object.keys(rest).length === 0) delete next['groups'];
  else next['groups'] = rest;
  return next;
}

export function withGroupName(draft: Draft, id: string, name: string): Draft {
  return withGroup(draft, id, (group) => ({ ...group, name }));
}

/** Adds or removes a member, keeping the order of `order` (the config's accounts) for the members it knows. */
export function withMember(
  draft: Draft,
  id: string,
  account: string,
  member: boolean,
  order: readonly string[],
) {
  return withGroup(draft, id, (group) => {
    const current = (group.accounts ?? []).filter((a) => a !== account);
    const chosen = member ? [...current, account] : current;
    const rank = (a: string) => (order.includes(a) ? order.indexOf(a) : order.length);
    return { ...group, accounts: [...chosen].sort((a, b) => rank(a) - rank(b)) };
  });
}

function typed(field: GroupFieldSpec, text: string): unknown {
  const trimmed = text.trim();
  // No number is made up for a lock of some minutes: the field asks for one until it is typed.
  if (field.kind === 'lock' && trimmed === 'minutes') return { minutes: '' };
  return field.kind === 'integer' && /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function withKey(block: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  return value === '' ? without(block, key) : { ...block, [key]: value };
}

/** A group rule is on when its block is written and does not say `enabled: false` (docs/RULES.md section 8). */
export const isGroupRuleOn = (block: Record<string, unknown> | undefined): boolean =>
  block !== undefined && block['enabled'] !== false;

/**
 * On: the rule's block (empty, so its required values are asked for; a block written `enabled: false` keeps its
 * values and loses that key); off: no block (a group rule absent is off).
 */
export function withGroupRule(draft: Draft, id: string, rule: string, on: boolean): Draft {
  return withGroup(draft, id, (group) => {
    const rules = group.rules ?? {};
    const next = on ? { ...rules, [rule]: without(rules[rule] ?? {}, 'enabled') } : without(rules, rule);
    const { rules: _old, ...rest } = group;
    return Object.keys(next).length === 0 ? rest : { ...rest, rules: next };
  });
}

/** One setting of a group rule; '' removes it (its default applies). */
export function withGroupRuleParam(
  draft: Draft,
  id: string,
  rule: string,
  field: GroupFieldSpec,
  text: string,
) {
  return withGroup(draft, id, (group) => {
    const rules = group.rules ?? {};
    return {
      ...group,
      rules: { ...rules, [rule]: withKey(rules[rule] ?? {}, field.param, typed(field, text)) },
    };
  });
}

/** The minutes of a group rule's `{ minutes: N }` lock, as typed (a whole number, else the text to be judged). */
export function withGroupLockMinutes(draft: Draft, id: string, rule: string, text: string): Draft {
  const trimmed = text.trim();
  const minutes = /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
  return withGroup(draft, id, (group) => {
    const rules = group.rules ?? {};
    return { ...group, rules: { ...rules, [rule]: { ...rules[rule], lock: { minutes } } } };
  });
}

/** On: a copier led by the first member; off: no copier. */
export function withCopier(draft: Draft, id: string, on: boolean): Draft {
  return withGroup(draft, id, (group) => {
    const { copier: _old, ...rest } = group;
    return on ? { ...rest, copier: group.copier ?? { leader: group.accounts?.[0] ?? '' } } : rest;
  });
}

/** One setting of the copier (leader, graceSeconds, onHedge, haltWithLeader); '' removes it. */
export function withCopierParam(draft: Draft, id: string, param: string, value: string | boolean): Draft {
  const field = copierFields.find((f) => f.param === param);
  const written = typeof value === 'boolean' || field === undefined ? value : typed(field, value);
  return withGroup(draft, id, (group) => ({ ...group, copier: withKey(group.copier ?? {}, param, written) }));
}

/** The message for one of the group's fields, from errors written as "path: message". */
export function groupFieldError(errors: readonly string[], id: string, path: string): string | null {
  const prefix = `groups.${id}.${path}: `;
  const found = errors.find((error) => error.startsWith(prefix));
  return found === undefined ? null : found.slice(prefix.length);
}

/** The paths of the group that a field shows its error beside. */
export function groupFieldPaths(): string[] {
  return [
    'name',
    'accounts',
    ...groupRuleFields.flatMap(({ rule, fields }) => [...fields.map((f) => `rules.${rule}.${f.param}`)]),
    'copier.leader',
    ...copierFields.map((f) => `copier.${f.param}`),
    'copier.haltWithLeader',
  ];
}

/** Errors no field of the group shows (another account, another group, a member, a rule as a whole). */
export function otherGroupErrors(errors: readonly string[], id: string): string[] {
  const shownBeside = groupFieldPaths().map((path) => `groups.${id}.${path}: `);
  return errors.filter((error) => !shownBeside.some((prefix) => error.startsWith(prefix)));
}
