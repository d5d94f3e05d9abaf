// Shared set-up for the config tests: validate a document and resolve one account, failing loudly when invalid.
import { resolveAccountRules } from '../../../shared/config/merge';
import { builtInPresets } from '../../../shared/presets';
import type { AccountRules } from '../../../shared/config/rules';
import { validateConfig, type WardenConfig } from '../../../shared/config/schema';

export function validConfig(document: unknown): WardenConfig {
  const result = validateConfig(document);
  if (!result.ok) throw new Error(`expected a valid config:\n${result.errors.join('\n')}`);
  return result.config;
}

/** The errors of a document that must be invalid. */
export function errorsOf(document: unknown): string[] {
  const result = validateConfig(document);
  return result.ok ? [] : result.errors;
}

/** The resolved rules of account A (startingBalance 50000) with these rules of its own. */
export function accountRules(rules: Record<string, unknown>): AccountRules {
  return resolveAccountRules(validConfig({ accounts: { A: { startingBalance: 50000, rules } } }), 'A');
}

/** The errors of account A1 with these rules of its own. */
export function ruleErrors(rules: Record<string, unknown>): string[] {
  return errorsOf({ accounts: { A1: { startingBalance: 50000, rules } } });
}

/** The common keys a rule gets when it names none of them. */
export const levels = { enabled: true, warnAt: '0.8', criticalAt: '0.95' } as const;

/** The consequence of a rule that halts the account until `lock`. */
export const halted = (lock: unknown) => ({ action: 'flatten', lock, lockState: 'halted' });

/**
 * How a preset-name error ends: the built-in presets, a few of them and how many more (their list is data another
 * file owns, so it is read here rather than written out).
 */
export function builtInPresetsHint(): string {
  const ids = [...builtInPresets.keys()];
  return ids.length <= 4
    ? `built-in: ${ids.join(', ')}`
    : `built-in: ${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more, listed by warden presets`;
}
