// Crash safety (issue 5): a real child process running the core on a real database is SIGKILLed at hundreds of
// random points of a generated session and started again on the same data dir. After every kill, the journal
// must be exactly a prefix of the session, and the state recovered from it (snapshot + replay) must equal, byte for
// byte, an engine that saw that same prefix without ever stopping. The last life runs to the end and must equal
// the uninterrupted run of the whole session.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../main/core/start';
import { restoreEngine } from '../../main/core/restore';
import {
  apply,
  createEngineState,
  engineConfigOf,
  serializeState,
  type ReadonlyEngineState,
} from '../../main/engine';
import { memoryLogger } from '../../main/platform/logger';
import { openStore } from '../../main/store';
import { encodeEngineEvent } from '../../shared/domain/event-codec';
import { createRng } from '../../main/broker/sim/prng';
import { generateSession, sessionConfigYaml } from '../recovery/session';

const childBundle = join(import.meta.dirname, '..', 'artifacts', 'recovery-child.mjs');
/** RECOVERY_KILLS: kills per session (two sessions run side by side; 125 each, 250 in all, about two minutes here). */
const kills = Number(process.env.RECOVERY_KILLS ?? 125);
const sessions = [
  { seed: 11, events: 600, kills },
  { seed: 23, events: 600, kills },
];

beforeAll(async () => {
  mkdirSync(join(import.meta.dirname, '..', 'artifacts'), { recursive: true });
  await build({
    entryPoints: [join(import.meta.dirname, '..', 'recovery', 'child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Everything in one file but the native addon: a life starts in about 0.35 s instead of 0.5 s.
    external: ['better-sqlite3'],
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    outfile: childBundle,
    logLevel: 'error',
  });
}, 60_000);

type Life = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

function live(env: Record<string, string>): Promise<Life> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childBundle], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** The state as the test compares it: the connection is live and not part of what a restart must bring back. */
function picture(state: ReadonlyEngineState): string {
  return serializeState({ ...state, connection: { status: 'disconnected', detail: null } });
}

/** The recovered state and the journaled events, read from the dead child's database. */
function recover(dataDir: string, configFile: string) {
  const store = openStore(join(dataDir, 'warden.db'), { logger: memoryLogger() });
  try {
    const journaled = store.journal
      .readAfter(0)
      .map((entry) => JSON.stringify(encodeEngineEvent(entry.event)));
    const { engine } = restoreEngine(store, engineConfigOf(loadConfig(configFile)), memoryLogger());
    return { journaled, state: picture(engine.state) };
  } finally {
    store.close();
  }
}

const auditable = (rows: string[]) => rows.filter((row) => !/^\{"type":"(quote|clock)"/.test(row));

/** How many session events the journal covers: up to and including its newest row, which must be one of them. */
function reachedIn(journaled: string[], encoded: string[]): number {
  const newest = journaled.at(-1);
  if (newest === undefined) return 0;
  const index = encoded.indexOf(newest);
  expect(index).toBeGreaterThanOrEqual(0);
  return index + 1;
}

describe.concurrent('kill and recover', () => {
  it.each(sessions)(
    'session $seed: $kills SIGKILLs at random points, each recovery equal to the uninterrupted run',
    async ({ seed, events: count, kills }) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'warden-kill-'));
      const configFile = join(dataDir, 'config.yaml');
      writeFileSync(configFile, sessionConfigYaml);
      const events = generateSession(seed, count);
      const encoded = events.map((event) => JSON.stringify(encodeEngineEvent(event)));
      const reference = createEngineState(engineConfigOf(loadConfig(configFile)));
      let applied = 0;
      const referenceAt = (n: number): string => {
        for (; applied < n; applied += 1) apply(reference, events[applied] as (typeof events)[number]);
        return picture(reference);
      };
      const env = { RECOVERY_DIR: dataDir, RECOVERY_SEED: String(seed), RECOVERY_EVENTS: String(count) };
      const rng = createRng(seed * 7919);
      // Kill points spread over the session, in order: each life dies a little further on.
      const points = Array.from({ length: kills }, () => rng.int(1, count - 1)).sort((a, b) => a - b);
      let progressed = 0;
      for (const killAt of points) {
        const life = await live({ ...env, RECOVERY_KILL_AT: String(killAt) });
        expect(life.stderr).toBe('');
        const { journaled, state } = recover(dataDir, configFile);
        if (life.signal === null) {
          // The journal already reached past this point (a later kill point than the journal's end is not
          // guaranteed: events not yet journaled when killed are fed again), so the child ran to the end.
          expect(life.code).toBe(0);
        } else {
          expect(life.signal).toBe('SIGKILL');
        }
        const reached = reachedIn(journaled, encoded);
        // The core compacts market data (quotes, clock ticks) behind its oldest snapshot; everything else stays.
        expect(auditable(journaled)).toEqual(auditable(encoded.slice(0, reached)));
        expect(state).toBe(referenceAt(reached));
        progressed = reached;
      }
      // Each life got near its kill point: only quotes not yet journaled are lost (and fed again).
      expect(progressed).toBeGreaterThan((points.at(-1) ?? 0) - 50);
      const last = await live(env);
      expect(last).toMatchObject({ code: 0, signal: null, stderr: '' });
      const final = recover(dataDir, configFile);
      expect(reachedIn(final.journaled, encoded)).toBe(events.length);
      expect(auditable(final.journaled)).toEqual(auditable(encoded));
      expect(final.state).toBe(referenceAt(events.length));
    },
    300_000,
  );
});
