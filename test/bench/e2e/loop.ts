// The measuring loop of one broker case: the gateway thread and the real core started, account B short 1 MNQ so
// the contract stays quoted while A is flat, then samples. One sample: back to the base price, A buys 2 MNQ, a
// first breaching quote (the core shows positionLoss critical for A), the confirming quote (stamped at the gateway
// as it is sent, in the core as it arrives and as the close is handed to the adapter, at the gateway as the close
// is read), then the close answered and A flat in the core. Each step waits for its signal, never for time. The
// core has a listener on its pushes throughout, as it has under a host with a screen open.
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import type { WardenCore } from '../../../main/core/types';
import type { CheckpointerState } from '../../../main/store/checkpoints';
import type { BrokerEvent } from '../../../shared/domain/events';
import { startBenchCore } from './core';
import { startFloor, type Floor } from './floor';
import { startGatewayThread, type GatewayLink } from './gateway-link';
import type { CoreStamps, Probe } from './probe';
import { ENFORCEMENT, PRICES, type BenchCase, type PriceLevel, type Tally } from './protocol';
import { delayOf, type LoopDelay } from './stats';
import { clientConnections, type SlowCall } from './taps';

/**
 * One confirming quote's stamps (process.hrtime.bigint(), ns): sent and read at the gateway, the core's own in
 * between; the enforcement call it caused, and when the sample ended (epoch ms, to set it beside the machine's log).
 */
export type Sample = CoreStamps & { sentAt: bigint; readAt: bigint; endpoint: string; at: number };
export type CaseRun = {
  case: BenchCase;
  warmUp: number;
  samples: Sample[];
  /** What the gateway did for A over the whole run, warm-up included. */
  tally: Tally;
  /** The main thread's event-loop delay over the counted samples. */
  loopDelay: LoopDelay;
  /** Client connections opened during the counted samples (0: every REST call went on a warm one). */
  newConnections: number;
  /** Who checkpointed the store during the samples: its worker thread, as the core runs it, or the main one. */
  checkpoints: CheckpointerState;
  /** Store calls of 1 ms or more during the counted samples, in or out of the measured hops. */
  slowStoreCalls: Map<string, SlowCall>;
  /** Garbage collections during the counted samples: how many, their total and longest pause. */
  gc: { count: number; totalMs: number; maxMs: number };
  /** Per sample, in order: ms of garbage collection between the quote frame sent and the call read. */
  gcInSamples: number[];
  /** Per sample, in order: the floor's ms from its quote sent to its call read (ProjectX; floor.ts), else null. */
  floor: number[] | null;
};
export type RunOptions = {
  workerFile: string;
  samples: number;
  warmUp: number;
  /** Ms of quiet (nothing sent either way) before each counted sample's confirming quote. */
  quietMs: number;
};

/** The event-loop delay monitor's timer (Node's default): coarse, so its own wake-ups barely load the loop. */
const LOOP_RESOLUTION_MS = 10;

type Market = {
  gateway: GatewayLink;
  core: WardenCore;
  alerts: ReturnType<typeof watchAlerts>;
  probe: Probe;
  symbol: string;
  a: string;
  endpoints: readonly string[];
};

const quoteAt =
  (symbol: string, level: PriceLevel) =>
  (event: BrokerEvent): boolean =>
    event.type === 'quote' && event.symbol === symbol && event.last?.toNumber() === PRICES[level];

/**
 * One listener on the core's pushes for the whole run, as a host with a screen open keeps one: `critical(account)`
 * resolves at the next alert that the account's positionLoss reached critical.
 */
function watchAlerts(core: WardenCore) {
  let waiting: { account: string; resolve: () => void } | null = null;
  core.subscribe((message) => {
    if (message.type !== 'alert' || waiting === null || message.payload.account !== waiting.account) return;
    const { figures } = message.payload;
    if (figures?.rule !== 'positionLoss' || figures.level !== 'critical') return;
    waiting.resolve();
    waiting = null;
  });
  return {
    critical: (account: string) =>
      new Promise<void>((resolve) => {
        waiting = { account, resolve };
      }),
  };
}

