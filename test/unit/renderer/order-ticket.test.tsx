// @vitest-environment jsdom
// The order ticket sends placeOrder with exactly the trader's order, refuses what it can tell is wrong before
// sending, and shows the core's refusal beside itself.
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { OrderTicket } from '../../../renderer/src/features/ticket/OrderTicket';
import { buildFixtureState, fixtureAccount } from '../../helpers/fixture-state';
import { renderWithState } from './harness';
import type { FakeHost } from './harness';

afterEach(cleanup);

function enter(testId: string, value: string): void {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

async function press(testId: 'ticket-buy' | 'ticket-sell'): Promise<void> {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
    await Promise.resolve();
  });
}

function ticket(options: Parameters<typeof renderWithState>[1] = {}, state = buildFixtureState()): FakeHost {
  return renderWithState(state, { ...options, ui: <OrderTicket /> });
}

describe('order ticket', () => {
  it('offers every instrument with its live bid and ask', () => {
    ticket();
    const options = [...screen.getByTestId<HTMLSelectElement>('ticket-symbol').options].map((o) => o.text);
    expect(options).toHaveLength(6);
    expect(options[0]).toBe('MNQ 21462.50 × 21462.75');
    expect(screen.getByTestId('ticket-bid').textContent).toBe('21462.50');
    expect(screen.getByTestId('ticket-ask').textContent).toBe('21462.75');
  });

  it('sends a market buy with exactly account, symbol, side, qty and kind', async () => {
    const host = ticket();
    enter('ticket-qty', '2');
    await press('ticket-buy');
    expect(host.sent).toEqual([
      {
        command: 'placeOrder',
        args: { account: 'SIM-50K', symbol: 'MNQ', side: 'buy', qty: 2, kind: 'market' },
      },
    ]);
    expect(screen.getByTestId('ticket-status').textContent).toContain('order ORD-9001');
  });

  it('sends a limit sell with its price, stop loss and take profit as typed', async () => {
    const host = ticket();
    enter('ticket-symbol', 'ES');
    enter('ticket-kind', 'limit');
    enter('ticket-price', '5900.00');
    enter('ticket-stoploss', '5910.25');
    enter('ticket-takeprofit', '5880');
    await press('ticket-sell');
    expect(host.sent).toEqual([
      {
        command: 'placeOrder',
        args: {
          account: 'SIM-50K',
          symbol: 'ES',
          side: 'sell',
          qty: 1,
          kind: 'limit',
          limitPrice: '5900.00',
          stopLoss: '5910.25',
          takeProfit: '5880',
        },
      },
    ]);
  });

  it('sends a stop order with stopPrice and shows the price field only for limit and stop', async () => {
    const host = ticket();
    expect(screen.queryByTestId('ticket-price')).toBeNull();
    enter('ticket-kind', 'stop');
    expect(screen.getByLabelText('Stop price')).toBe(screen.getByTestId('ticket-price'));
    enter('ticket-price', '21500.00');
    await press('ticket-buy');
    expect(host.sent[0]?.args).toEqual({
      account: 'SIM-50K',
      symbol: 'MNQ',
      side: 'buy',
      qty: 1,
      kind: 'stop',
      stopPrice: '21500.00',
    });
  });

  it.each([
    ['a zero quantity', { 'ticket-qty': '0' }, 'ticket-buy', 'Quantity must be a whole number of contracts'],
    ['a fractional quantity', { 'ticket-qty': '1.5' }, 'ticket-buy', 'Quantity must be a whole number'],
    ['a limit without a price', { 'ticket-kind': 'limit' }, 'ticket-buy', 'Limit price must be a price'],
    [
      'an off-tick price',
      { 'ticket-kind': 'limit', 'ticket-price': '21450.3' },
      'ticket-buy',
      'tick size 0.25',
    ],
    [
      'a buy stop below the ask',
      { 'ticket-kind': 'stop', 'ticket-price': '21400' },
      'ticket-buy',
      'above the ask',
    ],
    [
      'a buy stop loss above the entry',
      { 'ticket-stoploss': '21500' },
      'ticket-buy',
      'Stop loss must be below',
    ],
    [
      'a sell take profit above the entry',
      { 'ticket-takeprofit': '21500' },
      'ticket-sell',
      'Take profit must be below',
    ],
  ] as const)('refuses %s without sending', async (_case, fields, button, message) => {
    const host = ticket();
    for (const [testId, value] of Object.entries(fields)) enter(testId, value);
    await press(button);
    expect(host.sent).toEqual([]);
    expect(screen.getByTestId('ticket-error').textContent).toContain(message);
  });

  it('disables Buy and Sell on a halted account and says why', async () => {
    const state = buildFixtureState({
      accounts: [fixtureAccount({ tradingState: 'halted', lockReason: 'Daily loss limit' })],
    });
    const host = ticket({}, state);
    expect(screen.getByTestId('ticket-locked').textContent).toBe(
      'SIM-50K is halted — Daily loss limit. New orders are refused.',
    );
    expect(screen.getByTestId<HTMLButtonElement>('ticket-buy').disabled).toBe(true);
    expect(screen.getByTestId<HTMLButtonElement>('ticket-sell').disabled).toBe(true);
    await press('ticket-buy');
    expect(host.sent).toEqual([]);
  });

  it('warns on a reducing account but lets the core judge the order', async () => {
    const state = buildFixtureState({
      accounts: [fixtureAccount({ tradingState: 'reducing', lockReason: null })],
    });
    const host = ticket({}, state);
    expect(screen.getByTestId('ticket-locked').textContent).toBe(
      'SIM-50K is reducing only. Orders that add to a position are refused.',
    );
    await press('ticket-sell');
    expect(host.sent).toHaveLength(1);
  });

  it('shows no lock notice on an active account', () => {
    ticket();
    expect(screen.queryByTestId('ticket-locked')).toBeNull();
  });

  it("shows the core's refusal beside the ticket", async () => {
    ticket({
      handlers: { placeOrder: () => ({ ok: false, error: 'invalid placeOrder: qty: must be at most 1000' }) },
    });
    await press('ticket-sell');
    expect(screen.getByTestId('ticket-error').textContent).toBe(
      'invalid placeOrder: qty: must be at most 1000',
    );
  });

  it('asks for the account only when there are several, and sends the chosen one', async () => {
    ticket();
    expect(screen.queryByTestId('ticket-account')).toBeNull();
    cleanup();
    const second = fixtureAccount({ id: 'PA-150K-7', name: 'PA-150K-7' });
    const host = ticket({}, buildFixtureState({ accounts: [fixtureAccount(), second] }));
    enter('ticket-account', 'PA-150K-7');
    await press('ticket-buy');
    expect(host.sent[0]?.args).toMatchObject({ account: 'PA-150K-7' });
  });

  it('labels every input', () => {
    ticket();
    for (const label of ['Symbol', 'Qty', 'Type', 'Stop loss', 'Take profit']) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
  });
});
