// The accounts the trader chose not to guard, kept in the store's meta values so a restart keeps the choice, and
// handed to a broker that supports it (ProjectX) before it connects.
import type { Meta } from '../store';

const KEY = 'broker.excludedAccounts';

export type AccountSelection = {
  excluded(): string[];
  save(ids: readonly string[]): void;
};

export function createAccountSelection(meta: Meta): AccountSelection {
  return {
    excluded() {
      const text = meta.get(KEY);
      if (text === null) return [];
      try {
        const value: unknown = JSON.parse(text);
        return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
      } catch {
        return [];
      }
    },
    save(ids) {
      meta.set(KEY, JSON.stringify([...new Set(ids)].sort()));
    },
  };
}
