// A ProjectX quote read without the schema (`plainQuote`): the same value `quoteSchema` gives for whatever it reads,
// and nothing (the schema decides) for a quote it cannot read plainly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEntity, plainQuote, quoteSchema } from '../../../../main/broker/projectx/parse';
import { dec } from '../../../../shared/domain/money';

const value = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.constantFrom(21455.25, 0, -0, Number.NaN, Infinity, 1e21),
  fc.constantFrom('21455.25', '-3', '1.', '.5', '1e3', ' 1', '', '1'.repeat(41), '1'.repeat(40)),
  fc.constantFrom(
    '2026-03-19T13:15:02.411+00:00',
    '2026-03-19 13:15:02',
    '2026-03-19T13:15:02.4119999Z',
    'now',
  ),
  fc.constantFrom('F.US.MNQ', true, [], { price: 1 }),
);
const key = fc.constantFrom(
  'symbol',
  'Symbol',
  'lastPrice',
  'LastPrice',
  'bestBid',
  'BestBid',
  'bestAsk',
  'BestAsk',
  'timestamp',
  'Timestamp',
  'lastprice',
  'symbolName',
  'volume',
  'LastUpdated',
);
const frame = fc.dictionary(key, value, { maxKeys: 8 });

describe('a plain ProjectX quote', () => {
  it('reads what the schema reads, to the same value, and leaves the rest to it', () => {
    fc.assert(
      fc.property(frame, (data) => {
        const plain = plainQuote(data);
        if (plain === null) return;
        const parsed = parseEntity(quoteSchema, data);
        expect(parsed).toEqual({ ok: true, value: plain });
      }),
      { numRuns: 5000 },
    );
  });

  it('reads the gateway quote of the API notes, every field it carries', () => {
    const full = {
      symbol: 'F.US.MNQ',
      symbolName: '/MNQ',
      lastPrice: 21455.5,
      bestBid: 21455.25,
      bestAsk: 21455.75,
      change: 87.25,
      volume: 184233,
      lastUpdated: '2026-03-19T13:15:02.413+00:00',
      timestamp: '2026-03-19T13:15:02.411+00:00',
    };
    expect(plainQuote(full)).toEqual({
      symbol: 'F.US.MNQ',
      lastPrice: dec('21455.5'),
      bestBid: dec('21455.25'),
      bestAsk: dec('21455.75'),
      timestamp: Date.parse('2026-03-19T13:15:02.411Z'),
    });
    expect(plainQuote({ Symbol: 'F.US.MNQ', BestBid: '21455.5', LastPrice: null })).toEqual({
      symbol: 'F.US.MNQ',
      bestBid: dec('21455.5'),
      lastPrice: null,
    });
  });

  it.each([
    [{ bestBid: 1, BestBid: 2 }, 'a field spelt both ways'],
    [{ lastPrice: 'NaN' }, 'a price that is no decimal'],
    [{ bestAsk: Infinity }, 'an infinite price'],
    [{ timestamp: 'now' }, 'a time that is no time'],
    [{ symbol: 7 }, 'a symbol that is no text'],
  ])('leaves %j to the schema: %s', (data: Record<string, unknown>, why) => {
    expect(plainQuote(data), why).toBeNull();
  });
});
