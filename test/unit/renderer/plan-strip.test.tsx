// @vitest-environment jsdom
// The plan strip (docs/RULES.md section 11): progress to the target, today's profit against the consistency cap
// with what is left of it in money, the contracts the scaling tier allows and the next tier, and the trading days
// against the minimum, all as the core sent them; red once today is over the cap, amber while other days must
// add profit; nothing without a plan.
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  consistencySentence,
  contractsText,
  targetFigures,
  tradingDaysLine,
} from '../../../renderer/src/features/plan/plan-figures';
import type { PlanView } from '../../../shared/ipc';
import { buildFixtureState, fixtureAccount, fixturePlan } from '../../helpers/fixture-state';
import { renderWithState } from './harness';

afterEach(cleanup);

function renderPlan(plan: PlanView | null = fixturePlan()) {
  return renderWithState(buildFixtureState({ accounts: [fixtureAccount({ plan })] }));
}

const strip = () => within(screen.getByTestId('plan-strip'));
const text = (testId: string) => strip().getByTestId(testId).textContent;

describe('the plan strip', () => {
  it("shows the target, today's cap left in money, the contracts and next tier, and the trading days", () => {
    renderPlan();
    expect(within(screen.getByTestId('account-SIM-50K')).getByTestId('plan-strip')).toBeTruthy();
    expect(text('plan-name')).toBe('Topstep 50K Combine');
    expect(text('plan-target-text')).toBe('707.50 of 3,000.00 · 2,292.50 to go');
    expect(text('plan-consistency-today')).toBe('+147.50 of 560.00 today');
    expect(text('plan-consistency-sentence')).toBe('You can make 412.50 more today and stay within 50%');
    expect(text('plan-contracts')).toBe('2 contracts today · 3 from +1,500.00 banked');
    expect(text('plan-days')).toBe('3 of 5 minimum');
    expect(strip().queryByTestId('plan-consistency-other-days')).toBeNull();
    expect(strip().getByTestId('plan-consistency').className).toBe('plan-item plan-consistency limit-ok');
    const [target, today] = strip().getAllByRole('meter');
    expect(target?.getAttribute('aria-valuenow')).toBe('23.6'); // 707.50 of 3,000
    expect(today?.getAttribute('aria-valuenow')).toBe('26.3'); // 147.50 of 560
    expect(today?.getAttribute('aria-label')).toBe("Today's profit against the cap: +147.50 of 560.00 today");
  });

  it('says there is no cap yet while no profit is banked, without a bar for today', () => {
    renderPlan(
      fixturePlan({
        totalProfit: '-87.50',
        targetRemaining: '3087.50',
        bestDayProfit: '0',
        consistencyPct: null,
        consistencyCapToday: null,
        consistencyCapLeft: null,
        profitNeededForConsistency: '87.50',
        todayProfit: '-87.50',
      }),
    );
    expect(text('plan-consistency-sentence')).toBe('No cap yet: no profit banked');
    expect(strip().getByTestId('plan-consistency-sentence').className).toContain('plan-tone-muted');
    expect(text('plan-consistency-today')).toBe('-87.50 today');
    // Profit needed is only "how far below 0" without profit: no best day is over anything.
    expect(strip().queryByTestId('plan-consistency-other-days')).toBeNull();
    expect(strip().getByTestId('plan-consistency').className).toContain('limit-ok');
    expect(text('plan-target-text')).toBe('-87.50 of 3,000.00 · 3,087.50 to go');
    expect(strip().getAllByRole('meter')).toHaveLength(1);
  });

  it('turns red over the cap and says what other days must add', () => {
    // 560.00 banked, +700.00 today: total 1,260.00, best day 700.00 (55.5556%), 700 / 0.5 − 1,260 = 140.00.
    renderPlan(
      fixturePlan({
        totalProfit: '1260.00',
        targetRemaining: '1740.00',
        bestDayProfit: '700.00',
        consistencyPct: '55.5556',
        consistencyCapLeft: '0.00',
        profitNeededForConsistency: '140.00',
        todayProfit: '700.00',
      }),
    );
    expect(text('plan-consistency-sentence')).toBe('Over the 50% cap: profit needed on other days: 140.00');
    expect(strip().getByTestId('plan-consistency').className).toBe('plan-item plan-consistency limit-breach');
    expect(strip().getByTestId('plan-consistency-sentence').className).toContain('plan-tone-breach');
    // Said once: the sentence already names the profit other days need.
    expect(strip().queryByTestId('plan-consistency-other-days')).toBeNull();
  });

  it('says so when today is exactly at the cap', () => {
    renderPlan(fixturePlan({ todayProfit: '560.00', consistencyCapLeft: '0.00', totalProfit: '1120.00' }));
    expect(text('plan-consistency-sentence')).toBe('At the 50% cap: any more profit today is over it');
    expect(strip().getByTestId('plan-consistency').className).toContain('limit-critical');
  });

  it('is amber when a past day is over the cap though today still has room', () => {
    renderPlan(
      fixturePlan({
        bestDayProfit: '480.00',
        consistencyPct: '67.8445',
        profitNeededForConsistency: '252.50',
      }),
    );
    expect(text('plan-consistency-sentence')).toBe('You can make 412.50 more today and stay within 50%');
    expect(text('plan-consistency-other-days')).toBe(
      'Best day over the 50% cap: profit needed on other days: 252.50',
    );
    expect(strip().getByTestId('plan-consistency').className).toContain('limit-warning');
  });

  it("takes the consistency rule's own level when the core sends its bar", () => {
    const account = fixtureAccount({
      plan: fixturePlan({ consistencyCapLeft: '50.00', todayProfit: '510.00' }),
    });
    account.limits = [
      ...account.limits,
      {
        rule: 'consistency',
        label: 'Consistency',
        unit: 'money',
        used: '510.00',
        limit: '560.00',
        level: 'critical',
      },
    ];
    renderWithState(buildFixtureState({ accounts: [account] }));
    expect(strip().getByTestId('plan-consistency').className).toContain('limit-critical');
    expect(text('plan-consistency-sentence')).toBe('You can make 50.00 more today and stay within 50%');
    // The strip says it: the limit bars leave the consistency cap out (and keep the others).
    expect(screen.queryByTestId('limit-consistency')).toBeNull();
    expect(screen.getByTestId('limit-dailyLoss')).toBeTruthy();
  });

  it('follows a push: the cap left shrinks as today’s profit grows', () => {
    const host = renderPlan();
    const next = buildFixtureState({
      seq: 2,
      accounts: [
        fixtureAccount({ plan: fixturePlan({ todayProfit: '400.00', consistencyCapLeft: '160.00' }) }),
      ],
    });
    act(() => {
      host.stores.view.getState().receive(next);
    });
    expect(text('plan-consistency-sentence')).toBe('You can make 160.00 more today and stay within 50%');
    expect(text('plan-consistency-today')).toBe('+400.00 of 560.00 today');
  });

  it('shows nothing for an account without a plan', () => {
    renderPlan(null);
    expect(screen.getByTestId('account-SIM-50K')).toBeTruthy();
    expect(screen.queryByTestId('plan-strip')).toBeNull();
  });

  it('leaves out what the plan does not have: no target, no consistency, no scaling, no minimum', () => {
    renderPlan(
      fixturePlan({
        name: null,
        profitTarget: null,
        targetRemaining: null,
        consistencyLimitPct: null,
        contractsAllowed: null,
        nextTier: null,
        minTradingDays: null,
      }),
    );
    expect(strip().queryByTestId('plan-name')).toBeNull();
    expect(strip().queryByTestId('plan-target')).toBeNull();
    expect(strip().queryByTestId('plan-consistency')).toBeNull();
    expect(strip().queryByTestId('plan-contracts')).toBeNull();
    expect(text('plan-days')).toBe('3 traded');
  });
});

