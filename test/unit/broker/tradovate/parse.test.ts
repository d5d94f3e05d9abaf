// The Tradovate parsers on real-shaped payloads (docs/brokers/TRADOVATE.md's field lists) and hostile ones:
// exact decimals out, unknown enum values kept, and an unusable payload named by entity, field and value.
import { describe, expect, it } from 'vitest';
import {
  parseAuthAnswer,
  parseCashBalanceSnapshot,
  parseCommandAnswer,
} from '../../../../main/broker/tradovate/parse/answers';
import { parseEntity } from '../../../../main/broker/tradovate/parse/entity-kinds';
import {
  parseMdPush,
  parsePropsPush,
  parseSyncSnapshot,
} from '../../../../main/broker/tradovate/parse/messages';
import snapshot from '../../../fixtures/tradovate/sync-snapshot.json';

const fill = {
  id: 660010,
  orderId: 880002,
  contractId: 3570918,
  timestamp: '2026-03-19T13:20:41.77Z',
  tradeDate: { year: 2026, month: 3, day: 19 },
  action: 'Sell',
  qty: 2,
  price: 21200.75,
  active: true,
};

const errorOf = (result: { ok: boolean; error?: { message: string } }) =>
  result.ok ? 'parsed' : result.error?.message;

describe('entities', () => {
  it('reads a fill with an exact price, ignoring fields it does not use', () => {
    const parsed = parseEntity('fill', { ...fill, finallyPaired: 0, someNewField: { x: 1 } });
    expect(parsed.ok && parsed.value).toMatchObject({
      id: '660010',
      orderId: '880002',
      qty: 2,
      active: true,
    });
    expect(parsed.ok && parsed.value.price.toFixed()).toBe('21200.75');
    expect(parsed.ok && parsed.value.timestamp).toBe(Date.parse('2026-03-19T13:20:41.770Z'));
  });

  it.each([
    [0.1, '0.1'],
    [1e-7, '0.0000001'],
    [21234.25, '21234.25'],
    [-1234.56, '-1234.56'],
    ['50000.10', '50000.1'],
    [9007199254740991, '9007199254740991'],
  ])('reads the amount %j as exactly %s', (amount, text) => {
    const parsed = parseEntity('cashBalance', { id: 1, accountId: 2, amount });
    expect(parsed.ok && parsed.value.amount.toFixed()).toBe(text);
  });

  it('keeps enum values it does not know, as text', () => {
    const order = parseEntity('order', {
      id: 1,
      accountId: 2,
      contractId: 3,
      action: 'Buy',
      ordStatus: 'AwaitingMoonrise',
    });
    expect(order.ok && order.value.ordStatus).toBe('AwaitingMoonrise');
    const version = parseEntity('orderVersion', { id: 5, orderId: 1, orderQty: 1, orderType: 'QTS' });
    expect(version.ok && version.value.orderType).toBe('QTS');
  });

  it('reads an account without its optional fields', () => {
    expect(parseEntity('account', { id: 400123 })).toEqual({ ok: true, value: { id: '400123' } });
  });

  it('reads liquidateOnly as a time or a flag', () => {
    const asTime = parseEntity('accountRiskStatus', { id: 1, liquidateOnly: '2026-03-19T14:00:00Z' });
    const asFlag = parseEntity('accountRiskStatus', { id: 1, liquidateOnly: true });
    expect(asTime.ok && asTime.value.liquidateOnly).toBe('2026-03-19T14:00:00Z');
    expect(asFlag.ok && asFlag.value.liquidateOnly).toBe(true);
  });

  it.each([
    [
      'a fill without a price',
      'fill',
      { ...fill, price: undefined },
      'fill: price must be a decimal number (got undefined)',
    ],
    [
      'a price as words',
      'fill',
      { ...fill, price: 'abc' },
      'fill: price must be a decimal number (got "abc")',
    ],
    [
      'a price past 2^53',
      'fill',
      { ...fill, price: 1e300 },
      'fill: price is too large to be exact (got 1e+300)',
    ],
    ['a size of zero', 'fill', { ...fill, qty: 0 }, 'fill: qty Too small: expected number to be >=1 (got 0)'],
    [
      'a huge size',
      'fill',
      { ...fill, qty: 5e9 },
      'fill: qty Too big: expected number to be <=1000000 (got 5000000000)',
    ],
    [
      'an id past 2^53',
      'fill',
      { ...fill, id: 2 ** 60 },
      'fill: id must be a numeric id (got 1152921504606847000)',
    ],
    [
      'a time that is not one',
      'fill',
      { ...fill, timestamp: 'yesterday' },
      'fill: timestamp is not an ISO-8601 time (got "yesterday")',
    ],
    [
      'active as text',
      'fill',
      { ...fill, active: 'yes' },
      'fill: active Invalid input: expected boolean, received string (got "yes")',
    ],
    [
      'a product without a tick size',
      'product',
      { id: 1, name: 'MNQ', valuePerPoint: 2, tickSize: 0 },
      'product: tickSize must be above 0 (got 0)',
    ],
    [
      'a position with a fractional size',
      'position',
      { id: 1, accountId: 2, contractId: 3, netPos: 1.5 },
      'position: netPos Invalid input: expected int, received number (got 1.5)',
    ],
  ] as const)('refuses %s, naming the field', (_what, type, payload, message) => {
    expect(errorOf(parseEntity(type, payload))).toBe(message);
  });

  it('names every bad field of one entity', () => {
    const parsed = parseEntity('order', { id: 'x', accountId: 2, contractId: 3, action: 7 });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error.fields.map((f) => f.field)).toEqual(['id', 'action', 'ordStatus']);
  });
});

