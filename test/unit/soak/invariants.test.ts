// The soak's invariant checkers (test/soak/invariants.ts) fed broken states: each must name the account and the
// figures exactly, and stay silent on a sound state.
import { describe, expect, it } from 'vitest';
import { dec } from '../../../shared/domain/money';
import type { AccountView, PositionView, StateView } from '../../../shared/ipc';
import {
  brokerMismatches,
  createHaltWatch,
  equityViolations,
  FLATTEN_BUDGET_MS,
  lostEvents,
  rebuildViolations,
  type BrokerBook,
  type EventCounts,
  type HaltSight,
} from '../../../test/soak/invariants';

const instruments: StateView['instruments'] = [
  {
    symbol: 'MNQ',
    name: 'Micro NQ',
    tickSize: '0.25',
    tickValue: '0.50',
    currency: 'USD',
    bid: null,
    ask: null,
    last: null,
  },
  {
    symbol: 'ES',
    name: 'E-mini',
    tickSize: '0.25',
    tickValue: '12.50',
    currency: 'USD',
    bid: null,
    ask: null,
    last: null,
  },
];

function position(
  fields: Pick<PositionView, 'symbol' | 'qty' | 'avgPrice' | 'mark' | 'unrealizedPnl'> &
    Partial<PositionView>,
): PositionView {
  return {
    contractId: fields.symbol,
    mfe: '0',
    mae: '0',
    openedAt: '2026-05-05T14:30:00.000Z',
    stop: 'none',
    stopPrice: null,
    initialRisk: null,
    rMultiple: null,
    stopDueAt: null,
    ...fields,
  };
}

function account(
  id: string,
  money: { balance: string; unrealizedPnl: string; equity: string },
  positions: PositionView[] = [],
  more: Partial<AccountView> = {},
): AccountView {
  return {
    id,
    name: id,
    canTrade: true,
    tradingState: 'active',
    lockedUntil: null,
    lockReason: null,
    flattening: false,
    enforcement: 'closed',
    metrics: {
      ...money,
      dailyRealizedPnl: '0',
      dailyNetPnl: '0',
      dailyDrawdown: '0',
      weeklyNetPnl: '0',
      weeklyDrawdown: '0',
      maxDrawdown: '0',
      maxDrawdownPct: '0',
      trailingThreshold: null,
      consecutiveLosses: 0,
      tradesToday: 0,
      usedMargin: '0',
      marginLevel: null,
      freeMargin: money.equity,
      grossExposure: '0',
      hhi: '0',
      largestPositionPct: '0',
    },
    limits: [],
    dailyLossFloor: null,
    positions,
    orders: [],
    group: [],
    plan: null,
    ...more,
  };
}

// Short 3 MNQ bought at 20960.50, 20960.75 and 20960.75: the average does not terminate (20960.666…).
const shortMNQ = position({
  symbol: 'MNQ',
  qty: -3,
  avgPrice: '20960.66666667',
  mark: '20969.75',
  unrealizedPnl: '-54.5',
});
const sound = account('S01', { balance: '50000', unrealizedPnl: '-54.5', equity: '49945.5' }, [shortMNQ]);

describe('equity = balance + unrealized', () => {
  it('is silent on a sound account, the average rounded to 8 places', () => {
    expect(equityViolations({ accounts: [sound], instruments })).toEqual([]);
  });

  it('names an equity that is not balance + unrealized, exactly', () => {
    const off = account('S02', { balance: '50000', unrealizedPnl: '-54.5', equity: '49945.51' }, [shortMNQ]);
    expect(equityViolations({ accounts: [off], instruments })).toEqual([
      'equity: S02 equity 49945.51 is not balance 50000 + unrealized -54.5 = 49945.5',
    ]);
  });

  it("names an unrealized P&L that is not the sum of the positions'", () => {
    const es = position({ symbol: 'ES', qty: 1, avgPrice: '6000', mark: '6001', unrealizedPnl: '50' });
    const off = account('S03', { balance: '50000', unrealizedPnl: '0', equity: '50000' }, [shortMNQ, es]);
    expect(equityViolations({ accounts: [off], instruments })).toEqual([
      "equity: S03 unrealized 0 is not the sum of its positions' -4.5 (MNQ -54.5, ES 50)",
    ]);
  });

  it("names a position's unrealized P&L off its mark and average by more than the rounding allows", () => {
    // Within the rules' roundings: 2.5 cents absorbed from partial closes.
    const rounded = position({ ...shortMNQ, unrealizedPnl: '-54.52' });
    const held = account('S04', { balance: '50000', unrealizedPnl: '-54.52', equity: '49945.48' }, [rounded]);
    expect(equityViolations({ accounts: [held], instruments })).toEqual([]);
    const wrong = position({ ...shortMNQ, unrealizedPnl: '-54.6' });
    const off = account('S04', { balance: '50000', unrealizedPnl: '-54.6', equity: '49945.4' }, [wrong]);
    expect(equityViolations({ accounts: [off], instruments })).toEqual([
      'equity: S04 MNQ unrealized -54.6 is not (mark 20969.75 − avg 20960.66666667) × -3 × 2 = -54.49999998',
    ]);
  });
});