function withDeadline(what: string, promise: Promise<void>, ms = 10_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** B goes short 1 MNQ (the contract's symbol is read off its position), then base quotes until the core hears one. */
async function openMarket(gateway: GatewayLink, core: WardenCore, probe: Probe): Promise<Market> {
  const b = gateway.accounts.B;
  let symbol = '';
  const held = probe.until('B short 1 MNQ', (event) => {
    if (event.type !== 'position' || event.account !== b || event.qty !== -1) return false;
    symbol = event.symbol;
    return true;
  });
  await gateway.send({ op: 'fill', trader: 'B', side: 'sell', qty: 1 });
  await held;
  const market = { gateway, core, alerts: watchAlerts(core), probe, symbol, a: gateway.accounts.A };
  // The quote subscription follows the position: a quote sent before it is in place is not heard.
  for (let attempt = 1; ; attempt += 1) {
    const heard = probe.until('a base quote', quoteAt(symbol, 'base'), 250);
    await gateway.send({ op: 'quote', level: 'base' });
    try {
      await heard;
      return { ...market, endpoints: ENFORCEMENT[gateway.ready.case] };
    } catch (error) {
      if (attempt === 40) throw error;
    }
  }
}

async function sample(market: Market, quietMs = 0): Promise<Sample> {
  const { gateway, core, alerts, probe, symbol, a, endpoints } = market;
  const based = probe.until('the base quote', quoteAt(symbol, 'base'));
  await gateway.send({ op: 'quote', level: 'base' });
  await based;
  const held = probe.until(
    'A long 2 MNQ',
    (e) => e.type === 'position' && e.account === a && e.symbol === symbol && e.qty === 2,
  );
  await gateway.send({ op: 'fill', trader: 'A', side: 'buy', qty: 2 });
  await held;
  const warned = withDeadline('positionLoss critical for A', alerts.critical(a));
  await gateway.send({ op: 'quote', level: 'breach' });
  await warned;
  // A quiet spell with A at critical, measured on purpose: not a wait for a signal.
  if (quietMs > 0) await new Promise((resolve) => setTimeout(resolve, quietMs));
  const flat = probe.until(
    'A flat after the close',
    (e) =>
      (e.type === 'fill' || e.type === 'position') &&
      e.account === a &&
      !core.exposedAccounts().some((exposed) => exposed.id === a),
  );
  // Awaited only once the confirmation is back: a timeout before then must not go unhandled.
  flat.catch(() => undefined);
  probe.arm(a, quoteAt(symbol, 'breach'), endpoints);
  const confirmed = await gateway.confirm();
  const stamps = probe.take();
  await flat;
  await probe.answered();
  return {
    ...stamps,
    sentAt: BigInt(confirmed.sentAt),
    readAt: BigInt(confirmed.readAt),
    endpoint: confirmed.endpoint,
    at: Date.now(),
  };
}

type GcWatch = {
  /** How many, their total and longest pause, from the start until now. */
  tally(): CaseRun['gc'];
  /** Ms of collection inside [from, to] (process.hrtime.bigint() stamps). */
  within(from: bigint, to: bigint): number;
  stop(): void;
};

/** Garbage-collection pauses from now until stopped, each with its start on the hrtime clock. */
function watchGc(): GcWatch {
  const pauses: { startNs: number; ms: number }[] = [];
  // performance.now() and process.hrtime both run from a monotonic clock; this turns one into the other.
  const offsetNs = Number(process.hrtime.bigint()) - performance.now() * 1e6;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      pauses.push({ startNs: entry.startTime * 1e6 + offsetNs, ms: entry.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    tally: () => ({
      count: pauses.length,
      totalMs: round(pauses.reduce((sum, pause) => sum + pause.ms, 0)),
      maxMs: round(Math.max(0, ...pauses.map((pause) => pause.ms))),
    }),
    within(from, to) {
      const [start, end] = [Number(from), Number(to)];
      let ms = 0;
      for (const pause of pauses) {
        const overlap = Math.min(end, pause.startNs + pause.ms * 1e6) - Math.max(start, pause.startNs);
        if (overlap > 0) ms += overlap / 1e6;
      }
      return round(ms);
    },
    stop: () => observer.disconnect(),
  };
}

/** The floor's sample taken right after each of the core's, when the case has one: its ms, frame sent to call read. */
async function floorSample(gateway: GatewayLink): Promise<number> {
  const { sentAt, readAt } = await gateway.floor();
  return Number(BigInt(readAt) - BigInt(sentAt)) / 1e6;
}

export async function runCase(which: BenchCase, options: RunOptions): Promise<CaseRun> {
  const gateway = await startGatewayThread(options.workerFile, which);
  let stop = () => gateway.stop();
  try {
    const bench = await startBenchCore(gateway.ready);
    let floor: Floor | null = null;
    stop = async () => {
      await floor?.stop();
      await bench.stop();
      await gateway.stop();
    };
    const { ready } = gateway;
    if (ready.case === 'projectx') floor = await startFloor(ready);
    const market = await openMarket(gateway, bench.core, bench.probe);
    for (let i = 0; i < options.warmUp; i += 1) {
      await sample(market);
      if (floor !== null) await floorSample(gateway);
    }
    const delay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
    const gc = watchGc();
    const opened = clientConnections.opened;
    bench.meter.slow.clear();
    delay.enable();
    const samples: Sample[] = [];
    const floorMs: number[] = [];
    for (let i = 0; i < options.samples; i += 1) {
      samples.push(await sample(market, options.quietMs));
      if (floor !== null) floorMs.push(await floorSample(gateway));
    }
    delay.disable();
    gc.stop();
    return {
      case: which,
      warmUp: options.warmUp,
      samples,
      tally: await gateway.tally(),
      loopDelay: delayOf(delay, LOOP_RESOLUTION_MS),
      newConnections: clientConnections.opened - opened,
      checkpoints: bench.checkpoints(),
      slowStoreCalls: new Map(bench.meter.slow),
      gc: gc.tally(),
      gcInSamples: samples.map((one) => gc.within(one.sentAt, one.readAt)),
      floor: floor === null ? null : floorMs,
    };
  } finally {
    await stop();
  }
}
