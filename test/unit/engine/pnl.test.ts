// P&L arithmetic of docs/RULES.md section 3 and 9, each case a trader could check by hand.
import { describe, expect, it } from 'vitest';
import { accountMetrics, type AccountState } from '../../../main/engine';
import { dec } from '../../../shared/domain/money';
import { ev, instrumentEvents, runEngine } from '../../helpers/engine';

const config = {
  session: { timezone: 'America/Chicago', dayStart: '17:00', weekStartDay: 'sunday' as const },
  markPrice: 'last' as const,
  accounts: { A1: { startingBalance: dec('50000') } },
};

let seq = 0;
function fill(at: string, symbol: string, side: 'buy' | 'sell', qty: number, price: string, fees: string) {
  seq += 1;
  return ev({
    type: 'fill',
    t: `2026-05-05T${at}-05:00`,
    account: 'A1',
    id: `f${seq}`,
    orderId: `o${seq}`,
    symbol,
    side,
    qty,
    price,
    fees,
  });
}
function last(at: string, symbol: string, price: string) {
  return ev({ type: 'quote', t: `2026-05-05T${at}-05:00`, symbol, last: price });
}

type Case = {
  name: string;
  events: ReturnType<typeof ev>[];
  expect: Partial<
    Record<'balance' | 'unrealizedPnl' | 'equity' | 'dailyRealizedPnl' | 'dailyNetPnl', string>
  > & {
    positions?: Record<string, { qty: number; avgPrice: string }>;
    tradesToday?: number;
    consecutiveLosses?: number;
    closedNet?: string[];
  };
};

const cases: Case[] = [
  {
    name: 'long ES, marked then closed at a profit',
    events: [fill('09:00:00', 'ES', 'buy', 2, '5000.00', '2.80'), last('09:01:00', 'ES', '5002.50')],
    expect: {
      balance: '49997.2',
      unrealizedPnl: '250',
      equity: '50247.2',
      dailyNetPnl: '247.2',
      dailyRealizedPnl: '-2.8',
      tradesToday: 1,
    },
  },
  {
    name: 'long ES round trip: realized 300 less 5.60 fees',
    events: [
      fill('09:00:00', 'ES', 'buy', 2, '5000.00', '2.80'),
      fill('09:05:00', 'ES', 'sell', 2, '5003.00', '2.80'),
    ],
    expect: {
      balance: '50294.4',
      unrealizedPnl: '0',
      dailyRealizedPnl: '294.4',
      positions: {},
      closedNet: ['294.4'],
      consecutiveLosses: 0,
    },
  },
  {
    name: 'short NQ closed at a loss counts one loss',
    events: [
      fill('09:00:00', 'NQ', 'sell', 1, '21000.00', '1.40'),
      last('09:01:00', 'NQ', '21010.00'),
      fill('09:02:00', 'NQ', 'buy', 1, '21012.25', '1.40'),
    ],
    expect: {
      balance: '49752.2',
      dailyRealizedPnl: '-247.8',
      closedNet: ['-247.8'],
      consecutiveLosses: 1,
      positions: {},
    },
  },
  {
    name: 'short NQ marked against the position',
    events: [fill('09:00:00', 'NQ', 'sell', 1, '21000.00', '1.40'), last('09:01:00', 'NQ', '21010.00')],
    expect: {
      unrealizedPnl: '-200',
      equity: '49798.6',
      dailyNetPnl: '-201.4',
      positions: { NQ: { qty: -1, avgPrice: '21000' } },
    },
  },
  {
    name: 'MNQ adds re-average, a partial close keeps the average',
    events: [
      fill('09:00:00', 'MNQ', 'buy', 3, '21000.25', '1.11'),
      fill('09:01:00', 'MNQ', 'buy', 1, '21001.25', '0.37'),
      fill('09:02:00', 'MNQ', 'sell', 2, '21002.00', '0.74'),
      last('09:03:00', 'MNQ', '20999.50'),
    ],
    expect: {
      positions: { MNQ: { qty: 2, avgPrice: '21000.5' } },
      dailyRealizedPnl: '3.78',
      unrealizedPnl: '-4',
      balance: '50003.78',
      equity: '49999.78',
      tradesToday: 1,
    },
  },
  {
    name: 'CL reversal splits the fee pro rata and opens a new trade',
    events: [
      fill('09:00:00', 'CL', 'buy', 2, '70.00', '3.04'),
      fill('09:01:00', 'CL', 'sell', 5, '70.25', '7.60'),
    ],
    expect: {
      positions: { CL: { qty: -3, avgPrice: '70.25' } },
      balance: '50489.36',
      closedNet: ['493.92'],
      tradesToday: 2,
    },
  },
  {
    name: 'GC average that does not terminate still closes to an exact 40.00',
    events: [
      fill('09:00:00', 'GC', 'buy', 1, '2600.0', '1.62'),
      fill('09:01:00', 'GC', 'buy', 2, '2600.1', '3.24'),
      fill('09:02:00', 'GC', 'sell', 1, '2600.2', '1.62'),
      fill('09:03:00', 'GC', 'sell', 2, '2600.2', '3.24'),
    ],
    expect: { balance: '50030.28', closedNet: ['30.28'], positions: {} },
  },
  {
    name: 'several instruments at once sum their unrealized',
    events: [
      fill('09:00:00', 'ES', 'buy', 1, '5000.00', '1.40'),
      fill('09:00:00', 'MNQ', 'sell', 4, '21000.00', '1.48'),
      last('09:01:00', 'ES', '4999.00'),
      last('09:01:00', 'MNQ', '20990.00'),
    ],
    expect: { unrealizedPnl: '30', equity: '50027.12', dailyNetPnl: '27.12' },
  },
  {
    name: 'the broker realized P&L wins over the computed one',
    events: [
      fill('09:00:00', 'ES', 'buy', 1, '5000.00', '1.40'),
      ev({
        type: 'fill',
        t: '2026-05-05T09:01:00-05:00',
        account: 'A1',
        id: 'bx',
        orderId: 'ox',
        symbol: 'ES',
        side: 'sell',
        qty: 1,
        price: '5001.00',
        fees: '1.40',
        realizedPnl: '49.00',
      }),
    ],
    expect: { balance: '50046.2', closedNet: ['46.2'] },
  },
  {
    name: 'a voided fill and a repeated fill count for nothing',
    events: [
      fill('09:00:00', 'ES', 'buy', 1, '5000.00', '1.40'),
      ev({
        type: 'fill',
        t: '2026-05-05T09:00:00-05:00',
        account: 'A1',
        id: 'f-dup',
        orderId: 'o',
        symbol: 'ES',
        side: 'buy',
        qty: 1,
        price: '5000.00',
        fees: '1.40',
      }),
      ev({
        type: 'fill',
        t: '2026-05-05T09:00:00-05:00',
        account: 'A1',
        id: 'f-dup',
        orderId: 'o',
        symbol: 'ES',
        side: 'buy',
        qty: 1,
        price: '5000.00',
        fees: '1.40',
      }),
      ev({
        type: 'fill',
        t: '2026-05-05T09:00:01-05:00',
        account: 'A1',
        id: 'f-void',
        orderId: 'o',
        symbol: 'ES',
        side: 'buy',
        qty: 5,
        price: '5000.00',
        fees: '7.00',
        voided: true,
      }),
    ],
    expect: { positions: { ES: { qty: 2, avgPrice: '5000' } }, balance: '49997.2' },
  },
];

