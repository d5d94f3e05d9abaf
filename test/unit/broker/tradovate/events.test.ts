// The Tradovate book and its events: a snapshot becomes an exact event list, and each props push the events it
// makes true, in the order the engine needs them (an instrument before anything on it).
import { describe, expect, it } from 'vitest';
import { createTradovateMapper, type Mapping } from '../../../../main/broker/tradovate/events';
import { parsePropsPush, parseSyncSnapshot } from '../../../../main/broker/tradovate/parse/messages';
import { decimalsAsStrings } from '../../../../shared/domain/money';
import snapshot from '../../../fixtures/tradovate/sync-snapshot.json';

const T0 = Date.parse('2026-03-19T13:30:00Z');
const T1 = T0 + 1000;

/** Events with their decimals as exact strings. */
const plain = (mapping: Mapping) => mapping.events.map((event) => decimalsAsStrings(event));

function started() {
  const mapper = createTradovateMapper();
  const parsed = parseSyncSnapshot(snapshot);
  return { mapper, first: mapper.snapshot(parsed.snapshot, T0) };
}

function push(
  mapper: ReturnType<typeof createTradovateMapper>,
  entityType: string,
  eventType: string,
  entity: object,
  now = T1,
): Mapping {
  const parsed = parsePropsPush({ entityType, eventType, entity });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return mapper.apply(parsed.value, now);
}

const order = {
  id: 880003,
  accountId: 400123,
  contractId: 3570918,
  action: 'Buy',
  timestamp: '2026-03-19T13:30:01Z',
};
const fill = {
  id: 660003,
  orderId: 880003,
  contractId: 3570918,
  timestamp: '2026-03-19T13:30:00.900Z',
  action: 'Buy',
  qty: 1,
  price: 21190,
  active: true,
};

describe('the snapshot', () => {
  it('becomes instruments, accounts, open positions, working orders and fills, in that order', () => {
    const { first } = started();
    expect(plain(first)).toEqual([
      {
        type: 'instrument',
        t: T0,
        symbol: 'MNQM6',
        tickSize: '0.25',
        tickValue: '0.5',
        currency: 'USD',
        name: 'Micro E-mini Nasdaq-100',
        underlying: 'NQ',
      },
      {
        type: 'instrument',
        t: T0,
        symbol: 'ESM6',
        tickSize: '0.25',
        tickValue: '12.5',
        currency: 'USD',
        name: 'E-Mini S&P 500',
        underlying: 'ES',
      },
      {
        type: 'account',
        t: T0,
        account: '400123',
        balance: '50123.45',
        name: 'APEX-40123-07',
        canTrade: true,
        usedMargin: '421',
      },
      { type: 'position', t: T0, account: '400123', symbol: 'MNQM6', qty: 2, avgPrice: '21234.25' },
      {
        type: 'order',
        t: T0,
        account: '400123',
        id: '880002',
        symbol: 'MNQM6',
        side: 'sell',
        kind: 'stop',
        qty: 2,
        status: 'working',
        stopPrice: '21200.75',
      },
      {
        type: 'fill',
        t: Date.parse('2026-03-19T13:10:00.500Z'),
        account: '400123',
        id: '660001',
        orderId: '880001',
        symbol: 'MNQM6',
        side: 'buy',
        qty: 2,
        price: '21234.25',
        fees: '1.43',
      },
      {
        type: 'fill',
        t: Date.parse('2026-03-19T13:10:00.520Z'),
        account: '400123',
        id: '660002',
        orderId: '880001',
        symbol: 'MNQM6',
        side: 'buy',
        qty: 1,
        price: '21234.5',
        fees: '0',
      },
    ]);
    expect(first.feesUnknown).toEqual(['660002']);
    expect(first.notes).toEqual([]);
    expect(first.needs).toEqual({
      contractIds: [],
      maturityIds: [],
      productIds: [],
      productNames: [],
      orderIds: [],
    });
  });

  it('names what it lacks to price a contract, and reports it when it comes', () => {
    const mapper = createTradovateMapper();
    const { snapshot: read } = parseSyncSnapshot({ ...snapshot, contractMaturities: [], products: [] });
    const first = mapper.snapshot(read, T0);
    expect(first.events.map((e) => e.type)).toEqual(['account']);
    expect(first.needs.maturityIds).toEqual(['52010', '52011']);
    const product = snapshot.products[0];
    const later = push(mapper, 'product', 'Created', product ?? {});
    // The product is found by the contract's name without its month (MNQM6 → MNQ) before its maturity comes.
    expect(later.events.map((e) => [e.type, 'symbol' in e ? e.symbol : ''])).toEqual([
      ['instrument', 'MNQM6'],
      ['position', 'MNQM6'],
      ['order', 'MNQM6'],
      ['fill', 'MNQM6'],
      ['fill', 'MNQM6'],
    ]);
  });
});

