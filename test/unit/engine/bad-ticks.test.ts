// The bad-tick guard: a quote 10% away from the last accepted price is held; the next quote near it confirms
// both (in order); a next quote back near the old price discards it, so the spike never moves P&L.
import { describe, expect, it } from 'vitest';
import { accountMetrics } from '../../../main/engine';
import { dec } from '../../../shared/domain/money';
import { ev, instrumentEvents, runEngine } from '../../helpers/engine';

const config = {
  session: { timezone: 'America/Chicago', dayStart: '17:00', weekStartDay: 'sunday' as const },
  markPrice: 'last' as const,
  accounts: { A1: { startingBalance: dec('50000') } },
  quoteSanity: { maxJumpPct: dec(5), confirmQuotes: 2 },
};
const at = (time: string) => `2026-05-05T${time}-05:00`;
const buy = ev({
  type: 'fill',
  t: at('09:00:00'),
  account: 'A1',
  id: 'f1',
  orderId: 'o1',
  symbol: 'ES',
  side: 'buy',
  qty: 1,
  price: '5000',
  fees: '0',
});
const last = (time: string, price: string) => ev({ type: 'quote', t: at(time), symbol: 'ES', last: price });

function unrealizedAfter(...quotes: ReturnType<typeof ev>[]) {
  const { state } = runEngine([...instrumentEvents, last('08:59:00', '5000'), buy, ...quotes], config);
  const account = state.accounts.get('A1');
  if (account === undefined) throw new Error('no account');
  return {
    unrealized: accountMetrics(state, account).unrealizedPnl.toFixed(),
    mae: account.positions.get('ES')?.mae.toFixed(),
  };
}

describe('bad-tick guard', () => {
  it('holds a 10% spike: P&L and MAE stay where they were', () => {
    expect(unrealizedAfter(last('09:01:00', '5010'), last('09:02:00', '4500'))).toEqual({
      unrealized: '500',
      mae: '0',
    });
  });

  it('accepts the spike and its confirmation together, in order', () => {
    expect(unrealizedAfter(last('09:01:00', '4500'), last('09:01:01', '4510'))).toEqual({
      unrealized: '-24500',
      mae: '-25000',
    });
  });

  it('discards the spike when the next quote is back near the old price', () => {
    expect(unrealizedAfter(last('09:01:00', '4500'), last('09:01:01', '5001'))).toEqual({
      unrealized: '50',
      mae: '0',
    });
  });

  it('lets a 5% move through (the limit is "more than")', () => {
    expect(unrealizedAfter(last('09:01:00', '4750'))).toEqual({ unrealized: '-12500', mae: '-12500' });
  });
});
