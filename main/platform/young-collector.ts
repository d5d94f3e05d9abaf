// Garbage collection in the quiet between events instead of inside one. V8 empties its young generation (about
// 1 MB here) when an allocation finds it full, so a collection always lands in the middle of handling something:
// in bench:e2e, a breach that met one waited 1-3 ms for it, and its parallel helpers took the second core. The core
// calls `afterEvent` after each event; once no event has run for `quietMs`, a young generation fuller than
// `fullerThan` is collected then. Under a steady stream with no such gap nothing changes: V8 collects as before.
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Clock } from './clock';

export type YoungCollector = {
  /** After an event: a check once the events have gone quiet. */
  afterEvent(): void;
  /** Collections it has run. */
  readonly collections: number;
};

export type YoungCollectorDeps = {
  /** How full the young generation is, 0..1. */
  fill(): number;
  /** Empties the young generation. */
  collect(): void;
  /** The time, ms. */
  now(): number;
  /** Runs `callback` in `ms`. */
  later(callback: () => void, ms: number): void;
  /** Quiet this long before a check (default 10 ms). */
  quietMs?: number;
  /** Collect when fuller than this (default 0.5). */
  fullerThan?: number;
};

export function createYoungCollector(deps: YoungCollectorDeps): YoungCollector {
  const quietMs = deps.quietMs ?? 10;
  const fullerThan = deps.fullerThan ?? 0.5;
  let lastEventAt = 0;
  let armed = false;
  let collections = 0;
  const check = () => {
    const quietFor = deps.now() - lastEventAt;
    if (quietFor < quietMs) {
      deps.later(check, quietMs - quietFor);
      return;
    }
    armed = false;
    if (deps.fill() <= fullerThan) return;
    deps.collect();
    collections += 1;
  };
  return {
    afterEvent() {
      lastEventAt = deps.now();
      if (armed) return;
      armed = true;
      deps.later(check, quietMs);
    },
    get collections() {
      return collections;
    },
  };
}

type Gc = (options: { type: 'minor' | 'major' }) => void;

let exposed: Gc | null | undefined;

/** V8's own `gc` function, made available at run time (once per process); null where the runtime refuses. */
function exposedGc(): Gc | null {
  exposed ??= exposeGc();
  return exposed;
}

function exposeGc(): Gc | null {
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as Gc) : null;
  } catch {
    return null;
  }
}

/** The young generation's use: its "new_space" as V8 reports it (used over used plus still free). */
export function youngFill(): number {
  const young = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
  if (young === undefined) return 0;
  const room = young.space_used_size + young.space_available_size;
  return room === 0 ? 0 : young.space_used_size / room;
}

/** The collector on this process's V8, on `clock`; one that does nothing where `gc` cannot be had. */
export function processYoungCollector(clock: Pick<Clock, 'now' | 'setTimeout'>): YoungCollector {
  const gc = exposedGc();
  if (gc === null) return { afterEvent: () => undefined, collections: 0 };
  return createYoungCollector({
    fill: youngFill,
    collect: () => gc({ type: 'minor' }),
    now: () => clock.now(),
    later: (callback, ms) => {
      clock.setTimeout(callback, ms);
    },
  });
}
