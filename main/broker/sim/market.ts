// The simulated market: per mini contract, a seeded random walk in whole ticks that is calm most of the time
// and has occasional bursts of larger, directional moves that decay. Micros quote the price of their mini.
import { Dec } from '../../../shared/domain/money';
import { onTickGrid, type SimInstrument } from './instruments';
import { createRng, type Rng } from './prng';

export type SimQuote = { symbol: string; bid: Dec; ask: Dec; last: Dec };

export type SimMarket = {
  /** The current quote of a symbol; throws on a symbol the market does not list. */
  quote(symbol: string): SimQuote;
  /** One step of every walk: the new quote of every symbol (a mini, then the micros that follow it). */
  step(): SimQuote[];
  /** Puts the bid and last at `price` and the ask one tick above; returns the quotes that changed. */
  setPrice(symbol: string, price: Dec): SimQuote[];
  /** The bid of every walk by mini symbol, as exact strings (persisted across restarts). */
  prices(): Record<string, string>;
  /** Puts walks back at persisted bids; unknown symbols and unreadable prices are ignored. */
  restore(prices: Readonly<Record<string, string>>): void;
};

type Walk = {
  mini: SimInstrument;
  symbols: string[];
  bidTicks: number;
  lastTicks: number;
  anchorTicks: number;
  floorTicks: number;
  burst: number;
  drift: number;
  quote: { bid: Dec; ask: Dec; last: Dec };
};

/** Chance per step that a burst starts (about one every five minutes per walk at four steps a second). */
const BURST_CHANCE = 1 / 1200;
/** How much of a burst's extra volatility and drift is left after each step (half-life about 46 steps). */
const BURST_DECAY = 0.985;
/** A weak pull back to the start price, so weeks of walking do not wander off to absurd prices. */
const REVERSION = 2e-6;

function ticksOf(instrument: SimInstrument, price: Dec): number {
  return price.div(instrument.tickSize).toDecimalPlaces(0).toNumber();
}

function priceQuote(mini: SimInstrument, bidTicks: number, lastTicks: number): Walk['quote'] {
  const tick = mini.tickSize;
  const bid = new Dec(bidTicks).mul(tick);
  return { bid, ask: bid.add(tick), last: new Dec(lastTicks).mul(tick) };
}

function newWalk(mini: SimInstrument): Walk {
  const start = ticksOf(mini, mini.startPrice);
  return {
    mini,
    symbols: [],
    bidTicks: start,
    lastTicks: start,
    anchorTicks: start,
    floorTicks: Math.max(1, Math.round(start / 10)),
    burst: 1,
    drift: 0,
    quote: priceQuote(mini, start, start),
  };
}

/** Moves a walk to a bid and a last trade price. */
function place(walk: Walk, bidTicks: number, lastTicks: number): void {
  walk.bidTicks = bidTicks;
  walk.lastTicks = lastTicks;
  walk.quote = priceQuote(walk.mini, bidTicks, lastTicks);
}

/** One walk per mini (by its symbol), and the walk each listed symbol quotes from. */
function walksOf(instruments: readonly SimInstrument[]): {
  walks: Map<string, Walk>;
  walkOf: Map<string, Walk>;
} {
  const walks = new Map<string, Walk>();
  const walkOf = new Map<string, Walk>();
  for (const instrument of instruments) {
    const key = instrument.follows ?? instrument.symbol;
    let walk = walks.get(key);
    if (walk === undefined) {
      const mini = instruments.find((i) => i.symbol === key) ?? instrument;
      walk = newWalk(mini);
      walks.set(key, walk);
    }
    walk.symbols.push(instrument.symbol);
    walkOf.set(instrument.symbol, walk);
  }
  return { walks, walkOf };
}

function stepWalk(rng: Rng, walk: Walk): void {
  const calm = walk.mini.calmTicksPerStep;
  if (rng.next() < BURST_CHANCE) {
    walk.burst = 2.5 + rng.next() * 3.5;
    walk.drift = (rng.next() < 0.5 ? -1 : 1) * calm * 0.15 * walk.burst;
  }
  const pull = (walk.anchorTicks - walk.bidTicks) * REVERSION;
  const move = Math.round(rng.gaussian() * calm * walk.burst + walk.drift + pull);
  const hitAsk = move > 0 || (move === 0 && rng.next() < 0.5);
  const bidTicks = Math.max(walk.floorTicks, walk.bidTicks + move);
  place(walk, bidTicks, hitAsk ? bidTicks + 1 : bidTicks);
  walk.burst = 1 + (walk.burst - 1) * BURST_DECAY;
  walk.drift *= BURST_DECAY;
}

/** Puts a walk at `price` (bid and last); refuses a price off its tick grid or not above zero. */
function setWalkPrice(walk: Walk, symbol: string, price: Dec): void {
  if (price.lessThanOrEqualTo(0) || !onTickGrid(walk.mini, price)) {
    throw new Error(
      `${symbol} price ${price.toFixed()} is not a positive multiple of ${walk.mini.tickSize.toFixed()}`,
    );
  }
  const ticks = ticksOf(walk.mini, price);
  place(walk, ticks, ticks);
}

export function createMarket(instruments: readonly SimInstrument[], seed: number): SimMarket {
  const rng = createRng(seed);
  const { walks, walkOf } = walksOf(instruments);

  const find = (symbol: string): Walk => {
    const walk = walkOf.get(symbol);
    if (walk === undefined) throw new Error(`the simulated market does not list ${symbol}`);
    return walk;
  };
  const quotesOf = (walk: Walk): SimQuote[] => walk.symbols.map((symbol) => ({ symbol, ...walk.quote }));

  return {
    quote: (symbol) => ({ symbol, ...find(symbol).quote }),
    step: () => {
      for (const walk of walks.values()) stepWalk(rng, walk);
      return [...walks.values()].flatMap(quotesOf);
    },
    setPrice: (symbol, price) => {
      const walk = find(symbol);
      setWalkPrice(walk, symbol, price);
      return quotesOf(walk);
    },
    prices: () => Object.fromEntries([...walks].map(([key, walk]) => [key, walk.quote.bid.toFixed()])),
    restore: (prices) => {
      for (const [key, text] of Object.entries(prices)) {
        const walk = walks.get(key);
        if (walk === undefined || !/^\d+(\.\d+)?$/.test(text)) continue;
        const ticks = Math.max(walk.floorTicks, ticksOf(walk.mini, new Dec(text)));
        place(walk, ticks, ticks);
      }
    },
  };
}
