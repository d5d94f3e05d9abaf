// @vitest-environment jsdom
// What the round trip of a complete config document through the Rules screen found (test/e2e/rules-roundtrip): a
// group rule's action, lock (with its minutes) and lockState had no field, and a group rule written
// `enabled: false` was shown as on.
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { draftOf, inputOf, openRules, type Host } from './rule-helpers';

afterEach(cleanup);

const config = {
  accounts: { 'SIM-50K': { startingBalance: '50000' }, 'SIM-25K': { startingBalance: '25000' } },
  groups: {
    pair: {
      name: 'Pair',
      accounts: ['SIM-50K', 'SIM-25K'],
      rules: {
        groupDailyLoss: {
          amount: '1500',
          action: 'closePosition',
          lock: { minutes: 45 },
          lockState: 'reducing',
        },
        groupMaxContracts: { enabled: false, total: '6', lock: 'weekEnd' },
      },
    },
  },
};

async function openPair(): Promise<Host> {
  const host = await openRules(config);
  fireEvent.change(screen.getByTestId('rules-account'), { target: { value: 'group:pair' } });
  await screen.findByTestId('group-editor');
  return host;
}

const groupRule = (host: Host, rule: string) =>
  (draftOf(host)?.['groups'] as Record<string, { rules: Record<string, unknown> }>)['pair']?.rules[rule];

const change = (testId: string, value: string) => {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
};

describe('a group rule on the Rules screen', () => {
  it("shows its action, lock with minutes and lock state, each with the rule's default as the empty choice", async () => {
    await openPair();
    expect(inputOf('group-rule-groupDailyLoss-action').value).toBe('closePosition');
    expect(inputOf('group-rule-groupDailyLoss-lock').value).toBe('minutes');
    expect(inputOf('group-rule-groupDailyLoss-lock-minutes').value).toBe('45');
    expect(inputOf('group-rule-groupDailyLoss-lockState').value).toBe('reducing');
    expect(inputOf('group-rule-groupMaxContracts-lock').value).toBe('weekEnd');
    const emptyChoice = (testId: string) => screen.getByTestId<HTMLSelectElement>(testId).options[0]?.text;
    expect(emptyChoice('group-rule-groupDailyLoss-action')).toBe('default (flatten)');
    expect(emptyChoice('group-rule-groupDailyLoss-lock')).toBe('default (dayEnd)');
    expect(emptyChoice('group-rule-groupMaxContracts-action')).toBe('default (reducePosition)');
    expect(emptyChoice('group-rule-groupMaxContracts-lock')).toBe('default (none)');
    expect(emptyChoice('group-rule-groupMaxContracts-lockState')).toBe('default (halted)');
  });

  it('sets them in the draft: a lock of minutes asks for its number, and the default again removes the key', async () => {
    const host = await openPair();
    change('group-rule-groupDailyLoss-action', 'flatten');
    change('group-rule-groupDailyLoss-lockState', '');
    change('group-rule-groupDailyLoss-lock', 'weekEnd');
    expect(groupRule(host, 'groupDailyLoss')).toEqual({ amount: '1500', action: 'flatten', lock: 'weekEnd' });
    change('group-rule-groupDailyLoss-lock', 'minutes');
    expect(groupRule(host, 'groupDailyLoss')).toMatchObject({ lock: { minutes: '' } });
    expect(await screen.findByTestId('group-rule-groupDailyLoss-lock-error')).toBeTruthy();
    change('group-rule-groupDailyLoss-lock-minutes', '20');
    expect(groupRule(host, 'groupDailyLoss')).toMatchObject({ lock: { minutes: 20 } });
  });

  it('written enabled: false, is shown off; turned on, it keeps its values', async () => {
    const host = await openPair();
    const toggle = inputOf('group-rule-groupMaxContracts-enabled');
    expect(toggle.checked).toBe(false);
    expect(inputOf('group-rule-groupMaxContracts-total').disabled).toBe(true);
    fireEvent.click(toggle);
    expect(groupRule(host, 'groupMaxContracts')).toEqual({ total: '6', lock: 'weekEnd' });
    expect(inputOf('group-rule-groupMaxContracts-enabled').checked).toBe(true);
  });
});
