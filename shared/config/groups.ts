// Groups of accounts guarded together (docs/RULES.md section 10): the `groups` block of the config document and
// each group as the engine receives it (its rules completed with their defaults, the copier's defaults filled in).
// The checks that span the document (members, currencies, the leader) are in document-checks.ts.
import { z } from 'zod';
import { checkCommon, commonDefaults, commonSchemas, type Problem } from './rule-spec';
import type { Basis, RuleCommon } from './rules';
import { count, decimal, flag, oneOf, valueOf } from './values';

export const groupRuleIds = ['groupDailyLoss', 'groupMaxContracts'] as const;
export type GroupRuleId = (typeof groupRuleIds)[number];

export type GroupRuleParams = {
  groupDailyLoss: { amount: string; basis: Basis };
  groupMaxContracts: { total: string };
};
export type GroupRuleSettings<G extends GroupRuleId = GroupRuleId> = RuleCommon & GroupRuleParams[G];
/** A group's rules after completion; a rule that is absent is off. */
export type GroupRules = { [G in GroupRuleId]?: GroupRuleSettings<G> };

export type OnHedge = 'alert' | 'close';
export type CopierSettings = {
  leader: string;
  graceSeconds: number;
  onHedge: OnHedge;
  haltWithLeader: boolean;
};

/** A group as the engine receives it. */
export type GroupSettings = {
  name: string;
  /** Member account ids, in config order. */
  accounts: string[];
  rules: GroupRules;
  copier: CopierSettings | null;
};

/** Every group rule's parameters and consequence when the config does not say (docs/RULES.md section 10). */
const groupRuleDefaults: {
  [G in GroupRuleId]: Pick<RuleCommon, 'action' | 'lock' | 'lockState'> & Partial<GroupRuleParams[G]>;
} = {
  groupDailyLoss: { action: 'flatten', lock: 'dayEnd', lockState: 'halted', basis: 'net' },
  groupMaxContracts: { action: 'reducePosition', lock: 'none', lockState: 'halted' },
};

/** Parameters without a default: required unless the rule says `enabled: false`. */
const requiredParams: { [G in GroupRuleId]: readonly (keyof GroupRuleParams[G])[] } = {
  groupDailyLoss: ['amount'],
  groupMaxContracts: ['total'],
};

export const copierDefaults = { graceSeconds: 5, onHedge: 'alert', haltWithLeader: false } as const;

const text = valueOf<string>((value) =>
  typeof value === 'string' && value.trim() !== '' ? value : { error: 'must be non-empty text' },
);

/** One group rule as written: every key optional, the required ones checked unless it is off. */
function ruleBlock<P extends z.core.$ZodLooseShape>(id: GroupRuleId, params: P) {
  return z
    .strictObject({ ...commonSchemas, ...params })
    .partial()
    .superRefine((rule, ctx) => {
      const written = rule as Record<string, unknown>;
      const problems: Problem[] = [...checkCommon(written)];
      if (written['enabled'] !== false) {
        for (const key of requiredParams[id]) {
          if (written[key] === undefined) problems.push({ path: [key], message: 'is required' });
        }
      }
      for (const problem of problems)
        ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
    });
}

export const groupRuleBlocks = {
  groupDailyLoss: ruleBlock('groupDailyLoss', {
    amount: decimal({ above: '0' }),
    basis: oneOf(['net', 'realized'] as const),
  }),
  groupMaxContracts: ruleBlock('groupMaxContracts', { total: decimal({ min: '0' }) }),
};

/** The keys a group rule accepts (for "did you mean" hints). */
export function groupRuleKeys(id: GroupRuleId): string[] {
  return Object.keys(groupRuleBlocks[id].shape);
}

const groupSchema = z.strictObject({
  name: text,
  accounts: z.array(text).min(1, 'must list at least one account'),
  rules: z
    .strictObject({
      groupDailyLoss: groupRuleBlocks.groupDailyLoss.optional(),
      groupMaxContracts: groupRuleBlocks.groupMaxContracts.optional(),
    })
    .optional(),
  copier: z
    .strictObject({
      leader: text,
      graceSeconds: count(0).optional(),
      onHedge: oneOf(['alert', 'close'] as const).optional(),
      haltWithLeader: flag.optional(),
    })
    .optional(),
});

export const groupsSchema = z.record(z.string(), groupSchema).default({});

export type GroupsBlock = z.output<typeof groupsSchema>;
type GroupBlock = GroupsBlock[string];

/** One group rule as written, completed with its defaults; null when it is off and lacks required values. */
function completeGroupRule<G extends GroupRuleId>(
  id: G,
  block: { [K in keyof GroupRuleSettings<G>]?: GroupRuleSettings<G>[K] | undefined } | undefined,
): GroupRuleSettings<G> | null {
  if (block === undefined) return null;
  const written = Object.fromEntries(Object.entries(block).filter(([, value]) => value !== undefined));
  const settings = {
    enabled: true,
    ...commonDefaults,
    ...groupRuleDefaults[id],
    ...written,
  } as GroupRuleSettings<G>;
  const missing = requiredParams[id].some((key) => settings[key] === undefined);
  return missing ? null : settings;
}

function resolveGroup(group: GroupBlock): GroupSettings {
  const rules: GroupRules = {};
  const daily = completeGroupRule('groupDailyLoss', group.rules?.groupDailyLoss);
  if (daily !== null) rules.groupDailyLoss = daily;
  const contracts = completeGroupRule('groupMaxContracts', group.rules?.groupMaxContracts);
  if (contracts !== null) rules.groupMaxContracts = contracts;
  const copier = group.copier;
  return {
    name: group.name,
    accounts: [...group.accounts],
    rules,
    copier:
      copier === undefined
        ? null
        : {
            leader: copier.leader,
            graceSeconds: copier.graceSeconds ?? copierDefaults.graceSeconds,
            onHedge: copier.onHedge ?? copierDefaults.onHedge,
            haltWithLeader: copier.haltWithLeader ?? copierDefaults.haltWithLeader,
          },
  };
}

/** Every group of a validated document, as the engine receives them (in config order). */
export function resolveGroups(groups: GroupsBlock): Record<string, GroupSettings> {
  return Object.fromEntries(Object.entries(groups).map(([id, group]) => [id, resolveGroup(group)]));
}
