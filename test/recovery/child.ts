// The process the kill-and-recover test kills: the real core on a real database in RECOVERY_DIR, fed the generated
// session by a scripted broker from where the journal ends. RECOVERY_KILL_AT makes it SIGKILL itself just
// before that event; without it, it runs to the end, stops cleanly (final snapshot) and exits 0.
import { join } from 'node:path';
import type { BrokerAdapter } from '../../main/broker/types';
import { createCore } from '../../main/core/app';
import { loadConfig } from '../../main/core/start';
import { engineConfigOf } from '../../main/engine';
import type { Clock } from '../../main/platform/clock';
import { memoryLogger } from '../../main/platform/logger';
import { openStore } from '../../main/store';
import { generateSession } from './session';

const dataDir = process.env.RECOVERY_DIR ?? '';
const seed = Number(process.env.RECOVERY_SEED ?? 1);
const count = Number(process.env.RECOVERY_EVENTS ?? 1000);
const killAt = Number(process.env.RECOVERY_KILL_AT ?? -1);
const snapshotEvery = Number(process.env.RECOVERY_SNAPSHOT_EVERY ?? 25);

const events = generateSession(seed, count);
const logger = memoryLogger();
const store = openStore(join(dataDir, 'warden.db'), { logger, snapshotsKept: 3 });

// Where this life resumes: the first generated event after the newest one journaled (times strictly increase).
const last = store.journal.readAfter(store.journal.lastSeq() - 1, 1)[0];
const from = last === undefined ? 0 : events.findIndex((event) => event.t > last.event.t);
let now = events[Math.max(0, from)]?.t ?? 0;
// Time is the session's: timers never fire, so every clock tick is one of the session's own events.
const clock: Clock = { now: () => now, setTimeout: () => () => {}, setInterval: () => () => {} };

const fed: { emit: ((event: unknown) => void) | null } = { emit: null };
const broker: BrokerAdapter = {
  kind: 'sim',
  start: (emit) => {
    fed.emit = emit as (event: unknown) => void;
    return Promise.resolve();
  },
  // Enforcement's commands are accepted and change nothing: the session alone says what the broker did.
  execute: () => Promise.resolve({ ok: true }),
  reconnect: () => false,
  stop: () => Promise.resolve(),
};

const core = await createCore({
  broker,
  store,
  clock,
  logger,
  engineConfig: engineConfigOf(loadConfig(join(dataDir, 'config.yaml'))),
  snapshotEvery,
});
process.stdout.write(`resumed at ${from}\n`);
for (let index = from; index >= 0 && index < events.length; index += 1) {
  if (index === killAt) process.kill(process.pid, 'SIGKILL');
  const event = events[index];
  if (event === undefined || fed.emit === null) break;
  now = event.t;
  // The session's own clock ticks and self-locks come this way too: the core journals and applies them alike.
  fed.emit(event);
  // Let enforcement's promises run between events, as they would between broker frames.
  if (index % 16 === 0) await new Promise((resolve) => setImmediate(resolve));
}
await core.stop();
process.stdout.write('done\n');
