// The built-in prop-firm presets (docs/RULES.md section 11): one JSON data file per program, checked against the
// config's own schemas when loaded, listed here by id. A config may name one as an account's `preset`.
import { z } from 'zod';
import { planSchema } from '../config/plan';
import { rulesBlockSchema } from '../config/rule-table';
import topstep50kCombine from './topstep-50k-combine.json';
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
const files: unknown[] = [topstep50kCombine];

function load(file: unknown): FirmPreset {
  const parsed = presetSchema.safeParse(file);
  if (!parsed.success) {
    const id = typeof file === 'object' && file !== null && 'id' in file ? String(file.id) : '?';
    throw new Error(`built-in preset ${id} is invalid: ${parsed.error.message}`);
  }
  return parsed.data as FirmPreset;
}

export const builtInPresets: ReadonlyMap<string, FirmPreset> = new Map(
  files.map((file) => {
    const preset = load(file);
    return [preset.id, preset];
  }),
);