describe('user/syncrequest snapshot', () => {
  it('reads every list of a real-shaped snapshot', () => {
    const { snapshot: read, errors } = parseSyncSnapshot(snapshot);
    expect(errors).toEqual([]);
    expect(read.account.map((a) => a.name)).toEqual(['APEX-40123-07']);
    expect(read.cashBalance[0]?.amount.toFixed()).toBe('50123.45');
    expect(read.orderVersion).toHaveLength(3);
    expect(read.fillFee[0]?.commission?.toFixed()).toBe('0.5');
    expect(read.product.map((p) => [p.name, p.valuePerPoint.toFixed(), p.tickSize.toFixed()])).toEqual([
      ['MNQ', '2', '0.25'],
      ['ES', '50', '0.25'],
    ]);
  });

  it('takes a missing list as empty and keeps the good rows of a list with a bad one', () => {
    const { snapshot: read, errors } = parseSyncSnapshot({
      accounts: [{ id: 1 }, { id: -4 }],
      positions: 'none',
    });
    expect(read.account).toEqual([{ id: '1' }]);
    expect(read.fill).toEqual([]);
    expect(errors.map((e) => e.message)).toEqual([
      'account: id must be a numeric id (got -4)',
      'syncrequest.positions: (root) must be a list (got "none")',
    ]);
  });
});

describe('props push', () => {
  it('reads a known entity with its event type', () => {
    const parsed = parsePropsPush({ entityType: 'fill', eventType: 'Created', entity: fill });
    expect(parsed.ok && parsed.value.kind).toBe('entity');
    expect(parsed.ok && parsed.value.kind === 'entity' && parsed.value.entity.type).toBe('fill');
  });

  it('lets an entity type Warden does not read pass as ignored', () => {
    expect(parsePropsPush({ entityType: 'executionReport', eventType: 'Created', entity: {} })).toEqual({
      ok: true,
      value: { kind: 'ignored', entityType: 'executionReport', eventType: 'Created' },
    });
  });

  it('keeps an unknown event type, and names the entity of a bad one', () => {
    const odd = parsePropsPush({ entityType: 'account', eventType: 'Archived', entity: { id: 1 } });
    expect(odd.ok && odd.value.kind === 'entity' && odd.value.eventType).toBe('Archived');
    expect(
      errorOf(parsePropsPush({ entityType: 'fill', eventType: 'Created', entity: { ...fill, qty: -1 } })),
    ).toBe('fill: qty Too small: expected number to be >=1 (got -1)');
    expect(errorOf(parsePropsPush({ eventType: 'Created', entity: {} }))).toBe(
      'props: entityType Invalid input: expected string, received undefined (got undefined)',
    );
  });
});

