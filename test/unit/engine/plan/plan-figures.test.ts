// The plan's figures (docs/RULES.md section 11), exact, over a history of trading days on account A1 (50,000):
// P is what was banked before today (set at the roll), p today's net P&L, x the consistency limit.
import { describe, expect, it } from 'vitest';
import { instrumentEvents, runEngine } from '../../../helpers/engine';
import { clock, dayOf, figuresOf, fill, on, planConfig, quote } from './plan.helpers';

/** Tue +1,000, Wed +300, Thu −200 (P = 1,100 on Friday), each one round trip of one ES. */
const history = [...dayOf('05', '20'), ...dayOf('06', '6'), ...dayOf('07', '-4')];
/** Friday: one ES long from 5800, marked 8 points up: p = +400 live. */
const fridayLive = [fill(on('08', '09:00'), 'buy', 1, '5800'), quote(on('08', '09:05'), '5808')];

describe('plan figures over four days: +1,000, +300, −200, today +400 live (target 3,000)', () => {
  it.each([
    {
      pct: 50,
      // best 1,000 of total 1,500 = 66.6667 %; cap x·P/(1−x) = 1,100; needed 1,000 / 0.5 − 1,500 = 500
      expected: {
        consistencyPct: '66.6667',
        consistencyCapToday: '1100',
        consistencyCapLeft: '700',
        needed: '500',
      },
    },
    {
      pct: 40,
      // cap 40 × 1,100 / 60 = 733.33… rounded down to the cent; needed 1,000 / 0.4 − 1,500 = 1,000
      expected: {
        consistencyPct: '66.6667',
        consistencyCapToday: '733.33',
        consistencyCapLeft: '333.33',
        needed: '1000',
      },
    },
    {
      pct: 35,
      // cap 35 × 1,100 / 65 = 592.307…, down to 592.30; needed 1,000 / 0.35 = 2,857.142… up to 2,857.15, − 1,500
      expected: {
        consistencyPct: '66.6667',
        consistencyCapToday: '592.3',
        consistencyCapLeft: '192.3',
        needed: '1357.15',
      },
    },
    {
      pct: 100,
      // every day fits within 100 %: no cap at all; needed 1,000 / 1 − 1,500 < 0, so 0
      expected: {
        consistencyPct: '66.6667',
        consistencyCapToday: null,
        consistencyCapLeft: null,
        needed: '0',
      },
    },
  ])('consistency $pct %', ({ pct, expected }) => {
    const config = planConfig({ profitTarget: 3000, consistencyPct: pct });
    const { state } = runEngine([...instrumentEvents, ...history, ...fridayLive], config);
    expect(state.accounts.get('A1')?.finishedDays.map((d) => [d.day, d.netPnl.toFixed(), d.traded])).toEqual([
      ['2026-05-05', '1000', true],
      ['2026-05-06', '300', true],
      ['2026-05-07', '-200', true],
    ]);
    expect(figuresOf(state)).toEqual({
      totalProfit: '1500',
      targetRemaining: '1500',
      bestDayProfit: '1000',
      consistencyPct: expected.consistencyPct,
      consistencyCapToday: expected.consistencyCapToday,
      consistencyCapLeft: expected.consistencyCapLeft,
      profitNeededForConsistency: expected.needed,
      tradingDays: 4,
      contractsAllowed: null,
      nextTier: null,
    });
  });
});

describe('each figure at its edges', () => {
  it('first day: no profit banked, so no cap; today is the best day and 100 % of the total', () => {
    const config = planConfig({ profitTarget: 3000, consistencyPct: 50 });
    const { state } = runEngine([...instrumentEvents, ...dayOf('05', '40')], config);
    expect(figuresOf(state)).toMatchObject({
      totalProfit: '2000',
      targetRemaining: '1000',
      bestDayProfit: '2000',
      consistencyPct: '100',
      consistencyCapToday: null,
      consistencyCapLeft: null,
      // 2,000 / 0.5 − 2,000: as much again on other days
      profitNeededForConsistency: '2000',
      tradingDays: 1,
    });
  });

  it('no day in profit: the best day is 0 and the consistency share undefined; a loss banked gives no cap', () => {
    const config = planConfig({ profitTarget: 3000, consistencyPct: 50 });
    const { state } = runEngine(
      [
        ...instrumentEvents,
        ...dayOf('05', '-10'),
        fill(on('06', '09:00'), 'buy', 1, '5800'),
        quote(on('06', '09:01'), '5798'),
      ],
      config,
    );
    expect(figuresOf(state)).toMatchObject({
      totalProfit: '-600',
      targetRemaining: '3600',
      bestDayProfit: '0',
      consistencyPct: null,
      consistencyCapToday: null,
      profitNeededForConsistency: '600',
      tradingDays: 2,
    });
  });

  it('the target reached and passed: nothing remains (never negative)', () => {
    const config = planConfig({ profitTarget: 3000 });
    const { state } = runEngine([...instrumentEvents, ...dayOf('05', '30'), ...dayOf('06', '40')], config);
    expect(figuresOf(state)).toMatchObject({
      totalProfit: '3500',
      targetRemaining: '0',
      bestDayProfit: '2000',
    });
  });

  it('a day counts as a trading day only if a trade opened in it; a quiet day still rolls', () => {
    const config = planConfig({ minTradingDays: 5 });
    // Tue trades, Wed passes with a clock tick only, Thu trades a position that Fri closes (Fri opens nothing).
    const { state } = runEngine(
      [
        ...instrumentEvents,
        ...dayOf('05', '2'),
        clock(on('06', '12:00')),
        fill(on('07', '09:00'), 'buy', 1, '5800'),
        fill(on('08', '09:00'), 'sell', 1, '5801'),
      ],
      config,
    );
    expect(state.accounts.get('A1')?.finishedDays.map((d) => [d.day, d.netPnl.toFixed(), d.traded])).toEqual([
      ['2026-05-05', '100', true],
      ['2026-05-06', '0', false],
      ['2026-05-07', '0', true],
    ]);
    // Thu's open position was marked at its fill price at the roll: Fri's +50 is Friday's.
    expect(figuresOf(state)).toMatchObject({ tradingDays: 2, totalProfit: '150', bestDayProfit: '100' });
    expect(figuresOf(state)).toMatchObject({ targetRemaining: null, consistencyPct: '66.6667' });
  });

  it.each([
    { banked: '-200', points: '-4', contractsAllowed: 2, nextTier: ['1500', 3] },
    { banked: '0', points: '0', contractsAllowed: 2, nextTier: ['1500', 3] },
    { banked: '1499.5', points: '29.99', contractsAllowed: 2, nextTier: ['1500', 3] },
    { banked: '1500', points: '30', contractsAllowed: 3, nextTier: ['2000', 5] },
    { banked: '2500', points: '50', contractsAllowed: 5, nextTier: null },
  ])(
    'scaling with $banked banked at the roll: $contractsAllowed contracts',
    ({ points, contractsAllowed, nextTier }) => {
      // Tiers written out of order: they apply by their `from`.
      const scaling = [
        { from: 2000, maxContracts: 5 },
        { from: 0, maxContracts: 2 },
        { from: 1500, maxContracts: 3 },
      ];
      const config = planConfig({ scaling });
      const { state } = runEngine(
        [...instrumentEvents, ...dayOf('05', points), clock(on('06', '08:00'))],
        config,
      );
      expect(figuresOf(state)).toMatchObject({ contractsAllowed, nextTier });
    },
  );
});
