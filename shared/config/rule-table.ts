// Every rule's config spec by id, and the zod schemas of a rule block as written in defaults, a preset or an
// account (every key optional, unknown keys rejected, values normalised, consistency checked).
import { z } from 'zod';
import { ruleIds, type RuleId } from './rules';
import { checkCommon, commonSchemas, type RuleBlock, type RuleSpec } from './rule-spec';
import * as market from './rules-market';
import * as money from './rules-money';
import * as plan from './rules-plan';
import * as trading from './rules-trading';

export const ruleSpecs: { [R in RuleId]: RuleSpec<R> } = { ...money, ...trading, ...market, ...plan };

/** The `rules` object of defaults, a preset or an account. */
export type RulesBlock = { [R in RuleId]?: RuleBlock<R> };

function buildBlockSchema<R extends RuleId>(id: R): z.ZodType<RuleBlock<R>> {
  const spec: RuleSpec<R> = ruleSpecs[id];
  const check = (rule: RuleBlock<R>) => [...checkCommon(rule), ...(spec.check?.(rule) ?? [])];
  // A parameter whose default is null (no limit) may be written as null, to unset a preset's or defaults' value.
  const params = Object.fromEntries(
    Object.entries<z.ZodType>(spec.params).map(([key, schema]) => [
      key,
      (spec.defaults as Record<string, unknown>)[key] === null ? schema.nullable() : schema,
    ]),
  );
  const schema = z
    .strictObject({ ...commonSchemas, ...params })
    .partial()
    .superRefine((rule, ctx) => {
      for (const problem of check(rule as RuleBlock<R>)) {
        ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
      }
    });
  // zod infers the same shape from the spec's schemas, but cannot see through the mapped RuleParams type.
  return schema as unknown as z.ZodType<RuleBlock<R>>;
}

export const blockSchemas = Object.fromEntries(ruleIds.map((id) => [id, buildBlockSchema(id)])) as {
  [R in RuleId]: z.ZodType<RuleBlock<R>>;
};

export const rulesBlockSchema = z.strictObject(
  Object.fromEntries(ruleIds.map((id) => [id, blockSchemas[id].optional()])),
) as unknown as z.ZodType<RulesBlock>;

/** The keys a rule block accepts (for "did you mean" hints). */
export function ruleKeys(id: RuleId): string[] {
  return [...Object.keys(commonSchemas), ...Object.keys(ruleSpecs[id].params)];
}
