// The built-in prop-firm presets (docs/RULES.md section 11): one JSON data file per program, checked against the
// config's own schemas when loaded, listed here by id. A config may name one as an account's `preset`.
import { z } from 'zod';
import { planSchema } from '../config/plan';
import { rulesBlockSchema } from '../config/rule-table';
import apex50kEod from './apex-50k-eod.json';
import apex50kIntraday from './apex-50k-intraday.json';
import apex50kLegacy from './apex-50k-legacy.json';
import lucid50kFlex from './lucid-50k-flex.json';
import mffu50kScale from './mffu-50k-scale.json';
import topstep50kCombine from './topstep-50k-combine.json';
import topstep50kExpress from './topstep-50k-express.json';
import tpt50kTest from './tpt-50k-test.json';
import tradeify50kGrowth from './tradeify-50k-growth.json';
import type { FirmPreset } from './types';

export type { FirmPreset };

const presetSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  firm: z.string().min(1),
  program: z.string().min(1),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  source: z.array(z.string().min(1)).min(1),
  notes: z.array(z.string()),
  rules: rulesBlockSchema,
  plan: planSchema,
});

/** Every preset file, in the order `warden presets` lists them. */
const files: unknown[] = [
  topstep50kCombine,
  topstep50kExpress,
  apex50kEod,
  apex50kIntraday,
  apex50kLegacy,
  tpt50kTest,
  mffu50kScale,
  tradeify50kGrowth,
  lucid50kFlex,
];

/** A preset's config blocks as its file writes them (numbers as numbers, keys in the file's order). */
export type PresetBlocksAsWritten = { rules: Record<string, unknown>; plan: Record<string, unknown> };

function load(file: unknown): { preset: FirmPreset; written: PresetBlocksAsWritten } {
  const parsed = presetSchema.safeParse(file);
  if (!parsed.success) {
    const id = typeof file === 'object' && file !== null && 'id' in file ? String(file.id) : '?';
    throw new Error(`built-in preset ${id} is invalid: ${parsed.error.message}`);
  }
  // The schema has just accepted the file, so its rules and plan are objects.
  const { rules, plan } = file as PresetBlocksAsWritten;
  return { preset: parsed.data, written: { rules, plan } };
}

const loaded = files.map(load);
for (const [index, { preset }] of loaded.entries()) {
  if (loaded.findIndex((other) => other.preset.id === preset.id) !== index)
    throw new Error(`built-in preset ${preset.id} is listed twice`);
}

/** The built-in presets by id, values normalised as the config's schemas read them. */
export const builtInPresets: ReadonlyMap<string, FirmPreset> = new Map(
  loaded.map(({ preset }) => [preset.id, preset]),
);

/** The rules and plan of each built-in preset as written, for printing as config a trader can paste. */
export const builtInPresetsAsWritten: ReadonlyMap<string, PresetBlocksAsWritten> = new Map(
  loaded.map(({ preset, written }) => [preset.id, written]),
);
