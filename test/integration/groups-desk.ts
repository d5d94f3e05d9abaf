// A small paper desk for the group tests: several accounts at one broker, scripted by the test (fills and quotes
// it reports), carrying out enforcement's closes and cancels at the current price. The real core runs on it with a
// real SQLite file and a manual clock; `warden serve`'s HTTP server can be put in front of it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimBroker, simSetupOf, type SimBroker } from '../../main/broker/sim';
import type { BrokerAdapter, BrokerCommand, CommandResult } from '../../main/broker/types';
import { createCore } from '../../main/core/app';
import { loadConfig } from '../../main/core/start';
import type { WardenCore } from '../../main/core/types';
import { engineConfigOf } from '../../main/engine';
import { memoryLogger } from '../../main/platform/logger';
import { openStore } from '../../main/store';
import type { BrokerEvent, Side } from '../../shared/domain/events';
import { dec, type Dec } from '../../shared/domain/money';
import { createManualClock, type ManualClock } from '../helpers/manual-clock';
import { STILL_TICK_INTERVAL_MS, TUESDAY_MORNING } from '../helpers/sim-core';

type Instrument = {
  symbol: string;
  tickSize: string;
  tickValue: string;
  weight?: string;
  underlying?: string;
};

export const deskInstruments: Instrument[] = [
  { symbol: 'ES', tickSize: '0.25', tickValue: '12.50' },
  { symbol: 'MES', tickSize: '0.25', tickValue: '1.25', weight: '0.1', underlying: 'ES' },
  { symbol: 'NQ', tickSize: '0.25', tickValue: '5.00' },
  { symbol: 'MNQ', tickSize: '0.25', tickValue: '0.50', weight: '0.1', underlying: 'NQ' },
];

export type Desk = BrokerAdapter & {
  /** A fill the broker reports for `account` at the symbol's current price. */
  fill(account: string, symbol: string, side: Side, qty: number): void;
  quote(symbol: string, last: string): void;
  /** What the desk holds for the account, by symbol (signed). */
  positions(account: string): Record<string, number>;
  /** Every command enforcement sent, in order. */
  commands: BrokerCommand[];
};

export function createDesk(clock: ManualClock, accounts: string[], prices: Record<string, string>): Desk {
  let emit: ((event: BrokerEvent) => void) | null = null;
  const held = new Map<string, number>();
  const price = new Map<string, Dec>(Object.entries(prices).map(([s, p]) => [s, dec(p)]));
  let fills = 0;
  const send = (event: BrokerEvent) => {
    if (emit === null) throw new Error('the desk is not started');
    emit(event);
  };
  const fill = (account: string, symbol: string, side: Side, qty: number) => {
    const key = `${account}:${symbol}`;
    held.set(key, (held.get(key) ?? 0) + (side === 'buy' ? qty : -qty));
    fills += 1;
    const at = price.get(symbol);
    if (at === undefined) throw new Error(`no price for ${symbol}`);
    const id = `d${fills}`;
    send({
      type: 'fill',
      t: clock.now(),
      account,
      id,
      orderId: id,
      symbol,
      side,
      qty,
      price: at,
      fees: dec(0),
    });
  };
  const commands: BrokerCommand[] = [];
  const execute = (command: BrokerCommand): Promise<CommandResult> => {
    commands.push(command);
    if (command.type === 'closePosition') {
      const qty = held.get(`${command.account}:${command.symbol}`) ?? 0;
      if (qty === 0) return Promise.resolve({ ok: false, error: 'no position' });
      fill(
        command.account,
        command.symbol,
        qty > 0 ? 'sell' : 'buy',
        Math.min(Math.abs(qty), command.qty ?? Math.abs(qty)),
      );
      return Promise.resolve({ ok: true });
    }
    return Promise.resolve({ ok: false, error: `the desk does not take ${command.type}` });
  };
  return {
    kind: 'sim',
    commands,
    start(onEvent) {
      emit = onEvent;
      const t = clock.now();
      for (const instrument of deskInstruments)
        send({
          type: 'instrument',
          t,
          symbol: instrument.symbol,
          tickSize: dec(instrument.tickSize),
          tickValue: dec(instrument.tickValue),
          currency: 'USD',
          ...(instrument.weight === undefined ? {} : { weight: dec(instrument.weight) }),
          ...(instrument.underlying === undefined ? {} : { underlying: instrument.underlying }),
        });
      for (const account of accounts) send({ type: 'account', t, account, balance: dec(50000) });
      for (const [symbol, last] of price) send({ type: 'quote', t, symbol, last });
      send({ type: 'connection', t, status: 'connected' });
      return Promise.resolve();
    },
    execute,
    fill,
    quote(symbol, last) {
      price.set(symbol, dec(last));
      send({ type: 'quote', t: clock.now(), symbol, last: dec(last) });
    },
    positions(account) {
      const out: Record<string, number> = {};
      for (const [key, qty] of held)
        if (key.startsWith(`${account}:`) && qty !== 0) out[key.slice(account.length + 1)] = qty;
      return out;
    },
    reconnect: () => false,
    stop: () => Promise.resolve(),
  };
}

/** The real core on a desk, over a temp data dir, on a manual clock from Tuesday 09:30 Chicago. */
export async function deskCore(options: {
  config: string;
  accounts: string[];
  prices: Record<string, string>;
}): Promise<{ core: WardenCore; desk: Desk; clock: ManualClock; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'warden-groups-'));
  writeFileSync(join(dir, 'config.yaml'), options.config);
  const clock = createManualClock(TUESDAY_MORNING);
  const logger = memoryLogger();
  const desk = createDesk(clock, options.accounts, options.prices);
  const store = openStore(join(dir, 'warden.db'), { logger, clock });
  const document = loadConfig(join(dir, 'config.yaml'));
  const core = await createCore({
    broker: desk,
    store,
    clock,
    logger,
    engineConfig: engineConfigOf(document),
    configSource: { document },
  });
  return { core, desk, clock, dir };
}

/**
 * The real core on the simulated broker with the config's accounts and copiers (as `warden serve` sets it up), a
 * still market moved only by `setPrice`, a real SQLite file and a manual clock from Tuesday 09:30 Chicago.
 */
export async function simGroupCore(
  text: string,
): Promise<{ core: WardenCore; sim: SimBroker; clock: ManualClock }> {
  const dir = mkdtempSync(join(tmpdir(), 'warden-groups-sim-'));
  writeFileSync(join(dir, 'config.yaml'), text);
  const clock = createManualClock(TUESDAY_MORNING);
  const logger = memoryLogger();
  const document = loadConfig(join(dir, 'config.yaml'));
  const sim = createSimBroker({
    stateFile: join(dir, 'sim-broker.json'),
    clock,
    logger,
    seed: 7,
    tickIntervalMs: STILL_TICK_INTERVAL_MS,
    ...simSetupOf(document),
  });
  const store = openStore(join(dir, 'warden.db'), { logger, clock });
  const core = await createCore({
    broker: sim,
    store,
    clock,
    logger,
    engineConfig: engineConfigOf(document),
    configSource: { document },
  });
  return { core, sim, clock };
}

/** Runs event-loop turns (no timers, no sleeps) until `check()` holds; fails naming `what` after many turns. */
export async function settle(what: string, check: () => boolean): Promise<void> {
  for (let turn = 0; turn < 2000; turn += 1) {
    if (check()) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  throw new Error(`never settled: ${what}`);
}
