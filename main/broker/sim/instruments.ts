// The contracts the simulator trades: real CME tick sizes and values, retail fees and day-trading margins,
// plus the market model's parameters (start price, calm volatility, and the mini a micro follows).
import { dec, type Dec } from '../../../shared/domain/money';
import type { InstrumentEvent } from '../../../shared/domain/events';

export type SimInstrument = {
  symbol: string;
  name: string;
  tickSize: Dec;
  tickValue: Dec;
  currency: 'USD';
  /** Day-trading (intraday) margin as retail futures brokers set it, not the exchange's overnight margin. */
  marginPerContract: Dec;
  /** Commission plus exchange and NFA fees, per contract per side. */
  feePerSide: Dec;
  /** Contract-count weight: a micro is a tenth of its mini. */
  weight: Dec;
  startPrice: Dec;
  /** Standard deviation, in ticks, of one quiet market step (one quote at the default cadence). */
  calmTicksPerStep: number;
  /** A micro moves with its mini: both quote the same price. */
  follows?: string;
  /** The market traded, shared by a micro and its mini (MNQ and NQ: `NQ`), as the broker adapters report it. */
  underlying: string;
};

type Spec = [
  symbol: string,
  name: string,
  tick: string,
  tickValue: string,
  margin: string,
  fee: string,
  start: string,
];

const minis: Spec[] = [
  ['ES', 'E-mini S&P 500', '0.25', '12.50', '500', '1.40', '6000.00'],
  ['NQ', 'E-mini Nasdaq-100', '0.25', '5.00', '1000', '1.40', '21000.00'],
  ['YM', 'E-mini Dow ($5)', '1', '5.00', '500', '1.40', '44000'],
  ['RTY', 'E-mini Russell 2000', '0.10', '5.00', '500', '1.40', '2300.0'],
  ['CL', 'Crude Oil', '0.01', '10.00', '1000', '1.52', '70.00'],
  ['GC', 'Gold', '0.10', '10.00', '1000', '1.62', '2600.0'],
];

const micros: [symbol: string, name: string, mini: string, tickValue: string, margin: string, fee: string][] =
  [
    ['MES', 'Micro E-mini S&P 500', 'ES', '1.25', '50', '0.37'],
    ['MNQ', 'Micro E-mini Nasdaq-100', 'NQ', '0.50', '100', '0.37'],
    ['MYM', 'Micro E-mini Dow', 'YM', '0.50', '50', '0.37'],
    ['M2K', 'Micro E-mini Russell 2000', 'RTY', '0.50', '50', '0.37'],
    ['MCL', 'Micro WTI Crude Oil', 'CL', '1.00', '100', '0.52'],
    ['MGC', 'Micro Gold', 'GC', '1.00', '100', '0.52'],
  ];

/** Calm volatility per mini, tuned so a quiet minute moves about as much as the real market does. */
const calmTicks: Record<string, number> = { ES: 0.5, NQ: 2, YM: 1, RTY: 0.6, CL: 0.5, GC: 0.6 };

function miniInstrument([symbol, name, tick, tickValue, margin, fee, start]: Spec): SimInstrument {
  return {
    symbol,
    name,
    tickSize: dec(tick),
    tickValue: dec(tickValue),
    currency: 'USD',
    marginPerContract: dec(margin),
    feePerSide: dec(fee),
    weight: dec(1),
    startPrice: dec(start),
    calmTicksPerStep: calmTicks[symbol] ?? 1,
    underlying: symbol,
  };
}

function buildInstruments(): SimInstrument[] {
  const out = minis.map(miniInstrument);
  for (const [symbol, name, mini, tickValue, margin, fee] of micros) {
    const parent = out.find((i) => i.symbol === mini);
    if (parent === undefined) throw new Error(`micro ${symbol} follows unknown mini ${mini}`);
    out.push({
      ...parent,
      symbol,
      name,
      tickValue: dec(tickValue),
      marginPerContract: dec(margin),
      feePerSide: dec(fee),
      weight: dec('0.1'),
      follows: mini,
      underlying: parent.underlying,
    });
  }
  return out;
}

/** Every instrument the simulator lists, minis first, in a fixed order (the market's PRNG depends on it). */
export const SIM_INSTRUMENTS: readonly SimInstrument[] = buildInstruments();

export function instrumentMap(
  list: readonly SimInstrument[] = SIM_INSTRUMENTS,
): ReadonlyMap<string, SimInstrument> {
  return new Map(list.map((i) => [i.symbol, i]));
}

/** The listed instrument for `symbol`; a symbol the book holds is always listed, so a miss is a bug. */
export function listedInstrument(
  instruments: ReadonlyMap<string, SimInstrument>,
  symbol: string,
): SimInstrument {
  const instrument = instruments.get(symbol);
  if (instrument === undefined) throw new Error(`no instrument ${symbol}`);
  return instrument;
}

/** Money per one point of price: tickValue / tickSize (ES: 50, MNQ: 2, CL: 1000). */
export function pointValue(instrument: SimInstrument): Dec {
  return instrument.tickValue.div(instrument.tickSize);
}

/** True when `price` is a whole number of ticks. */
export function onTickGrid(instrument: SimInstrument, price: Dec): boolean {
  return price.mod(instrument.tickSize).isZero();
}

export function instrumentEvent(instrument: SimInstrument, t: number): InstrumentEvent {
  return {
    type: 'instrument',
    t,
    symbol: instrument.symbol,
    tickSize: instrument.tickSize,
    tickValue: instrument.tickValue,
    currency: instrument.currency,
    name: instrument.name,
    marginPerContract: instrument.marginPerContract,
    weight: instrument.weight,
    underlying: instrument.underlying,
  };
}
