// @vitest-environment jsdom
// The dashboard card: a bar per limit with the exact figures and its level, the margin gauge coloured by the
// 150/120 marks, exposure and concentration.
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { limitText, usedPct } from '../../../renderer/src/features/dashboard/limit-bar';
import { marginTone } from '../../../renderer/src/features/dashboard/RiskGauges';
import { buildFixtureState } from '../../helpers/fixture-state';
import { renderWithState } from './harness';

afterEach(cleanup);

const account = () => within(screen.getByTestId('account-SIM-50K'));

describe('limit bars', () => {
  it('draws one bar per limit with used, limit and room, and the level as its class', () => {
    renderWithState();
    expect(account().getByTestId('limit-dailyLoss-text').textContent).toBe(
      '820.00 of 1,000.00 · 180.00 left',
    );
    expect(account().getByTestId('limit-trailingDrawdown-text').textContent).toBe(
      '250.00 of 2,000.00 · 1,750.00 left',
    );
    expect(account().getByTestId('limit-tradeFrequency-text').textContent).toBe('3 of 10 · 7 left');
    expect(account().getByTestId('limit-dailyLoss').className).toBe('limit limit-warning');
    expect(account().getByTestId('limit-trailingDrawdown').className).toBe('limit limit-ok');
    const meter = within(account().getByTestId('limit-dailyLoss')).getByRole('meter');
    expect(meter.getAttribute('aria-valuenow')).toBe('82');
    expect(meter.getAttribute('aria-label')).toBe('Daily loss: 820.00 of 1,000.00 · 180.00 left');
  });

  it('follows a state push: the level turns critical and the bar fills', () => {
    const host = renderWithState();
    const next = buildFixtureState();
    next.seq += 1;
    const first = next.accounts[0];
    if (first === undefined) throw new Error('fixture has no account');
    first.limits = [
      {
        rule: 'dailyLoss',
        label: 'Daily loss',
        unit: 'money',
        used: '990.5',
        limit: '1000',
        level: 'critical',
      },
    ];
    act(() => {
      host.stores.view.getState().receive(next);
    });
    expect(account().getByTestId('limit-dailyLoss').className).toBe('limit limit-critical');
    expect(account().getByTestId('limit-dailyLoss-text').textContent).toBe('990.50 of 1,000.00 · 9.50 left');
    expect(account().queryByTestId('limit-trailingDrawdown')).toBeNull();
  });

  it.each([
    ['0', '1000', 0],
    ['820', '1000', 82],
    ['1250', '1000', 100],
    ['-5', '1000', 0],
    ['1', '3', 33.3],
    ['5', '0', 0],
  ])('usedPct(%s, %s) = %s', (used, limit, pct) => {
    expect(usedPct(used, limit)).toBe(pct);
  });

  it('counts weighted contracts exactly (micros weigh 0.1 of a mini)', () => {
    expect(limitText({ rule: 'x', label: 'x', unit: 'count', used: '4.1', limit: '5', level: 'ok' })).toBe(
      '4.1 of 5 · 0.9 left',
    );
  });

  it('never shows negative room', () => {
    expect(limitText({ rule: 'x', label: 'x', unit: 'count', used: '4', limit: '3', level: 'breach' })).toBe(
      '4 of 3 · 0 left',
    );
  });
});

describe('margin gauge and exposure', () => {
  it.each([
    [null, 'ok'],
    ['300', 'ok'],
    ['150.0001', 'ok'],
    ['150', 'warning'],
    ['120.5', 'warning'],
    ['120', 'critical'],
    ['95', 'critical'],
  ])('margin level %s is %s', (level, tone) => {
    expect(marginTone(level)).toBe(tone);
  });

  it('shows no margin in use, exposure and concentration from the metrics', () => {
    renderWithState();
    expect(account().getByTestId('margin-level').textContent).toBe('no margin in use');
    expect(account().getByTestId('metric-grossExposure').textContent).toBe('380,513.50');
    expect(account().getByTestId('metric-largestPositionPct').textContent).toBe('77.4%');
    expect(account().getByTestId('metric-hhi').textContent).toBe('0.65');
  });

  it('colours the gauge critical at 118%', () => {
    const state = buildFixtureState();
    const first = state.accounts[0];
    if (first === undefined) throw new Error('fixture has no account');
    first.metrics.marginLevel = '118.25';
    renderWithState(state);
    expect(account().getByTestId('margin-gauge').className).toBe('gauge gauge-critical');
    expect(account().getByTestId('margin-level').textContent).toBe('118.3%');
  });
});
