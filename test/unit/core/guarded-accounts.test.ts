// Which accounts Warden guards, owned by the core: the trader's excluded accounts kept in the store's meta values
// (written sorted and de-duplicated, read back; a value that is not a list of ids reads as "none excluded":
// every account guarded, the safe side), the environment's fixed ones beside them, the broker told the whole
// excluded set at once and on every change, and the broker's accounts listed with guarded and fixed.
import { describe, expect, it } from 'vitest';
import { createGuardedAccounts } from '../../../main/core/guarded-accounts';
import type { Meta } from '../../../main/store';

function memoryMeta(initial: Record<string, string> = {}): Meta & { values: Map<string, string> } {
  const values = new Map(Object.entries(initial));
  return { values, get: (key) => values.get(key) ?? null, set: (key, value) => values.set(key, value) };
}

/** A broker whose accounts can be chosen: it lists three and remembers every excluded set it was told. */
function selectableBroker() {
  const told: string[][] = [];
  return {
    told,
    accountsListed: () => ['10', '20', '30'].map((id) => ({ id, name: `Account ${id}` })),
    setExcluded: (ids: ReadonlySet<string>) => told.push([...ids].sort()),
  };
}

const createAccountSelection = (meta: Meta) => createGuardedAccounts({ meta, broker: selectableBroker() });

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

describe('guarded accounts', () => {
  it('tells the broker the fixed and the chosen ones together, at once and on every change', () => {
    const broker = selectableBroker();
    const meta = memoryMeta({ 'broker.excludedAccounts': '["20"]' });
    const guarded = createGuardedAccounts({ meta, broker, fixedExcluded: ['30'] });
    expect(broker.told).toEqual([['20', '30']]);
    expect(guarded.excluded()).toEqual(['20', '30']);
    expect(['10', '20', '30'].map((id) => [guarded.isGuarded(id), guarded.fixed(id)])).toEqual([
      [true, false],
      [false, false],
      [false, true],
    ]);
    guarded.save(['10', '30']);
    expect(broker.told.at(-1)).toEqual(['10', '30']);
    // The fixed one is the environment's: it is not kept as the trader's choice.
    expect(meta.values.get('broker.excludedAccounts')).toBe('["10"]');
    expect(guarded.listed()).toEqual([
      { id: '10', name: 'Account 10', guarded: false, fixed: false },
      { id: '20', name: 'Account 20', guarded: true, fixed: false },
      { id: '30', name: 'Account 30', guarded: false, fixed: true },
    ]);
  });

  it('guards every account of a broker without a choice, whatever the store holds', () => {
    const meta = memoryMeta({ 'broker.excludedAccounts': '["SIM-50K"]' });
    const guarded = createGuardedAccounts({ meta, broker: {}, fixedExcluded: ['SIM-50K'] });
    expect([guarded.isGuarded('SIM-50K'), guarded.excluded(), guarded.listed()]).toEqual([
      true,
      [],
      undefined,
    ]);
  });
});
