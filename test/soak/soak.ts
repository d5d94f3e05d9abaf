// The soak run (issue 17, docs/TESTING.md "Soak"): the rig under the demo robot and a fast market, the broker link
// dropped about once a minute, and the invariants checked throughout — at every state push (the halt watch), every
// few seconds (equity, agreement with the broker, lost events) and every quarter minute (the engine rebuilt from
// the store against the live one); at the end, Warden's book against the broker's, exactly.
import { statSync } from 'node:fs';
import { buildView } from '../../main/core/view';
import { restoreEngine } from '../../main/core/restore';
import type { Logger } from '../../main/platform/logger';
import type { StateView } from '../../shared/ipc';
import {
  brokerMismatches,
  createHaltWatch,
  equityViolations,
  lostEvents,
  rebuildViolations,
  type BrokerBook,
  type HaltSight,
} from './invariants';
import { linkChaos, type LinkChaos } from './link-chaos';
import { startRig, type Rig } from './rig';

export type SoakOptions = {
  minutes: number;
  seed: number;
  /** The market's step: every symbol quotes once per step. */
  tickIntervalMs: number;
  checkEveryMs?: number;
  rebuildEveryMs?: number;
  /** Where violations and progress are told as they happen. */
  tell: (line: string) => void;
};

export type SoakResult = {
  minutes: number;
  events: number;
  quotesPerSec: number;
  rssStartMB: number;
  rssEndMB: number;
  heapGrowthMB: number;
  dbMB: number;
  reconnects: number;
  invariantViolations: number;
  brokerMismatches: number;
  lostEvents: number;
};

const MB = 1024 * 1024;
/** Violations told one by one; past this many they are only counted. */
const TOLD_AT_MOST = 200;
const round1 = (n: number) => Math.round(n * 10) / 10;
const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
  });

