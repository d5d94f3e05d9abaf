// The ProjectX parsers on docs/brokers/PROJECTX.md's sample payloads (section 6): exact values out, or a clear error.
import { describe, expect, it } from 'vitest';
import {
  accountSchema,
  camelKeys,
  contractSchema,
  parseEntity,
  parseTimestamp,
  positionSchema,
  tradeSchema,
  unwrapUserArgument,
} from '../../../../main/broker/projectx/parse';
import samples from '../../../fixtures/projectx-samples.json';

const arg = (frame: { arguments: unknown[] }) => frame.arguments[0];

describe('timestamps', () => {
  it.each([
    ['2026-03-19T13:12:04.118274+00:00', '2026-03-19T13:12:04.118Z'],
    ['2025-02-25T14:40:04.2256702+00:00', '2025-02-25T14:40:04.225Z'],
    ['2026-03-19T13:20:41.77+00:00', '2026-03-19T13:20:41.770Z'],
    ['2026-03-19T14:02:11.5+00:00', '2026-03-19T14:02:11.500Z'],
    ['2024-07-21T13:45:00Z', '2024-07-21T13:45:00.000Z'],
    ['2026-03-19T08:12:04-0500', '2026-03-19T13:12:04.000Z'],
    ['2026-03-19T13:12:04.123456789', '2026-03-19T13:12:04.123Z'], // no offset: UTC, not local time
  ])('%s is %s', (text, iso) => {
    expect(new Date(parseTimestamp(text)).toISOString()).toBe(iso);
  });

  it.each(['yesterday', '2026-03-19', '2026-13-45T99:00:00Z', ''])('%j is not a time', (text) => {
    expect(parseTimestamp(text)).toBeNaN();
  });
});

describe('user-hub envelopes', () => {
  it('unwraps {action, data} and keeps the action', () => {
    expect(unwrapUserArgument(arg(samples.positionClosedByAction))).toEqual([
      { action: 2, entity: (arg(samples.positionClosedByAction) as { data: unknown }).data },
    ]);
  });

  it('takes a bare entity as it is, a [accountId, entity] pair, and a list', () => {
    const bare = arg(samples.accountBare);
    expect(unwrapUserArgument(bare)).toEqual([{ action: null, entity: bare }]);
    expect(unwrapUserArgument([18410777, bare])).toEqual([{ action: null, entity: bare }]);
    expect(unwrapUserArgument([bare, { action: 1, data: bare }])).toEqual([
      { action: null, entity: bare },
      { action: 1, entity: bare },
    ]);
  });

  it('folds PascalCase keys to camelCase, nested too', () => {
    expect(camelKeys({ Id: 1, Data: { AccountId: 2 } })).toEqual({ id: 1, data: { accountId: 2 } });
    expect(unwrapUserArgument({ Action: 1, Data: { Id: 7 } })).toEqual([{ action: 1, entity: { id: 7 } }]);
  });
});

