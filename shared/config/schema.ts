// The trader's config document (docs/RULES.md section 8), validated with zod: the frame (session, marks, alerts,
// presets, defaults, accounts) and every rule block; validateConfig adds the checks that span the document and
// reports every problem at once as "path: message".
import { z } from 'zod';
import { presetNameErrors, mergedRuleErrors } from './document-checks';
import { formatIssues } from './issues';
import { rulesBlockSchema } from './rule-table';
import { count, decimal, oneOf, timeOfDay, timezone, weekdays } from './values';

export { defaultConfigYaml } from './default-config';

const rulesHolder = z.strictObject({ rules: rulesBlockSchema.optional() });

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
  presets: z.record(z.string(), rulesHolder).default({}),
  defaults: rulesHolder.prefault({}),
  accounts: z
    .record(
      z.string(),
      z.strictObject({
        preset: z.string().optional(),
        startingBalance: decimal({ above: '0' }).optional(),
        rules: rulesBlockSchema.optional(),
      }),
    )
    .default({}),
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
  ];
  if (!parsed.success || errors.length > 0) return { ok: false, errors };
  return { ok: true, config: parsed.data };
}