describe('md push', () => {
  it('reads quotes with exact prices, a side without a price left out', () => {
    const { quotes, errors } = parseMdPush({
      quotes: [
        {
          timestamp: '2026-03-19T13:20:41.770Z',
          contractId: 3570918,
          entries: {
            Bid: { price: 21200.5, size: 12 },
            Offer: { price: 21200.75, size: 9 },
            Trade: { size: 1 },
            TotalTradeVolume: { size: 100432 },
          },
        },
        { contractId: 'x', entries: {} },
      ],
    });
    expect(quotes).toHaveLength(1);
    expect(quotes[0]?.bid?.toFixed()).toBe('21200.5');
    expect(quotes[0]?.ask?.toFixed()).toBe('21200.75');
    expect(quotes[0]?.last).toBeUndefined();
    expect(errors.map((e) => e.message)).toEqual(['quote: contractId must be a numeric id (got "x")']);
  });

  it('takes an md push without quotes (charts, DOM) as nothing to read', () => {
    expect(parseMdPush({ charts: [] })).toEqual({ quotes: [], errors: [] });
  });
});

describe('answers', () => {
  const granted = {
    accessToken: 'tok-1',
    mdAccessToken: 'md-1',
    expirationTime: '2026-03-19T14:42:00.000Z',
    userId: 2417,
    userStatus: 'Active',
    name: 'trader7',
    hasLive: false,
  };

  it('reads a grant and a refusal', () => {
    expect(parseAuthAnswer(granted)).toEqual({
      ok: true,
      value: {
        granted: true,
        grant: {
          accessToken: 'tok-1',
          mdAccessToken: 'md-1',
          expiresAt: Date.parse('2026-03-19T14:42:00.000Z'),
          userId: '2417',
          userStatus: 'Active',
          name: 'trader7',
          hasLive: false,
        },
      },
    });
    expect(parseAuthAnswer({ errorText: 'Incorrect username or password' })).toEqual({
      ok: true,
      value: { granted: false, errorText: 'Incorrect username or password' },
    });
    expect(errorOf(parseAuthAnswer({ ...granted, expirationTime: 17 }))).toBe(
      'auth: expirationTime Invalid input: expected string, received number (got 17)',
    );
  });

  it('tells an accepted command from a refused one', () => {
    expect(parseCommandAnswer({ orderId: 880003 })).toEqual({
      ok: true,
      value: { accepted: true, orderId: '880003' },
    });
    expect(parseCommandAnswer({ failureReason: 'Success', orderId: 5 })).toEqual({
      ok: true,
      value: { accepted: true, orderId: '5' },
    });
    expect(parseCommandAnswer({ failureReason: 'AnotherCommandPending', failureText: 'Wait' })).toEqual({
      ok: true,
      value: { accepted: false, reason: 'AnotherCommandPending', text: 'Wait' },
    });
    expect(parseCommandAnswer({ errorText: 'Access is denied' })).toEqual({
      ok: true,
      value: { accepted: false, reason: 'errorText', text: 'Access is denied' },
    });
  });

  it('reads the cash balance snapshot exactly', () => {
    const parsed = parseCashBalanceSnapshot({
      errorText: undefined,
      totalCashValue: 50123.45,
      netLiq: 50001.2,
      openPnL: -122.25,
      initialMargin: 421,
      weekRealizedPnL: 410.1,
    });
    expect(parsed.ok && Object.values(parsed.value).map((d) => d?.toFixed())).toEqual([
      '-122.25',
      '50001.2',
      '50123.45',
      '421',
    ]);
  });
});