describe('entities', () => {
  it('reads an account with an exact balance', () => {
    const parsed = parseEntity(accountSchema, (arg(samples.accountWrapped) as { data: unknown }).data);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.value.id).toBe('18410777');
    expect(parsed.value.balance?.toFixed()).toBe('50412.36');
    expect(parsed.value.canTrade).toBe(true);
  });

  it('reads the bare, PascalCase, voided trade', () => {
    const parsed = parseEntity(tradeSchema, arg(samples.tradeVoidedPascal));
    if (!parsed.ok) throw new Error(parsed.error);
    const t = parsed.value;
    expect([t.id, t.accountId, t.contractId, t.side, t.size, t.voided, t.orderId]).toEqual([
      '2314563110',
      '18410777',
      'CON.F.US.EP.M26',
      1,
      1,
      true,
      '2669190200',
    ]);
    expect([t.price.toFixed(), t.profitAndLoss?.toFixed(), t.fees.toFixed()]).toEqual([
      '5972.25',
      '-162.5',
      '1.4',
    ]);
    expect(new Date(t.creationTimestamp).toISOString()).toBe('2026-03-19T14:02:11.500Z');
  });

  it('reads REST trades with nine-digit prices exactly, and ids above 2^31', () => {
    const rows = samples.restTrades.trades.map((row) => parseEntity(tradeSchema, row));
    expect(
      rows.map((r) =>
        r.ok
          ? [
              r.value.id,
              r.value.price.toFixed(),
              r.value.profitAndLoss?.toFixed() ?? null,
              r.value.fees.toFixed(),
            ]
          : r.error,
      ),
    ).toEqual([
      ['2314563102', '21460.75', '42', '0.74'],
      ['2314563086', '21450.25', null, '0.74'],
      ['2314563301', '5978.75', '-162.5', '1.4'],
    ]);
  });

  it('accepts decimal strings and string ids as well as numbers', () => {
    const parsed = parseEntity(tradeSchema, {
      ...samples.restTrades.trades[0],
      id: '9007199254740993',
      price: '21460.750000000',
      fees: '0.7400',
    });
    if (!parsed.ok) throw new Error(parsed.error);
    expect([parsed.value.id, parsed.value.price.toFixed(), parsed.value.fees.toFixed()]).toEqual([
      '9007199254740993',
      '21460.75',
      '0.74',
    ]);
  });

  it('reads a delta position without contractId or creationTimestamp', () => {
    const parsed = parseEntity(positionSchema, (arg(samples.positionDelta) as { data: unknown }).data);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.value.contractId).toBeUndefined();
    expect(parsed.value.contractDisplayName).toBe('ESM6');
    expect([parsed.value.type, parsed.value.size, parsed.value.averagePrice?.toFixed()]).toEqual([
      2,
      1,
      '5975.5',
    ]);
  });

  it('reads both Contract/searchById shapes', () => {
    const current = parseEntity(contractSchema, samples.restContract.contract);
    const legacy = parseEntity(contractSchema, samples.restContractsLegacy.contracts[0]);
    if (!current.ok || !legacy.ok) throw new Error('contract not read');
    expect([current.value.id, current.value.tickSize.toFixed(), current.value.tickValue.toFixed()]).toEqual([
      'CON.F.US.MNQ.M26',
      '0.25',
      '0.5',
    ]);
    expect([legacy.value.id, legacy.value.name, legacy.value.tickValue.toFixed()]).toEqual([
      'CON.F.US.EP.M26',
      'ESM6',
      '12.5',
    ]);
  });

  it.each([
    ['a price that is not a number', { price: 'abc' }, 'price: must be a decimal number (got "abc")'],
    ['a missing price', { price: undefined }, 'price: must be a decimal number (got undefined)'],
    ['a negative size', { size: -2 }, 'size: Too small: expected number to be >=1 (got -2)'],
    ['a fractional size', { size: 1.5 }, 'size: Invalid input: expected int, received number (got 1.5)'],
    ['a side that is no side', { side: 2 }, 'side: Invalid input (got 2)'],
    [
      'a bad time',
      { creationTimestamp: 'soon' },
      'creationTimestamp: not an ISO-8601 time: soon (got "soon")',
    ],
    ['an id that is not an id', { id: 'DROP TABLE' }, 'id: must be a numeric id (got "DROP TABLE")'],
  ])('refuses a trade with %s, naming the field and value', (_what, change, error) => {
    const parsed = parseEntity(tradeSchema, { ...samples.restTrades.trades[0], ...change });
    expect(parsed).toEqual({ ok: false, error });
  });

  it('refuses a contract whose tick size is zero', () => {
    expect(parseEntity(contractSchema, { ...samples.restContract.contract, tickSize: 0 })).toEqual({
      ok: false,
      error: 'tickSize: must be above 0 (got 0)',
    });
  });
});
