// The bench's figures: nearest-rank percentiles of the samples' total and of each hop, in milliseconds to two
// places, the JSON line of a case, the hop table, and the main thread's event-loop delay.
import type { IntervalHistogram } from 'node:perf_hooks';
import type { BenchCase } from './protocol';

export type LoopDelay = { p50Ms: number; p99Ms: number; maxMs: number; meanMs: number };
export type Spread = { p50Ms: number; p99Ms: number; maxMs: number };
/**
 * The three hops of the path and the whole of it; `inStore` is the part of `inCore` spent in the store;
 * `inAdapter` and `onWire` split `toGateway` where the adapter hands its request to the socket.
 */
export type Hops = {
  toCore: Spread;
  inCore: Spread;
  inStore: Spread;
  toGateway: Spread;
  inAdapter: Spread;
  onWire: Spread;
  total: Spread;
};
type Stamped = {
  sentAt: bigint;
  receivedAt: bigint;
  handedAt: bigint;
  wroteAt: bigint;
  readAt: bigint;
  storeNs: bigint;
};

const ms2 = (ms: number): number => Math.round(ms * 100) / 100;
const nsToMs = (ns: bigint): number => Number(ns) / 1e6;

/** The value at rank ⌈p × n⌉ of the sorted values (the nearest-rank percentile). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

export function spreadOf(values: readonly number[]): Spread {
  const sorted = [...values].sort((x, y) => x - y);
  return {
    p50Ms: ms2(percentile(sorted, 0.5)),
    p99Ms: ms2(percentile(sorted, 0.99)),
    maxMs: ms2(sorted[sorted.length - 1] ?? Number.NaN),
  };
}

export function hopsOf(samples: readonly Stamped[]): Hops {
  const of = (ms: (s: Stamped) => number) => spreadOf(samples.map(ms));
  return {
    toCore: of((s) => nsToMs(s.receivedAt - s.sentAt)),
    inCore: of((s) => nsToMs(s.handedAt - s.receivedAt)),
    inStore: of((s) => nsToMs(s.storeNs)),
    toGateway: of((s) => nsToMs(s.readAt - s.handedAt)),
    inAdapter: of((s) => nsToMs(s.wroteAt - s.handedAt)),
    onWire: of((s) => nsToMs(s.readAt - s.wroteAt)),
    total: of((s) => nsToMs(s.readAt - s.sentAt)),
  };
}

/** The one stdout line of a case. */
export function resultLine(which: BenchCase, samples: number, total: Spread): string {
  return JSON.stringify({ case: which, samples, ...total });
}

/**
 * The histogram's figures less its sampling interval: Node records the whole time between two runs of its
 * `resolutionMs` timer, so a loop that is never late reads `resolutionMs`.
 */
export function delayOf(histogram: IntervalHistogram, resolutionMs: number): LoopDelay {
  const ms = (ns: number) => ms2(Math.max(0, ns / 1e6 - resolutionMs));
  return {
    p50Ms: ms(histogram.percentile(50)),
    p99Ms: ms(histogram.percentile(99)),
    maxMs: ms(histogram.max),
    meanMs: ms(histogram.mean),
  };
}

const cell = (value: number) => value.toFixed(2).padStart(8);

/** The hop table for stderr: one row per hop (with its parts indented), then the total. */
export function hopTable(hops: Hops, endpoint: string, wire: string): string[] {
  const rows: [string, Spread][] = [
    ['1 quote frame sent → core has the quote event', hops.toCore],
    ['2 → core hands the adapter its command', hops.inCore],
    ['    of which in the store (SQLite calls)', hops.inStore],
    [`3 → gateway has read ${endpoint}`, hops.toGateway],
    [`    3a adapter: command → ${wire}`, hops.inAdapter],
    ['    3b → gateway has read it', hops.onWire],
    ['total (frame sent → call read)', hops.total],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  return [
    `  ${'hop'.padEnd(width)}   p50 ms   p99 ms   max ms`,
    ...rows.map(([name, s]) => `  ${name.padEnd(width)} ${cell(s.p50Ms)} ${cell(s.p99Ms)} ${cell(s.maxMs)}`),
  ];
}

/** Each store call of hop 2: how often per sample, and the time it took in a sample (p50, p99, max). */
export function storeCallsText(
  samples: readonly { storeCalls: Record<string, { count: number; ns: bigint }> }[],
): string[] {
  const calls = new Map<string, { count: number; ms: number[] }>();
  for (const s of samples)
    for (const [call, { count, ns }] of Object.entries(s.storeCalls)) {
      const seen = calls.get(call) ?? { count: 0, ms: [] };
      calls.set(call, { count: seen.count + count, ms: [...seen.ms, nsToMs(ns)] });
    }
  return [...calls].map(([call, { count, ms }]) => {
    const spread = spreadOf(ms);
    const per = ms2(count / Math.max(1, samples.length));
    return `${call} ×${per}: p50 ${spread.p50Ms}, p99 ${spread.p99Ms}, max ${spread.maxMs} ms`;
  });
}
