// @vitest-environment jsdom
// The account panel shows the core's figures exactly, coloured by sign, with positions and working orders.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { buildFixtureState, fixtureAccount } from '../../helpers/fixture-state';
import { renderWithState } from './harness';

afterEach(cleanup);

function account() {
  return within(screen.getByTestId('account-SIM-50K'));
}

describe('account figures', () => {
  it.each([
    ['balance', '50,000.00', null],
    ['equity', '49,912.50', null],
    ['dailyNetPnl', '+147.50', 'pnl-pos'],
    ['dailyRealizedPnl', '+235.00', 'pnl-pos'],
    ['unrealizedPnl', '-87.50', 'pnl-neg'],
    ['dailyDrawdown', '97.50', null],
    ['weeklyNetPnl', '-412.50', 'pnl-neg'],
    ['trailingThreshold', '48,210.00', null],
    ['trailingRoom', '1,702.50', null],
    ['tradesToday', '4', null],
    ['consecutiveLosses', '0', null],
  ])('metric-%s shows %s', (id, text, tone) => {
    renderWithState();
    const value = account().getByTestId(`metric-${id}`);
    expect(value.textContent).toBe(text);
    if (tone !== null) expect(value.classList).toContain(tone);
    else expect([...value.classList].filter((c) => c.startsWith('pnl-'))).toEqual([]);
  });

  it('uses tabular digits for money', () => {
    renderWithState();
    expect(account().getByTestId('metric-balance').classList).toContain('num');
  });

  it('shows a zero P&L unsigned and uncoloured', () => {
    const state = buildFixtureState();
    const a = fixtureAccount();
    a.metrics.dailyNetPnl = '0.00';
    state.accounts = [a];
    renderWithState(state);
    const value = account().getByTestId('metric-dailyNetPnl');
    expect(value.textContent).toBe('0.00');
    expect(value.classList).toContain('pnl-zero');
  });

  it('hides the trailing threshold when the account has none', () => {
    const state = buildFixtureState();
    const a = fixtureAccount();
    a.metrics.trailingThreshold = null;
    state.accounts = [a];
    renderWithState(state);
    expect(account().queryByTestId('metric-trailingThreshold')).toBeNull();
  });
});

describe('trading state', () => {
  it('shows an active account calmly, without lock details', () => {
    renderWithState();
    expect(account().getByTestId('trading-state').textContent).toBe('Active');
    expect(account().queryByTestId('lock-reason')).toBeNull();
  });

  it('shows a halted account with its reason and a countdown to the unlock', () => {
    const state = buildFixtureState({ serverTime: new Date().toISOString() });
    const until = new Date(Date.now() + 2 * 3600_000 + 5 * 60_000 + 30_000).toISOString();
    state.accounts = [
      fixtureAccount({ tradingState: 'halted', lockReason: 'Daily loss limit', lockedUntil: until }),
    ];
    renderWithState(state);
    expect(account().getByTestId('trading-state').textContent).toBe('Halted');
    expect(account().getByTestId('lock-reason').textContent).toBe('Daily loss limit');
    expect(account().getByTestId('lock-countdown').textContent).toMatch(/^2h 05m (29|30)s$/);
  });
});

describe('a day start to confirm after a restart', () => {
  it('shows the lock in words, offers the estimate, and sends the figure the trader enters', async () => {
    const state = buildFixtureState();
    state.accounts = [
      fixtureAccount({
        tradingState: 'reducing',
        lockReason: "dayStart: today's start could not be rebuilt",
        lockedUntil: 'confirmed',
      }),
    ];
    const host = renderWithState(state);
    expect(account().getByTestId('lock-until').textContent).toBe("until you confirm today's start");
    expect(account().queryByTestId('lock-countdown')).toBeNull();
    const input = account().getByTestId<HTMLInputElement>('day-start-input');
    expect(input.value).toBe('49765.00'); // equity 49,912.50 − day net 147.50: the estimate in force
    fireEvent.change(input, { target: { value: '49,800' } });
    expect(account().getByTestId<HTMLButtonElement>('day-start-submit').disabled).toBe(true);
    fireEvent.change(input, { target: { value: '49800.25' } });
    fireEvent.click(account().getByTestId('day-start-submit'));
    await waitFor(() => {
      expect(host.sent).toEqual([
        { command: 'confirmDayStart', args: { account: 'SIM-50K', startEquity: '49800.25' } },
      ]);
    });
  });

  it('asks nothing while the account is active', () => {
    renderWithState();
    expect(account().queryByTestId('day-start-confirm')).toBeNull();
  });
});

describe('positions', () => {
  it('lists each position with signed size in words, prices and coloured P&L', () => {
    renderWithState();
    const mnq = within(account().getByTestId('position-MNQ'));
    expect(mnq.getByTestId('position-qty').textContent).toBe('Long 2');
    expect(mnq.getByTestId('position-pnl').textContent).toBe('+50.00');
    expect(mnq.getByTestId('position-pnl').classList).toContain('pnl-pos');
    expect(mnq.getByText('21450.25')).toBeTruthy();
    const es = within(account().getByTestId('position-ES'));
    expect(es.getByTestId('position-qty').textContent).toBe('Short 1');
    expect(es.getByTestId('position-pnl').textContent).toBe('-137.50');
    expect(es.getByTestId('position-pnl').classList).toContain('pnl-neg');
  });

  it('closes one position with closePosition for that account and symbol', () => {
    const host = renderWithState();
    fireEvent.click(within(account().getByTestId('position-ES')).getByRole('button', { name: /close/i }));
    expect(host.sent).toEqual([{ command: 'closePosition', args: { account: 'SIM-50K', symbol: 'ES' } }]);
  });

  it('says the account is flat when it has no positions', () => {
    const state = buildFixtureState({ accounts: [fixtureAccount({ positions: [], orders: [] })] });
    renderWithState(state);
    expect(account().getByTestId('positions-empty').textContent).toBe('Flat — no open positions');
    expect(account().getByTestId('orders-empty')).toBeTruthy();
  });

  it('shows the error when the core refuses a close', async () => {
    renderWithState(undefined, {
      handlers: { closePosition: () => ({ ok: false, error: 'broker rejected: market closed' }) },
    });
    fireEvent.click(within(account().getByTestId('position-MNQ')).getByRole('button', { name: /close/i }));
    expect((await screen.findByTestId('positions-error')).textContent).toBe('broker rejected: market closed');
  });
});

describe('working orders', () => {
  it('lists the working stop with its stop price and cancels it by id', () => {
    const host = renderWithState();
    const row = within(account().getByTestId('order-ORD-1042'));
    expect(row.getByText('MNQ')).toBeTruthy();
    expect(row.getByText('sell')).toBeTruthy();
    expect(row.getByText('stop')).toBeTruthy();
    expect(row.getByText('21420.00')).toBeTruthy();
    fireEvent.click(screen.getByTestId('cancel-ORD-1042'));
    expect(host.sent).toEqual([
      { command: 'cancelOrder', args: { account: 'SIM-50K', orderId: 'ORD-1042' } },
    ]);
  });
});
