// A built-in prop-firm preset (docs/RULES.md section 11): one program's rules and plan as dated data, with where the
// figures come from and what about them is uncertain. Firms change these often: the screen shows `asOf`.
import type { PlanBlock } from '../config/plan';
import type { RulesBlock } from '../config/rule-table';

export type FirmPreset = {
  /** The id a config names it by, e.g. `topstep-50k-combine`. */
  id: string;
  firm: string;
  program: string;
  /** The date the figures were gathered, YYYY-MM-DD. */
  asOf: string;
  /** Where they come from (links). */
  source: string[];
  /** What is uncertain or disputed between sources. */
  notes: string[];
  rules: RulesBlock;
  plan: PlanBlock;
};
