// The simulated market: prices always on the tick grid, one tick of spread, calm with bursts, reproducible.
import { describe, expect, it } from 'vitest';
import {
  createMarket,
  SIM_INSTRUMENTS,
  onTickGrid,
  instrumentMap,
  createRng,
} from '../../../../main/broker/sim';
import { dec } from '../../../../shared/domain/money';

const instruments = instrumentMap();

describe('the market', () => {
  it('keeps bid, ask and last on the tick grid, one tick apart, above zero, over 10,000 steps', () => {
    const market = createMarket(SIM_INSTRUMENTS, 42);
    const problems: string[] = [];
    for (let step = 0; step < 10_000; step++) {
      for (const quote of market.step()) {
        const instrument = instruments.get(quote.symbol);
        if (instrument === undefined) throw new Error(quote.symbol);
        const { bid, ask, last } = quote;
        const fine =
          onTickGrid(instrument, bid) &&
          onTickGrid(instrument, ask) &&
          onTickGrid(instrument, last) &&
          ask.sub(bid).equals(instrument.tickSize) &&
          (last.equals(bid) || last.equals(ask)) &&
          bid.greaterThan(0);
        if (!fine)
          problems.push(`${step} ${quote.symbol} ${bid.toFixed()} ${ask.toFixed()} ${last.toFixed()}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('quotes every symbol each step, a micro at the price of its mini', () => {
    const market = createMarket(SIM_INSTRUMENTS, 3);
    for (let step = 0; step < 100; step++) {
      const quotes = market.step();
      expect(quotes.map((q) => q.symbol).sort()).toEqual(SIM_INSTRUMENTS.map((i) => i.symbol).sort());
      const bid = (symbol: string): string => quotes.find((q) => q.symbol === symbol)?.bid.toFixed() ?? '';
      expect(bid('MNQ')).toBe(bid('NQ'));
      expect(bid('MES')).toBe(bid('ES'));
      expect(bid('MCL')).toBe(bid('CL'));
    }
  });

  it('starts at realistic prices', () => {
    const market = createMarket(SIM_INSTRUMENTS, 1);
    expect(['ES', 'NQ', 'CL', 'GC'].map((s) => market.quote(s).bid.toFixed())).toEqual([
      '6000',
      '21000',
      '70',
      '2600',
    ]);
  });

  it('is reproducible: the same seed gives the same prices, another seed others', () => {
    const path = (seed: number): string[] => {
      const market = createMarket(SIM_INSTRUMENTS, seed);
      return Array.from({ length: 500 }, () =>
        market.step().map((q) => `${q.symbol} ${q.bid.toFixed()} ${q.last.toFixed()}`),
      ).flat();
    };
    expect(path(11)).toEqual(path(11));
    expect(path(11)).not.toEqual(path(12));
  });

  it('is calm most of the time, with occasional bursts of larger moves', () => {
    const market = createMarket(SIM_INSTRUMENTS, 5);
    const moves: number[] = [];
    let previous = market.quote('ES').bid;
    for (let step = 0; step < 50_000; step++) {
      market.step();
      const bid = market.quote('ES').bid;
      moves.push(Math.abs(bid.sub(previous).div('0.25').toNumber()));
      previous = bid;
    }
    const still = moves.filter((m) => m === 0).length / moves.length;
    const big = moves.filter((m) => m >= 4).length; // eight standard deviations of a calm step
    expect(still).toBeGreaterThan(0.5);
    expect(big).toBeGreaterThan(5);
    expect(big / moves.length).toBeLessThan(0.01);
  });

  it('can be scripted and restored', () => {
    const market = createMarket(SIM_INSTRUMENTS, 1);
    expect(
      market.setPrice('MNQ', dec('21000')).map((q) => [q.symbol, q.bid.toFixed(), q.ask.toFixed()]),
    ).toEqual([
      ['NQ', '21000', '21000.25'],
      ['MNQ', '21000', '21000.25'],
    ]);
    const saved = market.prices();
    expect(saved.NQ).toBe('21000');
    const other = createMarket(SIM_INSTRUMENTS, 2);
    other.restore({ ...saved, NOPE: '1', CL: 'garbage' });
    expect(other.quote('NQ').bid.toFixed()).toBe('21000');
    expect(other.quote('CL').bid.toFixed()).toBe('70');
    expect(() => market.setPrice('ES', dec('6000.1'))).toThrow(
      'ES price 6000.1 is not a positive multiple of 0.25',
    );
    expect(() => market.setPrice('ZZ', dec('1'))).toThrow('the simulated market does not list ZZ');
  });
});

describe('the seeded generator', () => {
  it('repeats for a seed and stays in range', () => {
    const a = createRng(9);
    const b = createRng(9);
    const draws = Array.from({ length: 1000 }, () => a.next());
    expect(draws).toEqual(Array.from({ length: 1000 }, () => b.next()));
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    const ints = Array.from({ length: 1000 }, () => a.int(1, 3));
    expect(new Set(ints)).toEqual(new Set([1, 2, 3]));
  });
});
