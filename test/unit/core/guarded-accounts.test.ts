// The excluded accounts kept in the store's meta values: written sorted and de-duplicated, read back; a value
// that is not a list of ids reads as "none excluded" (every account guarded: the safe side).
import { describe, expect, it } from 'vitest';
import { createAccountSelection } from '../../../main/core/account-selection';
import type { Meta } from '../../../main/store';

function memoryMeta(initial: Record<string, string> = {}): Meta & { values: Map<string, string> } {
  const values = new Map(Object.entries(initial));
  return { values, get: (key) => values.get(key) ?? null, set: (key, value) => values.set(key, value) };
}

describe('account selection', () => {
  it('is empty at first, and reads back what was saved, sorted and once each', () => {
    const meta = memoryMeta();
    const selection = createAccountSelection(meta);
    expect(selection.excluded()).toEqual([]);
    selection.save(['30', '10', '30']);
    expect(meta.values.get('broker.excludedAccounts')).toBe('["10","30"]');
    expect(createAccountSelection(meta).excluded()).toEqual(['10', '30']);
  });

  it.each([['not json'], ['{"a":1}'], ['[1, "7", null]']])(
    'reads %s as no more than its string ids',
    (text) => {
      const selection = createAccountSelection(memoryMeta({ 'broker.excludedAccounts': text }));
      expect(selection.excluded()).toEqual(text === '[1, "7", null]' ? ['7'] : []);
    },
  );
});
