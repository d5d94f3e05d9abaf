// Runs the surfaces' properties within a time budget (or a fixed number of runs, for the CI smoke test), each
// with a seed derived from the run's, and collects what failed: crashes and state corruptions, shrunk.
import fc from 'fast-check';
import { installCrashMonitor, type CrashMonitor } from './monitor';
import { StateCorruption, type Finding, type FuzzProperty, type Surface } from './types';

export type RunOptions = {
  surfaces: readonly Surface[];
  seed: number;
  /** The whole run's time, shared between the surfaces (ignored when `runsPerProperty` is set). */
  seconds: number;
  /** A fixed number of runs per property and no clock: deterministic, for CI. */
  runsPerProperty?: number;
  /** `surface` or `surface/property`: only those. */
  only?: string;
  /** A counterexample's path to replay (with `only` naming one property and the run's `seed`). */
  path?: string;
  log?: (line: string) => void;
};

export type RunResult = { inputs: number; surfaces: number; findings: Finding[] };

/** The property's own seed: the run's seed and its name, so one property's runs do not depend on the others'. */
export function propertySeed(seed: number, name: string): number {
  let hash = seed | 0;
  for (const char of name) hash = (Math.imul(hash ^ char.charCodeAt(0), 0x01000193) + 0x9e3779b9) | 0;
  return hash;
}

const selected = (only: string | undefined, surface: string, property?: string) =>
  only === undefined ||
  only === surface ||
  (property === undefined ? only.startsWith(`${surface}/`) : only === `${surface}/${property}`);

export async function runFuzz(options: RunOptions): Promise<RunResult> {
  const log = options.log ?? (() => undefined);
  const monitor = installCrashMonitor();
  const deadline = Date.now() + options.seconds * 1000;
  const surfaces = options.surfaces.filter((s) => selected(options.only, s.name));
  const findings: Finding[] = [];
  let inputs = 0;
  let fuzzed = 0;
  try {
    for (const [index, surface] of surfaces.entries()) {
      const began = Date.now();
      const budget = (deadline - began) / (surfaces.length - index);
      const context = {
        count: (n = 1) => {
          inputs += n;
        },
        mark: () => monitor.mark(),
        assertNoCrashSince: (mark: number) => {
          monitor.assertNoneSince(mark);
        },
      };
      let started;
      try {
        started = await surface.start(context);
      } catch (error) {
        findings.push(startFailure(surface.name, options.seed, error));
        continue;
      }
      fuzzed += 1;
      const properties = started.properties.filter((p) => selected(options.only, surface.name, p.name));
      const each = Math.max(200, (budget - (Date.now() - began)) / Math.max(1, properties.length));
      for (const property of properties) {
        const before = inputs;
        const finding = await checkProperty(surface.name, property, each, options);
        log(
          `${surface.name}/${property.name}: ${inputs - before} inputs${finding ? ` — ${finding.kind}` : ''}`,
        );
        if (finding !== null) findings.push(finding);
      }
      await withTimeout(started.stop(), 10_000, `${surface.name} did not stop`).catch((error: unknown) => {
        findings.push(startFailure(surface.name, options.seed, error));
      });
    }
    findings.push(...unclaimed(monitor, options.seed));
  } finally {
    monitor.dispose();
  }
  return { inputs, surfaces: fuzzed, findings };
}

async function checkProperty(
  surface: string,
  property: FuzzProperty,
  timeMs: number,
  options: RunOptions,
): Promise<Finding | null> {
  const seed = propertySeed(options.seed, `${surface}/${property.name}`);
  const fixed = options.runsPerProperty !== undefined;
  let details;
  try {
    details = await property.check({
      seed,
      // A path replays one counterexample (and shrinks it further).
      numRuns: options.path !== undefined ? 1 : (options.runsPerProperty ?? 1_000_000_000),
      ...(options.path === undefined ? {} : { path: options.path }),
      ...(fixed ? {} : { plugins: [fc.interruptAfterTimeLimit(timeMs)] }),
    });
  } catch (error) {
    // Thrown outside the predicate (a generator): the harness's own fault, reported all the same.
    return { ...startFailure(surface, options.seed, error), property: property.name };
  }
  if (!details.failed) return null;
  if (!fixed && details.counterexamplePath !== null) {
    // Found late in its share of time, the counterexample had little shrinking: a little more from where it got.
    const more = await property.check({
      seed,
      path: details.counterexamplePath,
      plugins: [fc.interruptAfterTimeLimit(2_000)],
    });
    if (more.failed && more.counterexample !== null) details = more;
  }
  const error = details.errorInstance;
  return {
    kind: error instanceof StateCorruption ? 'stateCorruption' : 'crash',
    surface,
    property: property.name,
    seed: options.seed,
    path: details.counterexamplePath,
    counterexample: cut(printable(details.counterexample), 3000),
    error: cut(error instanceof Error ? (error.stack ?? error.message) : String(error), 3000),
  };
}

function startFailure(surface: string, seed: number, error: unknown): Finding {
  return {
    kind: 'crash',
    surface,
    property: '(start/stop)',
    seed,
    path: null,
    counterexample: '(none)',
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  };
}

/** Crashes the monitor saw that no failing property reported (they happened between inputs). */
function unclaimed(monitor: CrashMonitor, seed: number): Finding[] {
  return monitor.unclaimed().map((error) => ({
    kind: 'crash' as const,
    surface: '(between inputs)',
    property: '(none)',
    seed,
    path: null,
    counterexample: '(none)',
    error: error.stack ?? error.message,
  }));
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} (no answer in ${ms} ms)`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** The counterexample as fast-check prints it; one nested too deep for that, as its depth and its leaf. */
function printable(value: unknown): string {
  try {
    return fc.stringify(value);
  } catch {
    let depth = 0;
    let inner = value;
    while (typeof inner === 'object' && inner !== null) {
      inner = Array.isArray(inner) ? inner[inner.length - 1] : Object.values(inner).at(-1);
      depth += 1;
    }
    return `(nested ${depth} deep, ending in ${String(inner)}; too deep to print)`;
  }
}

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);
