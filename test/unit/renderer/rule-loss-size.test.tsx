// @vitest-environment jsdom
// The Rules screen's loss limits and size groups: each empty field says in words what the account inherits (from its
// preset, the defaults or the rule's own default), a value typed in is the account's own and clearing it returns to
// the inherited one (an explicit null where the spec allows "no limit"), and each error stands beside its field.
import { cleanup, screen } from '@testing-library/react';
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

const layered = {
  presets: {
    desk: {
      rules: {
        dailyLoss: { amount: 1000 },
        trailingDrawdown: { amount: 2000, mode: 'endOfDay' },
        maxContracts: { total: 4, perSymbol: { ES: 2 } },
        exposure: { maxGross: 500000 },
      },
    },
  },
  accounts: { [ACCOUNT]: { preset: 'desk', startingBalance: 50000 } },
};
const plain = { accounts: { [ACCOUNT]: { startingBalance: 50000 } } };

const open = (document: unknown = layered) => openRules(document);

describe('loss limits', () => {
  it('says what each empty field inherits, in words', async () => {
    await open();
    expect(placeholderOf('rule-dailyLoss-amount')).toBe('inherited: 1,000');
    expect(emptyChoiceOf('rule-dailyLoss-basis')).toBe('inherited: net: open P&L and fees count');
    expect(placeholderOf('rule-dailyGiveback-amount')).toBe('required');
    expect(placeholderOf('rule-dailyGiveback-activateAfter')).toBe('inherited: 0');
    expect(emptyChoiceOf('rule-trailingDrawdown-mode')).toBe('inherited: end of day: balance at the roll');
    expect(placeholderOf('rule-trailingDrawdown-startingBalance')).toBe(
      "inherited: the account's starting balance",
    );
    expect(placeholderOf('rule-trailingDrawdown-lockThresholdAt')).toBe('inherited: never stops');
    expect(screen.getByTestId('rule-dailyLoss-more').textContent).toBe(
      'More inherited: flatten, halted until day end',
    );
    expect(screen.getByTestId('rule-weeklyLoss-more').textContent).toBe(
      'More inherited: flatten, halted until week end',
    );
    expect(screen.getByTestId('rule-dailyLoss-explain').textContent).toBe(
      "Stops trading for the day when the day's loss reaches the limit. RULES.md §6.1",
    );
    // Its section of the reference opens in place, on demand.
    expect(screen.getByTestId('rule-dailyLoss-doc').getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByTestId('rule-dailyLoss-reference')).toBeNull();
    expect(inputOf('rule-dailyLoss-enabled').checked).toBe(true);
    expect(inputOf('rule-weeklyLoss-enabled').checked).toBe(false);
  });

  it('sets a value, clears it back to inherited, and writes "never stops" as null', async () => {
    const host = await open();
    type('rule-dailyLoss-amount', '800');
    type('rule-dailyLoss-basis', 'realized');
    expect(ownRules(host)['dailyLoss']).toEqual({ amount: '800', basis: 'realized' });
    type('rule-dailyLoss-amount', '');
    type('rule-dailyLoss-basis', '');
    expect(ownRules(host)).toEqual({});
    expect(inputOf('rule-dailyLoss-amount').placeholder).toBe('inherited: 1,000');

    click('rule-trailingDrawdown-lockThresholdAt-none');
    expect(ownRules(host)['trailingDrawdown']).toEqual({ lockThresholdAt: null });
    expect(inputOf('rule-trailingDrawdown-lockThresholdAt').disabled).toBe(true);
    expect(placeholderOf('rule-trailingDrawdown-lockThresholdAt')).toBe('never stops');
    click('rule-trailingDrawdown-lockThresholdAt-none');
    expect(ownRules(host)).toEqual({});

    // Off, its fields wait for it: a value written would name the rule, and a rule named is on.
    expect(inputOf('rule-positionLoss-amount').disabled).toBe(true);
    click('rule-positionLoss-enabled');
    type('rule-positionLoss-amount', '250');
    expect(ownRules(host)['positionLoss']).toEqual({ enabled: true, amount: '250' });
    click('rule-positionLoss-reset');
    expect(ownRules(host)).toEqual({});
    expect(inputOf('rule-positionLoss-enabled').checked).toBe(false);
  });

  it('shows each error beside its field', async () => {
    await open();
    type('rule-dailyLoss-amount', '-5');
    expect(errorOf('rule-dailyLoss-amount')).toBe('must be greater than 0, got "-5"');
    expect(inputOf('rule-dailyLoss-amount').getAttribute('aria-invalid')).toBe('true');
    click('rule-dailyGiveback-enabled');
    expect(errorOf('rule-dailyGiveback-amount')).toBe('is required');
    type('rule-dailyGiveback-activateAfter', '-1');
    expect(errorOf('rule-dailyGiveback-activateAfter')).toBe('must be at least 0, got "-1"');
    type('rule-trailingDrawdown-startingBalance', '50000');
    type('rule-trailingDrawdown-lockThresholdAt', '40000');
    expect(errorOf('rule-trailingDrawdown-lockThresholdAt')).toBe(
      'must be at least startingBalance − amount (48000), got 40000',
    );
    expect(screen.queryByTestId('rule-errors')).toBeNull();
  });
});

