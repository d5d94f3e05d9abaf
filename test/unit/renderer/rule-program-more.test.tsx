// @vitest-environment jsdom
// The Rules screen's program group (consistency and profit target, whose limits default to the plan's) and every
// rule's "More": action, lock (with minutes), lock state and, for rules with levels, warnAt/criticalAt; folded
// until opened or until one of them has an error, each saying in words what it inherits.
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ACCOUNT,
  click,
  emptyChoiceOf,
  errorOf,
  inputOf,
  ownRules,
  placeholderOf,
  openRules,
  type,
} from './rule-helpers';

afterEach(cleanup);

const withPlan = {
  presets: {
    desk: {
      rules: { dailyLoss: { amount: 1000 }, consecutiveLosses: { max: 3, cooldownMinutes: 30 } },
      plan: { profitTarget: 3000, consistencyPct: 50 },
    },
  },
  accounts: { [ACCOUNT]: { preset: 'desk', startingBalance: 50000 } },
};
const plain = { accounts: { [ACCOUNT]: { startingBalance: 50000 } } };

const open = (document: unknown = withPlan) => openRules(document);

const details = (rule: string) => screen.getByTestId(`rule-${rule}-more`).closest('details');

describe('program', () => {
  it("is on with the plan, and each limit says it is the plan's", async () => {
    await open();
    expect(inputOf('rule-consistency-enabled').checked).toBe(true);
    expect(inputOf('rule-profitTarget-enabled').checked).toBe(true);
    expect(placeholderOf('rule-consistency-pct')).toBe("inherited: the plan's");
    expect(placeholderOf('rule-profitTarget-amount')).toBe("inherited: the plan's");
    expect(screen.getByTestId('rules-group-program').textContent).toContain('Plan');
  });

  it("sets a limit of its own, and clears it back to the plan's", async () => {
    const host = await open();
    type('rule-consistency-pct', '40');
    type('rule-profitTarget-amount', '2500');
    expect(ownRules(host)).toEqual({ consistency: { pct: '40' }, profitTarget: { amount: '2500' } });
    type('rule-consistency-pct', '');
    click('rule-profitTarget-amount-none');
    expect(ownRules(host)).toEqual({ profitTarget: { amount: null } });
  });

  it('says beside the field that a rule without a plan needs its own limit', async () => {
    await open(plain);
    click('rule-consistency-enabled');
    expect(errorOf('rule-consistency-pct')).toBe('is required (no plan gives a consistencyPct)');
    type('rule-consistency-pct', '150');
    expect(errorOf('rule-consistency-pct')).toBe('must be at most 100, got "150"');
  });
});

describe('More', () => {
  it('is folded until opened, and says what a breach does', async () => {
    await open();
    expect(details('dailyLoss')?.open).toBe(false);
    fireEvent.click(screen.getByTestId('rule-dailyLoss-more'));
    expect(details('dailyLoss')?.open).toBe(true);
    expect(screen.getByTestId('rule-positionLoss-more').textContent).toBe(
      'More inherited: close the position, no lock',
    );
  });

  it('says each inherited option in words', async () => {
    await open();
    expect(emptyChoiceOf('rule-dailyLoss-action')).toBe('inherited: flatten the account');
    expect(emptyChoiceOf('rule-dailyLoss-lock')).toBe('inherited: until the day ends');
    expect(emptyChoiceOf('rule-dailyLoss-lockState')).toBe('inherited: halted: no trading');
    expect(placeholderOf('rule-dailyLoss-warnAt')).toBe('inherited: 0.8 (80%)');
    expect(placeholderOf('rule-dailyLoss-criticalAt')).toBe('inherited: 0.95 (95%)');
    expect(emptyChoiceOf('rule-consecutiveLosses-lock')).toBe('inherited: for 30 minutes');
    expect(emptyChoiceOf('rule-tradeFrequency-lock')).toBe('inherited: for the pause');
    expect(emptyChoiceOf('rule-exposure-lockState')).toBe('inherited: reducing: closing only');
  });

  it('offers warning and critical levels only where the rule has levels', async () => {
    await open();
    expect(screen.queryByTestId('rule-exposure-warnAt')).not.toBeNull();
    expect(screen.queryByTestId('rule-consistency-criticalAt')).not.toBeNull();
    for (const rule of ['maxContracts', 'tradeFrequency', 'tradingHours', 'profitTarget', 'brokerLock'])
      expect(screen.queryByTestId(`rule-${rule}-warnAt`)).toBeNull();
    expect(screen.getByTestId('rule-newsBlackout-unused').textContent).toBe(
      'This rule decides its own action and lock: the action and lock set here are accepted but not used.',
    );
  });

  it('sets each option, says so in the summary, and clears back to inherited', async () => {
    const host = await open();
    type('rule-dailyLoss-action', 'alert');
    type('rule-dailyLoss-lock', 'weekEnd');
    type('rule-dailyLoss-lockState', 'reducing');
    type('rule-dailyLoss-warnAt', '0.7');
    type('rule-dailyLoss-criticalAt', '0.9');
    expect(ownRules(host)['dailyLoss']).toEqual({
      action: 'alert',
      lock: 'weekEnd',
      lockState: 'reducing',
      warnAt: '0.7',
      criticalAt: '0.9',
    });
    expect(screen.getByTestId('rule-dailyLoss-more').textContent).toBe(
      'More alert, reducing until week end (5 set here)',
    );
    for (const key of ['action', 'lock', 'lockState', 'warnAt', 'criticalAt'])
      type(`rule-dailyLoss-${key}`, '');
    expect(ownRules(host)).toEqual({});
  });

  it('asks for the minutes of a lock, opening itself to show the error', async () => {
    const host = await open();
    expect(details('dailyLoss')?.open).toBe(false);
    type('rule-dailyLoss-lock', 'minutes');
    expect(ownRules(host)['dailyLoss']).toEqual({ lock: { minutes: '' } });
    expect(errorOf('rule-dailyLoss-lock')).toBe('must have minutes as a whole number of at least 1, got ""');
    expect(details('dailyLoss')?.open).toBe(true);
    type('rule-dailyLoss-lock-minutes', '15');
    expect(ownRules(host)['dailyLoss']).toEqual({ lock: { minutes: 15 } });
    expect(errorOf('rule-dailyLoss-lock')).toBeNull();
    expect(screen.getByTestId('rule-dailyLoss-more').textContent).toBe(
      'More flatten, halted for 15 min (1 set here)',
    );
    // A lock of minutes starts from the inherited minutes when there are some.
    type('rule-consecutiveLosses-lock', 'minutes');
    expect(ownRules(host)['consecutiveLosses']).toEqual({ lock: { minutes: 30 } });
  });

  it('shows a warning level above the critical one beside it', async () => {
    await open();
    type('rule-dailyLoss-warnAt', '0.9');
    type('rule-dailyLoss-criticalAt', '0.85');
    expect(errorOf('rule-dailyLoss-warnAt')).toBe('must be below criticalAt (0.85), got 0.9');
    type('rule-dailyLoss-warnAt', '2');
    expect(errorOf('rule-dailyLoss-warnAt')).toBe('must be at most 1, got "2"');
  });
});