describe('the plan strip in words', () => {
  it.each<[string, Partial<PlanView>, string]>([
    ['to go', {}, '707.50 of 3,000.00 · 2,292.50 to go'],
    ['reached', { totalProfit: '3120.25', targetRemaining: '0.00' }, '3,120.25 of 3,000.00 · target reached'],
    [
      'reached exactly',
      { totalProfit: '3000', targetRemaining: '0' },
      '3,000.00 of 3,000.00 · target reached',
    ],
  ])('target %s', (_, overrides, expected) => {
    expect(targetFigures(fixturePlan(overrides))?.text).toBe(expected);
  });

  it.each<[Partial<PlanView>, string | null]>([
    [{}, '2 contracts today · 3 from +1,500.00 banked'],
    [
      { contractsAllowed: 1, nextTier: { from: '500', maxContracts: 2 } },
      '1 contract today · 2 from +500.00 banked',
    ],
    [{ contractsAllowed: 5, nextTier: null }, '5 contracts today · top tier'],
    [{ contractsAllowed: null, nextTier: null }, null],
  ])('contracts %j → %s', (overrides, expected) => {
    expect(contractsText(fixturePlan(overrides))).toBe(expected);
  });

  it("without scaling, names the account's own contract limit (a Combine: up to 5)", () => {
    const plan = fixturePlan({ contractsAllowed: null, nextTier: null });
    const limit = (value: string) =>
      ({
        rule: 'maxContracts',
        label: 'Contracts',
        unit: 'count',
        used: '0',
        limit: value,
        level: 'ok',
      }) as const;
    expect(contractsText(plan, [limit('5')])).toBe('Up to 5 contracts · no scaling');
    expect(contractsText(plan, [limit('1')])).toBe('Up to 1 contract · no scaling');
  });

  it.each<[Partial<PlanView>, string, string]>([
    [{ tradingDays: 0 }, '0 of 5 minimum', 'ok'],
    [{ tradingDays: 5 }, '5 of 5 minimum', 'good'],
    [{ tradingDays: 7, minTradingDays: 2 }, '7 of 2 minimum', 'good'],
    [{ tradingDays: 4, minTradingDays: null }, '4 traded', 'ok'],
  ])('trading days %j → %s (%s)', (overrides, text, tone) => {
    expect(tradingDaysLine(fixturePlan(overrides))).toEqual({ text, tone });
  });

  it.each<[Partial<PlanView>, string, string]>([
    [{ consistencyCapLeft: '0.01' }, '40', 'You can make 0.01 more today and stay within 40%'],
    [{ consistencyCapLeft: '1234.5' }, '40.5', 'You can make 1,234.50 more today and stay within 40.5%'],
    [
      { consistencyCapLeft: '0', todayProfit: '560.01', profitNeededForConsistency: '0.01' },
      '50',
      'Over the 50% cap: profit needed on other days: 0.01',
    ],
  ])('consistency %j at %s%%', (overrides, limit, expected) => {
    expect(consistencySentence(fixturePlan(overrides), limit).text).toBe(expected);
  });
});
