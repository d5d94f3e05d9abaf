// The trader's config document (docs/RULES.md section 8), validated with zod: the frame (session, marks, alerts,
// presets, defaults, accounts) and every rule block; validateConfig adds the checks that span the document and
// reports every problem at once as "path: message".
import { z } from 'zod';
import { groupErrors, presetNameErrors, mergedRuleErrors } from './document-checks';
import { groupsSchema } from './groups';
import { formatIssues } from './issues';
import { notifySchema } from './notify';
import { planSchema } from './plan';
import { rulesBlockSchema } from './rule-table';
import { count, decimal, oneOf, timeOfDay, timezone, valueOf, weekdays } from './values';

export { defaultConfigYaml } from './default-config';

const rulesHolder = z.strictObject({ rules: rulesBlockSchema.optional() });
/** A named preset: rules, and the plan of the program it stands for (docs/RULES.md section 11). */
const presetHolder = z.strictObject({ rules: rulesBlockSchema.optional(), plan: planSchema.optional() });

/** An ISO 4217 code such as USD: the currency an account's balance is in (group members must share one). */
const currency = valueOf<string>((value) =>
  typeof value === 'string' && /^[A-Z]{3}$/.test(value)
    ? value
    : { error: 'must be a three-letter currency code such as USD' },
);

export const configSchema = z.strictObject({
  session: z
    .strictObject({
      timezone: timezone.default('America/Chicago'),
      dayStart: timeOfDay.default('17:00'),
      weekStartDay: oneOf(weekdays).default('sunday'),
    })
    .prefault({}),
  markPrice: oneOf(['last', 'mid', 'conservative'] as const).default('last'),
  quoteSanity: z
    .strictObject({
      maxJumpPct: decimal({ above: '0' }).default('5'),
      confirmQuotes: count(1).default(2),
    })
    .prefault({}),
  alerts: z.strictObject({ hysteresisPct: decimal({ min: '0', max: '100' }).default('5') }).prefault({}),
  presets: z.record(z.string(), presetHolder).default({}),
  defaults: rulesHolder.prefault({}),
  accounts: z
    .record(
      z.string(),
      z.strictObject({
        preset: z.string().optional(),
        /** The account's name on the simulator (docs/API.md section 7); the id when not written. */
        name: z.string().trim().min(1, 'must be non-empty text').optional(),
        startingBalance: decimal({ above: '0' }).optional(),
        /** The account's currency; USD when not written (docs/RULES.md section 10: group members share one). */
        currency: currency.optional(),
        rules: rulesBlockSchema.optional(),
        /** The account's program, merged per key over its preset's (docs/RULES.md section 11). */
        plan: planSchema.optional(),
      }),
    )
    .default({}),
  groups: groupsSchema,
  /** Alerts away from the desk (docs/RULES.md section 13); none when not written. */
  notify: notifySchema.optional(),
});

export type WardenConfig = z.output<typeof configSchema>;

export type ConfigResult = { ok: true; config: WardenConfig } | { ok: false; errors: string[] };

/** Validates a parsed document; on failure lists every problem as "path: message". */
export function validateConfig(document: unknown): ConfigResult {
  const input = document ?? {};
  const parsed = configSchema.safeParse(input);
  const errors = [
    ...(parsed.success ? [] : formatIssues(parsed.error.issues, input)),
    ...presetNameErrors(input),
    ...mergedRuleErrors(input),
    ...groupErrors(input),
  ];
  if (!parsed.success || errors.length > 0) return { ok: false, errors };
  return { ok: true, config: parsed.data };
}