describe('size', () => {
  it('says what each empty field inherits, in words', async () => {
    await open();
    expect(placeholderOf('rule-maxContracts-total')).toBe('inherited: 4');
    expect(inputOf('rule-maxContracts-perSymbol-ES').value).toBe('2');
    expect(screen.getByTestId('rule-maxContracts-perSymbol-source').textContent).toBe('inherited');
    expect(emptyChoiceOf('rule-maxContracts-countWorkingOrders')).toBe('inherited: yes');
    expect(placeholderOf('rule-exposure-maxGross')).toBe('inherited: 500,000');
    expect(placeholderOf('rule-exposure-maxSymbolPct')).toBe('inherited: no limit');
    expect(placeholderOf('rule-exposure-hhiWarning')).toBe('inherited: 0.25 (25%)');
    expect(placeholderOf('rule-marginLevel-warning')).toBe('inherited: 150');
    expect(placeholderOf('rule-marginLevel-critical')).toBe('inherited: 120');
    expect(placeholderOf('rule-marginLevel-liquidate')).toBe('inherited: 100');
    expect(screen.getByTestId('rule-maxContracts-more').textContent).toBe(
      'More inherited: reduce the position or cancel the orders over the limit',
    );
  });

  it("edits the per-symbol limits as the account's own copy, and goes back to the inherited ones", async () => {
    const host = await open();
    type('rule-maxContracts-perSymbol-ES', '3');
    expect(ownRules(host)['maxContracts']).toEqual({ perSymbol: { ES: '3' } });
    expect(screen.getByTestId('rule-maxContracts-perSymbol-source').textContent).toBe('set for this account');
    type('rule-maxContracts-perSymbol-input', 'MNQ');
    click('rule-maxContracts-perSymbol-add');
    type('rule-maxContracts-perSymbol-MNQ', '10');
    click('rule-maxContracts-perSymbol-ES-remove');
    expect(ownRules(host)['maxContracts']).toEqual({ perSymbol: { MNQ: '10' } });
    click('rule-maxContracts-perSymbol-inherit');
    expect(ownRules(host)).toEqual({});
    click('rule-maxContracts-total-none');
    type('rule-maxContracts-countWorkingOrders', 'false');
    expect(ownRules(host)['maxContracts']).toEqual({ total: null, countWorkingOrders: false });
    click('rule-maxContracts-total-none');
    type('rule-maxContracts-countWorkingOrders', '');
    expect(ownRules(host)).toEqual({});
  });

  it('shows each error beside its field', async () => {
    await open();
    type('rule-maxContracts-perSymbol-input', 'MNQ');
    click('rule-maxContracts-perSymbol-add');
    type('rule-maxContracts-perSymbol-MNQ', 'ten');
    expect(errorOf('rule-maxContracts-perSymbol-MNQ')).toBe(
      'must be a number (a JSON number or a decimal string such as "1000.50"), got "ten"',
    );
    type('rule-exposure-maxSymbolPct', '101');
    expect(errorOf('rule-exposure-maxSymbolPct')).toBe('must be at most 100, got "101"');
    click('rule-marginLevel-enabled');
    type('rule-marginLevel-critical', '160');
    expect(errorOf('rule-marginLevel-critical')).toBe('must be below warning (150), got 160');
    expect(screen.queryByTestId('rule-errors')).toBeNull();
  });

  it('says a max contracts with no limit at all needs one, beside the total', async () => {
    await open(plain);
    click('rule-maxContracts-enabled');
    expect(errorOf('rule-maxContracts-total')).toBe('is required unless perSymbol gives at least one limit');
  });
});
