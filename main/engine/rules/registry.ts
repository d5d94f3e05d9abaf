// Every rule, in the order they are evaluated (RULES.md section 6).
import { dailyLoss } from './daily-loss';
import type { AnyRule } from './types';

export const rules: readonly AnyRule[] = [dailyLoss];
