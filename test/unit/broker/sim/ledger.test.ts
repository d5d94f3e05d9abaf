// Average-cost bookkeeping as properties: whatever the sequence of fills, the books balance and a round trip
// realizes exactly what the cash flows say, to within the half-cent each statement line is rounded to.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bookExecution,
  defaultAccount,
  freshState,
  instrumentMap,
  nextHolding,
  positionQty,
} from '../../../../main/broker/sim';
import { dec, ZERO } from '../../../../shared/domain/money';

const instruments = instrumentMap();
const mnq = instruments.get('MNQ');
if (mnq === undefined) throw new Error('no MNQ');

const fillArb = fc.record({
  buy: fc.boolean(),
  qty: fc.integer({ min: 1, max: 7 }),
  ticks: fc.integer({ min: 83_900, max: 84_100 }), // 20975.00 … 21025.00
});

describe('average cost', () => {
  it('holding: adding re-averages, reducing keeps the average, a reversal starts at the fill price', () => {
    const pv = dec(2);
    const added = nextHolding({ qty: 1, avgPrice: dec('21000.25') }, 1, dec('21001.25'), pv);
    expect([added.qty, added.avgPrice.toFixed(), added.realized]).toEqual([2, '21000.75', undefined]);
    const reduced = nextHolding(added, -1, dec('21010'), pv);
    expect([reduced.qty, reduced.avgPrice.toFixed(), reduced.realized?.toFixed()]).toEqual([
      1,
      '21000.75',
      '18.5',
    ]);
    const reversed = nextHolding({ qty: -2, avgPrice: dec('21000') }, 5, dec('20990'), pv);
    expect([reversed.qty, reversed.avgPrice.toFixed(), reversed.realized?.toFixed()]).toEqual([
      3,
      '20990',
      '40',
    ]);
    const closed = nextHolding({ qty: -2, avgPrice: dec('21000') }, 2, dec('21005'), pv);
    expect([closed.qty, closed.avgPrice.toFixed(), closed.realized?.toFixed()]).toEqual([0, '0', '-20']);
  });

  it('any sequence of fills: balance = start + Σ realized − Σ fees, and a round trip realizes its cash flow', () => {
    fc.assert(
      fc.property(
        fc.array(fillArb, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 83_900, max: 84_100 }),
        (fills, exitTicks) => {
          const state = freshState(0, [defaultAccount(dec(50_000))]);
          const tick = mnq.tickSize;
          let cash = ZERO;
          let sum = dec(50_000);
          let reducing = 0;
          const book = (side: 'buy' | 'sell', qty: number, price: ReturnType<typeof dec>): void => {
            const before = positionQty(state, 'SIM-50K', 'MNQ');
            const events = bookExecution(state, instruments, mnq, {
              account: 'SIM-50K',
              orderId: 'o',
              side,
              qty,
              price,
              t: 0,
            });
            const fill = events[0];
            if (fill?.type !== 'fill') throw new Error('no fill');
            if (fill.realizedPnl !== undefined) {
              reducing++;
              expect(fill.realizedPnl.decimalPlaces()).toBeLessThanOrEqual(2);
              expect(before).not.toBe(0);
            }
            sum = sum.add(fill.realizedPnl ?? ZERO).sub(fill.fees);
            cash = side === 'buy' ? cash.sub(price.mul(qty)) : cash.add(price.mul(qty));
          };
          for (const f of fills) book(f.buy ? 'buy' : 'sell', f.qty, tick.mul(f.ticks));
          const open = positionQty(state, 'SIM-50K', 'MNQ');
          if (open !== 0) book(open > 0 ? 'sell' : 'buy', Math.abs(open), tick.mul(exitTicks));
          const account = state.accounts.get('SIM-50K');
          expect(account?.balance.toFixed()).toBe(sum.toFixed());
          const realized = state.fills.reduce((total, f) => total.add(f.realizedPnl ?? ZERO), ZERO);
          const fromCash = cash.mul(2); // MNQ: $2 a point
          expect(realized.sub(fromCash).abs().lessThanOrEqualTo(dec('0.005').mul(reducing))).toBe(true);
          expect(positionQty(state, 'SIM-50K', 'MNQ')).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