describe('halted accounts hold nothing for longer than the flatten budget', () => {
  const sight = (halted: boolean, brokerHolds: string[]): HaltSight[] => [
    { account: 'S05', halted, reason: 'dailyLoss: the day is over', brokerHolds },
  ];
  const always = () => true;
  const start = Date.UTC(2026, 4, 5, 14, 30);

  it('is 18.75 s: five 3 s watches with waits of 250 ms, 500 ms, 1 s and 2 s between them', () => {
    expect(FLATTEN_BUDGET_MS).toBe(18_750);
  });

  it('reports a halted account still holding past the budget once, with what it holds and why it is halted', () => {
    const watch = createHaltWatch();
    expect(watch.observe(start, sight(true, ['MNQ 2']), always)).toEqual([]);
    expect(watch.observe(start + 10_000, sight(true, ['MNQ 2']), always)).toEqual([]);
    expect(watch.observe(start + 18_750, sight(true, ['MNQ 2', 'ES -1']), always)).toEqual([]);
    expect(watch.observe(start + 18_800, sight(true, ['MNQ 2', 'ES -1']), always)).toEqual([
      'halted with a position: S05 has held MNQ 2, ES -1 at the broker for 18.80 s while Warden could act (flatten budget 18.75 s), since 2026-05-05T14:30:00.000Z; dailyLoss: the day is over',
    ]);
    expect(watch.observe(start + 30_000, sight(true, ['MNQ 2']), always)).toEqual([]);
  });

  it('counts only the time Warden could act, and starts again once the account is flat or active', () => {
    const watch = createHaltWatch();
    watch.observe(start, sight(true, ['MNQ 2']), always);
    // The link down for 15 s: not counted.
    expect(watch.observe(start + 15_000, sight(true, ['MNQ 2']), () => false)).toEqual([]);
    expect(watch.observe(start + 30_000, sight(true, ['MNQ 2']), always)).toEqual([]);
    expect(watch.open()).toEqual(new Map([['S05', 15_000]]));
    watch.observe(start + 31_000, sight(true, []), always);
    watch.observe(start + 32_000, sight(false, ['MNQ 2']), always);
    expect(watch.open()).toEqual(new Map());
    watch.observe(start + 33_000, sight(true, ['MNQ 2']), always);
    expect(watch.observe(start + 50_000, sight(true, ['MNQ 2']), always)).toEqual([]);
  });
});

describe('the journal and the state agree', () => {
  it('names each figure where the engine rebuilt from the store differs from the live one', () => {
    const live = { accounts: [sound], groups: [] };
    const drifted = account(
      'S01',
      { balance: '50000', unrealizedPnl: '-54.5', equity: '49945.5' },
      [position({ ...shortMNQ, mfe: '3' })],
      { tradingState: 'halted', flattening: true, enforcement: 'open' },
    );
    expect(rebuildViolations(live, { accounts: [drifted], groups: [] })).toEqual([
      'journal/state: S01.tradingState: "active" ≠ "halted" (live ≠ rebuilt)',
      'journal/state: S01.positions.0.mfe: "0" ≠ "3" (live ≠ rebuilt)',
    ]);
  });

  it('names accounts only one side has, and is silent when they agree (flattening and breaker aside)', () => {
    const other = account('S09', { balance: '1', unrealizedPnl: '0', equity: '1' });
    expect(rebuildViolations({ accounts: [sound], groups: [] }, { accounts: [other], groups: [] })).toEqual([
      'journal/state: S01 is live but not in the engine rebuilt from the store',
      'journal/state: S09 is in the engine rebuilt from the store but not live',
    ]);
    const busy = { ...sound, flattening: true, enforcement: 'halfOpen' as const };
    expect(rebuildViolations({ accounts: [busy], groups: [] }, { accounts: [sound], groups: [] })).toEqual(
      [],
    );
  });
});

