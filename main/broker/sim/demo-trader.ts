// Demo mode: a small seeded robot that trades the simulated account every few seconds (market entries with a
// stop-loss and take-profit bracket, some full and partial closes) so the screens are alive with no one trading.
import type { Dec } from '../../../shared/domain/money';
import type { Side } from '../../../shared/domain/events';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type { BrokerCommand, CommandResult } from '../types';
import type { SimInstrument } from './instruments';
import type { SimQuote } from './market';
import { createRng, type Rng } from './prng';

/** The robot never holds more than this many contracts in one symbol. */
export const DEMO_MAX_CONTRACTS = 6;
/** Nor positions in more than this many symbols at once, so the screen stays readable. */
export const DEMO_MAX_SYMBOLS = 3;
export const DEMO_TAG = 'demo';

export type DemoTraderDeps = {
  clock: Clock;
  logger: Logger;
  seed: number;
  account: string;
  instruments: readonly SimInstrument[];
  positionQty(symbol: string): number;
  quote(symbol: string): SimQuote;
  execute(command: BrokerCommand): CommandResult;
};

export type DemoTrader = { start(): void; stop(): void };

/** Stop and target distances in ticks: wider for instruments that move more per step. */
function bracketTicks(rng: Rng, instrument: SimInstrument): { stop: number; target: number } {
  const stop = Math.ceil((8 + rng.next() * 12) * Math.max(1, 2 * instrument.calmTicksPerStep));
  return { stop, target: Math.ceil(stop * (1 + rng.next())) };
}

function entryCommand(deps: DemoTraderDeps, rng: Rng, instrument: SimInstrument): BrokerCommand | undefined {
  const held = deps.positionQty(instrument.symbol);
  const room = DEMO_MAX_CONTRACTS - Math.abs(held);
  if (room <= 0) return undefined;
  const side: Side = held > 0 ? 'buy' : held < 0 ? 'sell' : rng.next() < 0.5 ? 'buy' : 'sell';
  const qty = Math.min(room, rng.int(1, 3));
  const { bid, ask } = deps.quote(instrument.symbol);
  const ticks = bracketTicks(rng, instrument);
  const away = (from: Dec, n: number): Dec => from.add(instrument.tickSize.mul(n));
  const buy = side === 'buy';
  return {
    type: 'placeOrder',
    account: deps.account,
    symbol: instrument.symbol,
    side,
    qty,
    kind: 'market',
    stopLossPrice: buy ? away(bid, -ticks.stop) : away(ask, ticks.stop),
    takeProfitPrice: buy ? away(ask, ticks.target) : away(bid, -ticks.target),
    tag: DEMO_TAG,
  };
}

function closeCommand(deps: DemoTraderDeps, rng: Rng, symbol: string): BrokerCommand {
  const size = Math.abs(deps.positionQty(symbol));
  const partial = size > 1 && rng.next() < 0.5;
  return {
    type: 'closePosition',
    account: deps.account,
    symbol,
    ...(partial ? { qty: rng.int(1, size - 1) } : {}),
  };
}

/** One decision: open or add (more often), or close all or part of a random open position. */
function decide(deps: DemoTraderDeps, rng: Rng): BrokerCommand | undefined {
  const open = deps.instruments.filter((i) => deps.positionQty(i.symbol) !== 0);
  if (open.length === 0 || rng.next() < 0.55) {
    const pool = open.length >= DEMO_MAX_SYMBOLS ? open : deps.instruments;
    const entry = entryCommand(deps, rng, rng.pick(pool));
    if (entry !== undefined || open.length === 0) return entry;
  }
  return closeCommand(deps, rng, rng.pick(open).symbol);
}

export function createDemoTrader(deps: DemoTraderDeps): DemoTrader {
  const rng = createRng(deps.seed);
  let cancel: (() => void) | undefined;

  const act = (): void => {
    const command = decide(deps, rng);
    if (command === undefined) return;
    const result = deps.execute(command);
    if (!result.ok)
      deps.logger.warn('demo trader command refused', { command: command.type, error: result.error });
  };

  const scheduleNext = (): void => {
    cancel = deps.clock.setTimeout(
      () => {
        act();
        scheduleNext();
      },
      rng.int(2000, 6000),
    );
  };

  return {
    start: () => {
      if (cancel === undefined) scheduleNext();
    },
    stop: () => {
      cancel?.();
      cancel = undefined;
    },
  };
}
