// The ticket's own checks, as a table: what is refused before sending and with which words; what is sent.
import { describe, expect, it } from 'vitest';
import { buildPlaceOrder } from '../../../renderer/src/features/ticket/ticket-order';
import type { TicketContext, TicketForm } from '../../../renderer/src/features/ticket/ticket-order';
import { fixtureAccount, fixtureInstruments } from '../../helpers/fixture-state';

const mnq = fixtureInstruments()[0];
const ctx: TicketContext = { instrument: mnq, account: fixtureAccount() };
const form: TicketForm = {
  account: 'SIM-50K',
  symbol: 'MNQ',
  qty: '1',
  kind: 'market',
  price: '',
  stopLoss: '',
  takeProfit: '',
};

describe('buildPlaceOrder refuses', () => {
  it.each([
    ['no account', { account: '' }, 'buy', 'Choose an account'],
    ['qty 1001', { qty: '1001' }, 'buy', 'Quantity must be a whole number of contracts from 1 to 1000'],
    ['qty -1', { qty: '-1' }, 'buy', 'Quantity must be a whole number of contracts from 1 to 1000'],
    [
      'a price with a comma',
      { kind: 'limit', price: '21450,25' },
      'buy',
      'Limit price must be a price such as',
    ],
    ['a zero stop price', { kind: 'stop', price: '0' }, 'sell', 'Stop price must be above zero'],
    [
      'a sell stop above the bid',
      { kind: 'stop', price: '21475.00' },
      'sell',
      'A sell stop must be below the bid',
    ],
    [
      'a sell stop loss below a limit entry',
      { kind: 'limit', price: '21470', stopLoss: '21460' },
      'sell',
      'Stop loss must be above the entry (21470)',
    ],
    [
      'an off-tick take profit',
      { takeProfit: '21500.10' },
      'buy',
      'Take profit 21500.10 is not a multiple of the tick size 0.25',
    ],
  ] as const)('%s', (_name, patch, side, message) => {
    const result = buildPlaceOrder({ ...form, ...patch }, side, ctx);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(message);
  });
});

describe('buildPlaceOrder sends', () => {
  it('a market buy with protective prices judged against the ask', () => {
    expect(
      buildPlaceOrder({ ...form, qty: ' 3 ', stopLoss: '21440', takeProfit: '21500.25' }, 'buy', ctx),
    ).toEqual({
      ok: true,
      value: {
        account: 'SIM-50K',
        symbol: 'MNQ',
        side: 'buy',
        qty: 3,
        kind: 'market',
        stopLoss: '21440',
        takeProfit: '21500.25',
      },
    });
  });

  it('a market order without a quote, skipping the side checks it cannot make', () => {
    const noQuote: TicketContext = {
      ...ctx,
      instrument: mnq && { ...mnq, bid: null, ask: null, last: null },
    };
    expect(buildPlaceOrder({ ...form, stopLoss: '99999' }, 'buy', noQuote).ok).toBe(true);
  });
});