/** A full collection, twice (the second frees what finalizers of the first released); the heap used after it. */
function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run node with --expose-gc (npm run soak does)');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/**
 * The journal read as it grows, through the store's own reader: its rows by type, and each fill it holds struck off
 * the fills the broker booked (which then hold only those not journaled yet: the run's memory stays flat).
 */
function journalReader(rig: Rig) {
  let seq = 0;
  const byType = new Map<string, number>();
  return {
    byType,
    catchUp(): void {
      for (;;) {
        const batch = rig.store.journal.readAfter(seq, 20_000);
        if (batch.length === 0) return;
        for (const { seq: at, event } of batch) {
          seq = at;
          byType.set(event.type, (byType.get(event.type) ?? 0) + 1);
          if (event.type === 'fill') rig.taps.booked.delete(event.id);
        }
      }
    },
  };
}

function bookOf(rig: Rig): BrokerBook {
  const ledger = rig.sim.ledger();
  if (ledger === undefined) throw new Error('the simulated broker has no book');
  return ledger;
}

/** The engine rebuilt from the store as a restart does, plus the quotes applied and not yet journaled, as a view. */
function rebuiltView(rig: Rig, live: StateView, problems: string[]): StateView {
  const logger: Logger = {
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: (message, context) => {
      problems.push(`journal/state: rebuilding: ${message} ${JSON.stringify(context ?? {})}`);
    },
    child: () => logger,
  };
  const { engine } = restoreEngine(rig.store, rig.engineConfig, logger);
  for (const quote of rig.taps.pendingQuotes) engine.apply(quote);
  return buildView(engine.state, {
    seq: 0,
    now: Date.parse(live.serverTime),
    broker: live.connection.broker,
    demo: live.demo,
    guarded: () => true,
    brokerAccounts: undefined,
    flattening: new Set(),
    enforcement: () => 'closed',
  });
}

/** What the halt watch sees: Warden's halts, the broker's holdings. */
function sightsOf(view: StateView, book: BrokerBook): HaltSight[] {
  return view.accounts.map((account) => ({
    account: account.id,
    halted: account.tradingState === 'halted',
    reason: account.lockReason,
    brokerHolds: book.positions
      .filter((p) => p.account === account.id)
      .map((p) => `${p.symbol} ${p.qty}`)
      .sort(),
  }));
}

function dbMegabytes(file: string): number {
  const size = (path: string) => {
    try {
      return statSync(path).size;
    } catch {
      return 0;
    }
  };
  return round1((size(file) + size(`${file}-wal`)) / MB);
}

type Checks = ReturnType<typeof createChecks>;

/** The invariants, run against the rig; every violation is told once, as it is found. */
function createChecks(rig: Rig, chaos: LinkChaos, tell: (line: string) => void) {
  const journal = journalReader(rig);
  const halts = createHaltWatch();
  const counts = { invariants: 0, sights: 0, checks: 0, rebuilds: 0, rebuildMs: 0 };
  const seen = new Set<string>();
  /** Each violation counts and is told once (one still there at the next check is the same one). */
  const violation = (line: string): void => {
    if (seen.has(line)) return;
    seen.add(line);
    counts.invariants += 1;
    if (counts.invariants <= TOLD_AT_MOST) tell(`violation: ${line}`);
    else if (counts.invariants === TOLD_AT_MOST + 1) tell(`more violations: only counted from here on`);
  };
  /** Warden can act on the account: the link up, the reconnect's snapshot in, its enforcement not paused. */
  const canActOn = (view: StateView) => {
    const paused = new Set(view.accounts.filter((a) => a.enforcement === 'open').map((a) => a.id));
    const linked = chaos.up && rig.taps.status === 'connected';
    return (account: string) => linked && !paused.has(account);
  };
  const watchHalts = (view: StateView): void => {
    counts.sights += 1;
    const found = halts.observe(Date.now(), sightsOf(view, bookOf(rig)), canActOn(view));
    for (const line of found) violation(line);
  };
  /** Lost events so far: fills booked while the link is down are not due yet. */
  const lost = (final: boolean) => {
    journal.catchUp();
    const { downSince } = chaos;
    const unjournaledFills = [...rig.taps.booked]
      .filter(([, t]) => final || downSince === null || t < downSince)
      .map(([id]) => id);
    return lostEvents({
      delivered: rig.taps.delivered,
      journaled: journal.byType,
      pendingQuotes: rig.taps.pendingQuotes.length,
      unjournaledFills,
      notApplied: rig.taps.errors.get('broker event not applied') ?? 0,
    });
  };
  let lostTold = 0;
  return {
    counts,
    journal,
    watchHalts,
    /** Every few seconds: equity, the halts, the broker's book while linked, lost events. */
    periodic(): void {
      counts.checks += 1;
      const view = rig.core.view();
      for (const line of equityViolations(view)) violation(line);
      watchHalts(view);
      if (chaos.up && rig.taps.status === 'connected')
        for (const line of brokerMismatches(view, bookOf(rig))) violation(`while connected: ${line}`);
      const found = lost(false);
      for (const line of found.surplus) violation(line);
      if (found.lost > lostTold) {
        lostTold = found.lost;
        for (const line of found.lines) tell(`violation: ${line}`);
      }
    },
    rebuild(): void {
      counts.rebuilds += 1;
      const began = performance.now();
      const live = rig.core.view();
      const problems: string[] = [];
      try {
        problems.push(...rebuildViolations(live, rebuiltView(rig, live, problems)));
      } catch (error) {
        problems.push(`journal/state: the store does not rebuild: ${(error as Error).message}`);
      }
      counts.rebuildMs = Math.max(counts.rebuildMs, performance.now() - began);
      for (const line of problems) violation(line);
    },
    /** At the end: the lost events in all, and Warden's book against the broker's. */
    final(): { lost: number; mismatches: number } {
      const found = lost(true);
      for (const line of found.surplus) violation(line);
      for (const line of found.lines) tell(`violation: ${line}`);
      const mismatches = brokerMismatches(rig.core.view(), bookOf(rig));
      for (const line of mismatches) tell(`mismatch: ${line}`);
      return { lost: found.lost, mismatches: mismatches.length };
    },
  };
}

/** Ends the run quietly: no more drops, the robot off, enforcement done with what it was doing. */
async function settle(rig: Rig, chaos: LinkChaos, checks: Checks): Promise<void> {
  chaos.stop();
  await sleep(1000);
  rig.sim.setDemo(false);
  for (let waited = 0; waited < 30_000; waited += 500) {
    await sleep(500);
    const view = rig.core.view();
    checks.watchHalts(view);
    const busy = view.accounts.some((a) => a.flattening);
    const exposed = view.accounts.some((a) => a.tradingState === 'halted' && a.positions.length > 0);
    if (waited >= 2000 && !busy && !exposed && rig.taps.status === 'connected') return;
  }
}

/** How many accounts each rule holds halted: "dailyLoss 3, tradeFrequency 2". */
function haltedBy(view: StateView): string {
  const by = new Map<string, number>();
  for (const account of view.accounts) {
    if (account.tradingState !== 'halted') continue;
    const rule = account.lockReason?.split(':')[0] ?? 'unknown';
    by.set(rule, (by.get(rule) ?? 0) + 1);
  }
  return [...by].map(([rule, n]) => `${rule} ${n}`).join(', ');
}

function progress(rig: Rig, started: number, checks: Checks, chaos: LinkChaos): string {
  const seconds = (Date.now() - started) / 1000;
  const view = rig.core.view();
  const quotes = rig.taps.delivered.get('quote') ?? 0;
  return [
    `${(seconds / 60).toFixed(1)} min`,
    `${Math.round(quotes / seconds)} quotes/s`,
    `${[...rig.taps.delivered.values()].reduce((a, b) => a + b, 0)} events`,
    `${view.accounts.filter((a) => a.tradingState === 'halted').length} halted (${haltedBy(view)})`,
    `${view.accounts.reduce((n, a) => n + a.positions.length, 0)} positions`,
    `${chaos.drops} drops`,
    `${checks.counts.invariants} violations`,
    `checked ${checks.counts.sights} sights, ${checks.counts.checks} checks, ${checks.counts.rebuilds} rebuilds (slowest ${Math.round(checks.counts.rebuildMs)} ms)`,
    `rss ${Math.round(process.memoryUsage().rss / MB)} MB`,
  ].join(', ');
}

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const { tell } = options;
  const rig = await startRig({ seed: options.seed, tickIntervalMs: options.tickIntervalMs });
  tell(`data in ${rig.dir}`);
  const heapStart = heapAfterGc();
  const rssStart = process.memoryUsage().rss;
  const started = Date.now();
  const chaos = linkChaos(
    { drop: (reason) => rig.sim.dropLink(reason), restore: () => rig.sim.restoreLink() },
    options.seed,
  );
  const checks = createChecks(rig, chaos, tell);
  const unsubscribe = rig.core.subscribe((message) => {
    if (message.type === 'state') checks.watchHalts(message.payload);
  });
  const timers = [
    setInterval(() => {
      checks.periodic();
    }, options.checkEveryMs ?? 2000),
    setInterval(() => {
      checks.rebuild();
    }, options.rebuildEveryMs ?? 15_000),
    setInterval(() => {
      tell(progress(rig, started, checks, chaos));
    }, 60_000),
  ];
  await sleep(options.minutes * 60_000);
  const ranFor = Date.now() - started;
  const quotes = rig.taps.delivered.get('quote') ?? 0;
  for (const timer of timers) clearInterval(timer);
  await settle(rig, chaos, checks);
  checks.periodic();
  checks.rebuild();
  const final = checks.final();
  unsubscribe();
  const heapEnd = heapAfterGc();
  const result: SoakResult = {
    minutes: round1(ranFor / 60_000),
    events: [...rig.taps.delivered.values()].reduce((a, b) => a + b, 0),
    quotesPerSec: Math.round(quotes / (ranFor / 1000)),
    rssStartMB: round1(rssStart / MB),
    rssEndMB: round1(process.memoryUsage().rss / MB),
    heapGrowthMB: round1((heapEnd - heapStart) / MB),
    dbMB: dbMegabytes(rig.store.file),
    reconnects: Math.max(0, rig.taps.connected - 1),
    invariantViolations: checks.counts.invariants,
    brokerMismatches: final.mismatches,
    lostEvents: final.lost,
  };
  tell(progress(rig, started, checks, chaos));
  await rig.core.stop();
  return result;
}