function positionsOf(account: AccountState) {
  return Object.fromEntries(
    [...account.positions.values()].map((p) => [p.symbol, { qty: p.qty, avgPrice: p.avgPrice.toFixed() }]),
  );
}

describe('P&L arithmetic', () => {
  it.each(cases)('$name', ({ events, expect: want }) => {
    const { state, decisions } = runEngine([...instrumentEvents, ...events], config);
    const account = state.accounts.get('A1');
    if (account === undefined) throw new Error('account A1 missing');
    const metrics = accountMetrics(state, account);
    for (const key of ['balance', 'unrealizedPnl', 'equity', 'dailyRealizedPnl', 'dailyNetPnl'] as const) {
      const expected = want[key];
      if (expected !== undefined) expect({ [key]: metrics[key].toFixed() }).toEqual({ [key]: expected });
    }
    if (want.positions) expect(positionsOf(account)).toEqual(want.positions);
    if (want.tradesToday !== undefined) expect(metrics.tradesToday).toBe(want.tradesToday);
    if (want.consecutiveLosses !== undefined) expect(metrics.consecutiveLosses).toBe(want.consecutiveLosses);
    if (want.closedNet) {
      const closed = decisions.flatMap((d) => (d.kind === 'tradeClosed' ? [d.trade.netPnl.toFixed()] : []));
      expect(closed).toEqual(want.closedNet);
    }
    expect(metrics.equity.equals(metrics.balance.plus(metrics.unrealizedPnl))).toBe(true);
  });
});

describe('a short marked exactly at its cost', () => {
  it('is 0 unrealized and 0 MFE, never "-0" (the fast path and the exact one agree on the sign)', () => {
    const { state } = runEngine(
      [...instrumentEvents, fill('09:00:00', 'ES', 'sell', 1, '5800', '0'), last('09:00:01', 'ES', '5800')],
      config,
    );
    const account = state.accounts.get('A1');
    if (account === undefined) throw new Error('account A1 missing');
    expect(accountMetrics(state, account).unrealizedPnl.toFixed()).toBe('0');
    expect(JSON.stringify(account.positions.get('ES')?.mfe)).toBe('"0"');
  });
});