describe('props pushes', () => {
  it('an order created, then versioned, then filled', () => {
    const { mapper } = started();
    const created = push(mapper, 'order', 'Created', { ...order, ordStatus: 'PendingNew' });
    expect(created.events).toEqual([]); // its size and price come with its version
    const versioned = push(mapper, 'orderVersion', 'Created', {
      id: 990004,
      orderId: 880003,
      orderQty: 1,
      orderType: 'Limit',
      price: 21190,
    });
    expect(plain(versioned)).toEqual([
      {
        type: 'order',
        t: T1,
        account: '400123',
        id: '880003',
        symbol: 'MNQM6',
        side: 'buy',
        kind: 'limit',
        qty: 1,
        status: 'working',
        limitPrice: '21190',
      },
    ]);
    const filled = push(mapper, 'fill', 'Created', fill);
    expect(plain(filled)).toEqual([
      {
        type: 'fill',
        t: Date.parse('2026-03-19T13:30:00.900Z'),
        account: '400123',
        id: '660003',
        orderId: '880003',
        symbol: 'MNQM6',
        side: 'buy',
        qty: 1,
        price: '21190',
        fees: '0',
      },
    ]);
    expect(filled.feesUnknown).toEqual(['660003']);
    const done = push(mapper, 'order', 'Updated', { ...order, ordStatus: 'Filled' });
    expect(plain(done)).toEqual([
      {
        type: 'order',
        t: T1,
        account: '400123',
        id: '880003',
        symbol: 'MNQM6',
        side: 'buy',
        kind: 'limit',
        qty: 1,
        status: 'filled',
        limitPrice: '21190',
        filledQty: 1,
      },
    ]);
  });

  it('a fill busted later goes out again voided, once', () => {
    const { mapper } = started();
    push(mapper, 'order', 'Created', { ...order, ordStatus: 'Filled' });
    push(mapper, 'orderVersion', 'Created', {
      id: 990004,
      orderId: 880003,
      orderQty: 1,
      orderType: 'Market',
    });
    expect(push(mapper, 'fill', 'Created', fill).events).toHaveLength(1);
    expect(push(mapper, 'fill', 'Updated', fill).events).toEqual([]); // a repeat says nothing new
    const busted = push(mapper, 'fill', 'Updated', { ...fill, active: false });
    expect(plain(busted)).toEqual([
      {
        type: 'fill',
        t: Date.parse('2026-03-19T13:30:00.900Z'),
        account: '400123',
        id: '660003',
        orderId: '880003',
        symbol: 'MNQM6',
        side: 'buy',
        qty: 1,
        price: '21190',
        fees: '0',
        voided: true,
      },
    ]);
    expect(push(mapper, 'fill', 'Deleted', { ...fill, active: false }).events).toEqual([]);
  });

  it('a fill deleted is a busted fill', () => {
    const { mapper } = started();
    const deleted = push(mapper, 'fill', 'Deleted', snapshot.fills[1] ?? {});
    expect(deleted.events.map((e) => e.type === 'fill' && [e.id, e.voided])).toEqual([['660001', true]]);
  });

  it('a position updated, then closed', () => {
    const { mapper } = started();
    const position = { id: 7700, accountId: 400123, contractId: 3570918, netPos: 3, netPrice: 21225.5 };
    expect(plain(push(mapper, 'position', 'Updated', position))).toEqual([
      { type: 'position', t: T1, account: '400123', symbol: 'MNQM6', qty: 3, avgPrice: '21225.5' },
    ]);
    expect(plain(push(mapper, 'position', 'Updated', { ...position, netPos: 0, netPrice: null }))).toEqual([
      { type: 'position', t: T1, account: '400123', symbol: 'MNQM6', qty: 0, avgPrice: '0' },
    ]);
    expect(plain(push(mapper, 'position', 'Deleted', position))).toEqual([
      { type: 'position', t: T1, account: '400123', symbol: 'MNQM6', qty: 0, avgPrice: '0' },
    ]);
  });

  it.each([
    ['an admin liquidate-only', { id: 400123, adminAction: 'LiquidateOnlyModeImmediately' }],
    ['a liquidate-only time', { id: 400123, adminAction: 'Normal', liquidateOnly: '2026-03-19T13:29:00Z' }],
    [
      'a liquidation-only time',
      { id: 400123, adminAction: 'Normal', liquidationOnly: '2026-03-19T13:29:00Z' },
    ],
    ['a trading lock', { id: 400123, adminAction: 'LockTradingImmediately' }],
  ])('%s makes the account unable to trade', (_what, status) => {
    const { mapper } = started();
    const events = push(mapper, 'accountRiskStatus', 'Updated', status).events;
    expect(events.map((e) => e.type === 'account' && [e.account, e.balance.toFixed(), e.canTrade])).toEqual([
      ['400123', '50123.45', false],
    ]);
  });

  it('a restricted account cannot trade; a new cash balance is its balance', () => {
    const { mapper } = started();
    const restricted = push(mapper, 'account', 'Updated', { ...snapshot.accounts[0], restricted: true });
    expect(restricted.events.map((e) => e.type === 'account' && e.canTrade)).toEqual([false]);
    const cash = push(mapper, 'cashBalance', 'Updated', { id: 9001, accountId: 400123, amount: 49873.2 });
    expect(cash.events.map((e) => e.type === 'account' && [e.balance.toFixed(), e.canTrade])).toEqual([
      ['49873.2', false],
    ]);
  });

  it('an unknown admin action reads as allowing trading, with a note', () => {
    const { mapper } = started();
    const odd = push(mapper, 'accountRiskStatus', 'Updated', { id: 400123, adminAction: 'Hibernate' });
    expect(odd.events.map((e) => e.type === 'account' && e.canTrade)).toEqual([true]);
    expect(odd.notes).toEqual(['account 400123: admin action Hibernate unknown, read as allowing trading']);
  });

  it('an unknown order status reads as working, unless the order had ended', () => {
    const { mapper } = started();
    const base = { id: 880002, accountId: 400123, contractId: 3570918, action: 'Sell' };
    const odd = push(mapper, 'order', 'Updated', { ...base, ordStatus: 'Parked' });
    expect(odd.events.map((e) => e.type === 'order' && e.status)).toEqual(['working']);
    expect(odd.notes).toEqual(['order 880002: status Parked unknown, read as working']);
    push(mapper, 'order', 'Updated', { ...base, ordStatus: 'Canceled' });
    const after = push(mapper, 'order', 'Updated', { ...base, ordStatus: 'Parked' });
    expect(after.events.map((e) => e.type === 'order' && e.status)).toEqual(['cancelled']);
    const working = push(mapper, 'order', 'Updated', { ...base, ordStatus: 'Working' });
    expect(working.events.map((e) => e.type === 'order' && e.status)).toEqual(['cancelled']);
  });

  it.each([
    ['Expired', 'cancelled'],
    ['Rejected', 'rejected'],
    ['Suspended', 'working'],
    ['PendingCancel', 'working'],
    ['Completed', 'cancelled'],
  ])('status %s is %s', (ordStatus, status) => {
    const { mapper } = started();
    const base = { id: 880002, accountId: 400123, contractId: 3570918, action: 'Sell' };
    const events = push(mapper, 'order', 'Updated', { ...base, ordStatus }).events;
    expect(events.map((e) => e.type === 'order' && e.status)).toEqual([status]);
  });

  it('a position on a contract not yet known waits for it, and the adapter is told what to fetch', () => {
    const { mapper } = started();
    const position = { id: 7800, accountId: 400123, contractId: 3600001, netPos: -1, netPrice: 21300 };
    const waiting = push(mapper, 'position', 'Created', position);
    expect(waiting.events).toEqual([]);
    expect(waiting.needs.contractIds).toEqual(['3600001']);
    const arrived = push(mapper, 'contract', 'Created', {
      id: 3600001,
      name: 'MNQU6',
      contractMaturityId: 52010,
    });
    expect(plain(arrived).map((e) => [e.type, e.symbol])).toEqual([
      ['instrument', 'MNQU6'],
      ['position', 'MNQU6'],
    ]);
    expect(
      push(mapper, 'contract', 'Updated', { id: 3600001, name: 'MNQU6', contractMaturityId: 52010 }).events,
    ).toEqual([]);
  });

  it('a fill whose order is unknown waits for the order, which is named to fetch', () => {
    const { mapper } = started();
    const waiting = push(mapper, 'fill', 'Created', fill);
    expect(waiting.events).toEqual([]);
    expect(waiting.needs.orderIds).toEqual(['880003']);
    // The order names the fill's account: the fill goes; the order itself waits for its version.
    const ordered = push(mapper, 'order', 'Created', { ...order, ordStatus: 'Working' });
    expect(ordered.events.map((e) => e.type === 'fill' && [e.id, e.account])).toEqual([['660003', '400123']]);
    const versioned = push(mapper, 'orderVersion', 'Created', {
      id: 990004,
      orderId: 880003,
      orderQty: 1,
      orderType: 'Limit',
      price: 21190,
    });
    expect(versioned.events.map((e) => e.type === 'order' && [e.id, e.filledQty])).toEqual([['880003', 1]]);
  });

  it('a fill with an action that is neither Buy nor Sell is noted, not sent', () => {
    const { mapper } = started();
    push(mapper, 'order', 'Created', { ...order, ordStatus: 'Working' });
    const odd = push(mapper, 'fill', 'Created', { ...fill, action: 'Hold' });
    expect(odd.events).toEqual([]);
    expect(odd.notes).toEqual(['fill 660003: action Hold is neither Buy nor Sell']);
  });

  it('fees arrive from the fill fee entity when it came first', () => {
    const { mapper } = started();
    push(mapper, 'order', 'Created', { ...order, ordStatus: 'Working' });
    push(mapper, 'fillFee', 'Created', { id: 660003, commission: 0.25, exchangeFee: 0.35, nfaFee: 0.02 });
    const filled = push(mapper, 'fill', 'Created', fill);
    expect(filled.events.map((e) => e.type === 'fill' && e.fees.toFixed())).toEqual(['0.62']);
    expect(filled.feesUnknown).toEqual([]);
  });
});
