// Demo mode: small seeded robots that trade every simulated account every few seconds (market entries with a
// stop-loss and take-profit bracket, some full and partial closes) so the screens are alive with no one trading.
// A group's copier leader is traded by its robot, and each of its moves is copied to the followers (demo-copier).
import type { Side } from '../../../shared/domain/events';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type { BrokerCommand, CommandResult, PlaceOrder } from '../types';
import {
  bracketPrices,
  createDemoCopier,
  DEMO_MAX_CONTRACTS,
  type BracketTicks,
  type DemoCopier,
  type DemoMove,
} from './demo-copier';
import type { SimCopier } from './from-config';
import { instrumentMap, type SimInstrument } from './instruments';
import type { SimQuote } from './market';
import { createRng, type Rng } from './prng';

export { DEMO_MAX_CONTRACTS };
/** Nor positions in more than this many symbols at once, so the screen stays readable. */
export const DEMO_MAX_SYMBOLS = 3;
export const DEMO_TAG = 'demo';
/** Mixed into the seed of the copier's PRNG, so copies draw apart from the robots. */
const COPY_SEED = 0xc0913;

export type DemoTraderDeps = {
  clock: Clock;
  logger: Logger;
  seed: number;
  /** Every simulated account; each not following a leader gets a robot of its own. */
  accounts: readonly string[];
  /** Leaders whose robot's moves are copied to their followers. */
  copiers?: readonly SimCopier[];
  instruments: readonly SimInstrument[];
  positionQty(account: string, symbol: string): number;
  quote(symbol: string): SimQuote;
  execute(command: BrokerCommand): CommandResult;
};

export type DemoTrader = { start(): void; stop(): void };

/** One robot's view: its account and its own PRNG. */
type Robot = { deps: DemoTraderDeps; account: string; rng: Rng };

/** Stop and target distances in ticks: wider for instruments that move more per step. */
function bracketTicks(rng: Rng, instrument: SimInstrument): BracketTicks {
  const stop = Math.ceil((8 + rng.next() * 12) * Math.max(1, 2 * instrument.calmTicksPerStep));
  return { stop, target: Math.ceil(stop * (1 + rng.next())) };
}

function entryMove({ deps, account, rng }: Robot, instrument: SimInstrument): DemoMove | undefined {
  const held = deps.positionQty(account, instrument.symbol);
  const room = DEMO_MAX_CONTRACTS - Math.abs(held);
  if (room <= 0) return undefined;
  const side: Side = held > 0 ? 'buy' : held < 0 ? 'sell' : rng.next() < 0.5 ? 'buy' : 'sell';
  const qty = Math.min(room, rng.int(1, 3));
  const quote = deps.quote(instrument.symbol);
  const ticks = bracketTicks(rng, instrument);
  const command: PlaceOrder = {
    type: 'placeOrder',
    account,
    symbol: instrument.symbol,
    side,
    qty,
    kind: 'market',
    ...bracketPrices(instrument, side, quote, ticks),
    tag: DEMO_TAG,
  };
  return { command, ticks };
}

function closeMove({ deps, account, rng }: Robot, symbol: string): DemoMove {
  const size = Math.abs(deps.positionQty(account, symbol));
  const partial = size > 1 && rng.next() < 0.5;
  return {
    command: { type: 'closePosition', account, symbol, ...(partial ? { qty: rng.int(1, size - 1) } : {}) },
  };
}

/** One decision: open or add (more often), or close all or part of a random open position. */
function decide(robot: Robot): DemoMove | undefined {
  const { deps, account, rng } = robot;
  const open = deps.instruments.filter((i) => deps.positionQty(account, i.symbol) !== 0);
  if (open.length === 0 || rng.next() < 0.55) {
    const pool = open.length >= DEMO_MAX_SYMBOLS ? open : deps.instruments;
    const entry = entryMove(robot, rng.pick(pool));
    if (entry !== undefined || open.length === 0) return entry;
  }
  return closeMove(robot, rng.pick(open).symbol);
}

/** The PRNG seed of the i-th robot: the first keeps the demo's own seed, so one account trades as it always did. */
function robotSeed(seed: number, index: number): number {
  return (seed + Math.imul(index, 0x9e3779b9)) >>> 0;
}

/** A robot's loop: a move every two to six seconds; a leader's done moves go to the copier. */
function createRobotLoop(robot: Robot, followers: readonly string[], copier: DemoCopier): DemoTrader {
  const { deps, account, rng } = robot;
  let cancel: (() => void) | undefined;

  const act = (): void => {
    const move = decide(robot);
    if (move === undefined) return;
    const result = deps.execute(move.command);
    if (!result.ok) {
      deps.logger.warn('demo trader command refused', {
        account,
        command: move.command.type,
        error: result.error,
      });
      return;
    }
    if (followers.length > 0) copier.copy(account, move, followers);
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

export function createDemoTrader(deps: DemoTraderDeps): DemoTrader {
  const copiers = deps.copiers ?? [];
  const following = new Set(copiers.flatMap((c) => c.followers));
  const copier = createDemoCopier({
    clock: deps.clock,
    logger: deps.logger,
    rng: createRng((deps.seed ^ COPY_SEED) >>> 0),
    execute: (command) => deps.execute(command),
    positionQty: (account, symbol) => deps.positionQty(account, symbol),
    quote: (symbol) => deps.quote(symbol),
    instruments: instrumentMap(deps.instruments),
  });
  const loops = deps.accounts
    .filter((account) => !following.has(account))
    .map((account, index) => {
      const robot: Robot = { deps, account, rng: createRng(robotSeed(deps.seed, index)) };
      const followers = copiers.find((c) => c.leader === account)?.followers ?? [];
      return createRobotLoop(robot, followers, copier);
    });
  return {
    start: () => {
      for (const loop of loops) loop.start();
    },
    stop: () => {
      for (const loop of loops) loop.stop();
      copier.cancelAll();
    },
  };
}
