// The demo's trade copier: a leader's entries and exits are copied to its followers as retail copiers do it,
// usually within a second, now and then a few seconds late, and about one time in twenty not at all. Every
// delay and every miss comes from the simulator's seeded PRNG, so a seed replays the same copies.
import type { Dec } from '../../../shared/domain/money';
import type { Side } from '../../../shared/domain/events';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type { BrokerCommand, ClosePosition, CommandResult, PlaceOrder } from '../types';
import type { SimInstrument } from './instruments';
import type { SimQuote } from './market';
import type { Rng } from './prng';

/** About one copy in twenty is missed. */
export const COPY_MISS_RATE = 0.05;
/** About one in ten is late by a few seconds. */
export const COPY_LATE_RATE = 0.1;
/** On time: within a second. */
export const COPY_ON_TIME_MS = { min: 150, max: 900 } as const;
export const COPY_LATE_MS = { min: 2000, max: 5000 } as const;
/** The robot never holds more than this many contracts in one symbol, in any account. */
export const DEMO_MAX_CONTRACTS = 6;
export const DEMO_COPY_TAG = 'demo-copy';

export type BracketTicks = { stop: number; target: number };

/** What a robot did: the command, and for an entry its bracket distances in ticks (a copy uses the same). */
export type DemoMove = { command: PlaceOrder | ClosePosition; ticks?: BracketTicks };

export type CopyTiming = { kind: 'onTime' | 'late'; delayMs: number } | { kind: 'missed' };

/** When one follower's copy goes out: one draw decides missed, late or on time, a second how long after. */
export function copyTiming(rng: Rng): CopyTiming {
  const roll = rng.next();
  if (roll < COPY_MISS_RATE) return { kind: 'missed' };
  if (roll < COPY_MISS_RATE + COPY_LATE_RATE)
    return { kind: 'late', delayMs: rng.int(COPY_LATE_MS.min, COPY_LATE_MS.max) };
  return { kind: 'onTime', delayMs: rng.int(COPY_ON_TIME_MS.min, COPY_ON_TIME_MS.max) };
}

/** The stop loss and take profit `ticks` away from the touch an entry on `side` fills at. */
export function bracketPrices(
  instrument: SimInstrument,
  side: Side,
  quote: SimQuote,
  ticks: BracketTicks,
): { stopLossPrice: Dec; takeProfitPrice: Dec } {
  const away = (from: Dec, n: number): Dec => from.add(instrument.tickSize.mul(n));
  const { bid, ask } = quote;
  return side === 'buy'
    ? { stopLossPrice: away(bid, -ticks.stop), takeProfitPrice: away(ask, ticks.target) }
    : { stopLossPrice: away(ask, ticks.stop), takeProfitPrice: away(bid, -ticks.target) };
}

export type CopyView = {
  positionQty(account: string, symbol: string): number;
  quote(symbol: string): SimQuote;
  instruments: ReadonlyMap<string, SimInstrument>;
};

/** An entry copied: same side and size (never over DEMO_MAX_CONTRACTS), brackets as far from today's touch. */
function copyEntry(move: DemoMove, follower: string, view: CopyView): PlaceOrder | undefined {
  const { command } = move;
  if (command.type !== 'placeOrder') return undefined;
  const instrument = view.instruments.get(command.symbol);
  if (instrument === undefined) return undefined;
  const held = view.positionQty(follower, command.symbol);
  const adds = held === 0 || held > 0 === (command.side === 'buy');
  const qty = adds ? Math.min(command.qty, DEMO_MAX_CONTRACTS - Math.abs(held)) : command.qty;
  if (qty <= 0) return undefined;
  const brackets =
    move.ticks === undefined
      ? {}
      : bracketPrices(instrument, command.side, view.quote(command.symbol), move.ticks);
  return {
    type: 'placeOrder',
    account: follower,
    symbol: command.symbol,
    side: command.side,
    qty,
    kind: 'market',
    ...brackets,
    tag: DEMO_COPY_TAG,
  };
}

/** An exit copied: all of the follower's position, or as many contracts as the leader closed (at most all). */
function copyExit(move: DemoMove, follower: string, view: CopyView): ClosePosition | undefined {
  const { command } = move;
  if (command.type !== 'closePosition') return undefined;
  const held = Math.abs(view.positionQty(follower, command.symbol));
  if (held === 0) return undefined;
  const partial = command.qty !== undefined && command.qty < held;
  return {
    type: 'closePosition',
    account: follower,
    symbol: command.symbol,
    ...(partial ? { qty: command.qty } : {}),
  };
}

/** The follower's copy of a leader's move, as the market and its book stand now; undefined when none is due. */
export function copyCommand(
  move: DemoMove,
  follower: string,
  view: CopyView,
): PlaceOrder | ClosePosition | undefined {
  return move.command.type === 'placeOrder'
    ? copyEntry(move, follower, view)
    : copyExit(move, follower, view);
}

export type DemoCopierDeps = CopyView & {
  clock: Clock;
  logger: Logger;
  rng: Rng;
  execute(command: BrokerCommand): CommandResult;
};

export type DemoCopier = {
  /** Schedules the copies of a leader's move to each follower (in order, one timing draw each). */
  copy(leader: string, move: DemoMove, followers: readonly string[]): void;
  /** Drops every copy not yet sent (the demo stopped). */
  cancelAll(): void;
};

export function createDemoCopier(deps: DemoCopierDeps): DemoCopier {
  const { clock, logger } = deps;
  const pending = new Set<() => void>();

  const send = (leader: string, move: DemoMove, follower: string, timing: CopyTiming): void => {
    const command = copyCommand(move, follower, deps);
    if (command === undefined) {
      logger.debug('demo copy not needed', { leader, follower, command: move.command.type });
      return;
    }
    const result = deps.execute(command);
    if (!result.ok) logger.warn('demo copy refused', { leader, follower, error: result.error });
    else if (timing.kind === 'late')
      logger.info('demo copy late', { leader, follower, symbol: command.symbol, delayMs: timing.delayMs });
  };

  return {
    copy(leader, move, followers) {
      const { symbol } = move.command;
      for (const follower of followers) {
        const timing = copyTiming(deps.rng);
        if (timing.kind === 'missed') {
          logger.info('demo copy missed', { leader, follower, command: move.command.type, symbol });
          continue;
        }
        const cancel = clock.setTimeout(() => {
          pending.delete(cancel);
          send(leader, move, follower, timing);
        }, timing.delayMs);
        pending.add(cancel);
      }
    },
    cancelAll() {
      for (const cancel of pending) cancel();
      pending.clear();
    },
  };
}