describe("Warden's book against the broker's", () => {
  const book = (balance: string, qty: number): BrokerBook => ({
    accounts: [{ id: 'S01', balance: dec(balance) }],
    positions: [
      { account: 'S01', symbol: 'MNQ', qty, avgPrice: dec('20960.666666666666666666666666666666666667') },
    ],
    working: [{ id: 'O-1', account: 'S01', symbol: 'MNQ' }],
  });
  const withOrder: AccountView = {
    ...sound,
    orders: [
      {
        id: 'O-1',
        symbol: 'MNQ',
        side: 'buy',
        kind: 'stop',
        qty: 3,
        limitPrice: null,
        stopPrice: '21000',
        status: 'working',
      },
    ],
  };

  it('agrees exactly: balance, positions with their average to 8 places, working orders', () => {
    expect(brokerMismatches({ accounts: [withOrder] }, book('50000', -3))).toEqual([]);
  });

  it('names a balance, a position and working orders that differ, and accounts one side lacks', () => {
    const broker = book('50000.01', -2);
    broker.working = [{ id: 'O-2', account: 'S01', symbol: 'MNQ' }];
    broker.accounts.push({ id: 'S02', balance: dec('100') });
    expect(brokerMismatches({ accounts: [withOrder] }, broker)).toEqual([
      "broker: S02 is in the broker's book but not in Warden's",
      'broker: S01 balance 50000 in Warden, 50000.01 at the broker',
      'broker: S01 positions MNQ -3 @ 20960.66666667 in Warden, MNQ -2 @ 20960.66666667 at the broker',
      'broker: S01 working orders O-1 in Warden, O-2 at the broker',
    ]);
  });
});

describe('lost events', () => {
  const counts = (more: Partial<EventCounts>): EventCounts => ({
    delivered: new Map([
      ['quote', 1000],
      ['fill', 4],
      ['account', 4],
    ]),
    journaled: new Map([
      ['quote', 990],
      ['fill', 4],
      ['account', 4],
      ['clock', 60],
    ]),
    pendingQuotes: 10,
    unjournaledFills: [],
    notApplied: 0,
    ...more,
  });

  it('none when every delivered event is journaled or waiting in the quote batch, and every booked fill is in', () => {
    expect(lostEvents(counts({}))).toEqual({ lost: 0, lines: [], surplus: [] });
  });

  it('counts delivered events missing from the journal, booked fills that never reached it, events not applied', () => {
    const found = lostEvents(
      counts({
        journaled: new Map([
          ['quote', 985],
          ['fill', 3],
          ['account', 4],
        ]),
        unjournaledFills: ['F-3', 'F-4', 'F-5'],
        notApplied: 2,
      }),
    );
    expect(found).toEqual({
      lost: 5 + 1 + 2 + 2,
      lines: [
        'lost: 5 of 1000 quote events delivered are not in the journal',
        'lost: 1 of 4 fill events delivered are not in the journal',
        'lost: 2 fills booked by the broker never reached the journal (F-3, F-4, F-5)',
        'lost: 2 events journaled but not applied by the engine',
      ],
      surplus: [],
    });
  });

  it('reports a journal holding more of a broker event than was delivered', () => {
    const found = lostEvents(
      counts({
        journaled: new Map([
          ['quote', 990],
          ['fill', 5],
          ['account', 4],
        ]),
      }),
    );
    expect(found).toEqual({
      lost: 0,
      lines: [],
      surplus: ['journal/state: the journal holds 5 fill events, 4 were delivered'],
    });
  });
});
