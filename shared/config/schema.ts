// The trader's config document (RULES.md section 8), validated with zod; every error is reported with its path.
// This is the document's frame (session, marks, presets, accounts); each rule's own parameters arrive with the
// risk engine and are validated there.
import { z } from 'zod';

const decimalValue = z
  .union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a decimal number')])
  .transform(String);

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time such as 17:00');

const timezone = z.string().refine((name) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone name such as America/Chicago');

const ruleSettings = z.record(z.string(), z.record(z.string(), z.unknown()));

const rulesBlock = z.strictObject({ rules: ruleSettings.optional() });

export const configSchema = z.strictObject({
  session: z
    .strictObject({
      timezone: timezone.default('America/Chicago'),
      dayStart: timeOfDay.default('17:00'),
      weekStartDay: z
        .enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'])
        .default('sunday'),
    })
    .prefault({}),
  markPrice: z.enum(['last', 'mid', 'conservative']).default('last'),
  quoteSanity: z
    .strictObject({
      maxJumpPct: decimalValue.default('5'),
      confirmQuotes: z.number().int().min(1).default(2),
    })
    .prefault({}),
  alerts: z.strictObject({ hysteresisPct: decimalValue.default('5') }).prefault({}),
  presets: z.record(z.string(), rulesBlock).default({}),
  defaults: rulesBlock.prefault({}),
  accounts: z
    .record(
      z.string(),
      z.strictObject({
        preset: z.string().optional(),
        startingBalance: decimalValue.optional(),
        rules: ruleSettings.optional(),
      }),
    )
    .default({}),
});

export type WardenConfig = z.output<typeof configSchema>;

export type ConfigResult = { ok: true; config: WardenConfig } | { ok: false; errors: string[] };

/** Validates a parsed document; on failure lists every problem as "path: message". */
export function validateConfig(document: unknown): ConfigResult {
  const result = configSchema.safeParse(document ?? {});
  if (!result.success) {
    return {
      ok: false,
      errors: result.error.issues.map((issue) => `${issue.path.join('.') || '(document)'}: ${issue.message}`),
    };
  }
  const missing = Object.entries(result.data.accounts).flatMap(([id, account]) =>
    account.preset !== undefined && !(account.preset in result.data.presets)
      ? [`accounts.${id}.preset: no preset named "${account.preset}"`]
      : [],
  );
  return missing.length > 0 ? { ok: false, errors: missing } : { ok: true, config: result.data };
}

/** Written to `<data dir>/config.yaml` on first start. */
export const defaultConfigYaml = `# Warden rules and settings (RULES.md section 8). Numbers may be JSON numbers or decimal strings.
session:
  timezone: America/Chicago
  dayStart: "17:00"
  weekStartDay: sunday
markPrice: last
accounts: {}
`;
