// How fast `warden serve` is ready: launches it N times (LAUNCHES, default 10) on the simulator with a fresh data
// folder, and times from the spawn to the first answer of GET /api/health and to the first GET /api/state that
// lists an account (the first state a screen could draw). Prints one JSON line per launch mode with the median,
// the slowest and every sample in ms. WARDEN_FROM_SOURCE=1 in the environment times the tsx path instead.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const launches = Number(process.env.LAUNCHES ?? 10);
const token = 'launch-time-token';

const freePort = () =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

/** Polls `check` every 5 ms until it answers true; the time it did, from `started`. */
async function until(started, check) {
  for (;;) {
    if (await check().catch(() => false)) return Math.round(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function launch() {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'warden-launch-'));
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [join(root, 'bin', 'warden.mjs'), 'serve', '--port', String(port), '--data-dir', dataDir],
    { env: { ...process.env, WARDEN_TOKEN: token }, stdio: 'ignore' },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const health = await until(started, async () => (await fetch(`${base}/api/health`)).ok);
    const state = await until(started, async () => {
      const answer = await fetch(`${base}/api/state`, { headers: { authorization: `Bearer ${token}` } });
      return answer.ok && (await answer.json()).accounts.length > 0;
    });
    return { health, state };
  } finally {
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const samples = [];
for (let i = 0; i < launches; i += 1) samples.push(await launch());
const health = samples.map((s) => s.health);
const state = samples.map((s) => s.state);
process.stdout.write(
  `${JSON.stringify({
    mode: process.env.WARDEN_FROM_SOURCE === '1' ? 'source (tsx)' : 'bundle',
    launches,
    healthMedianMs: median(health),
    healthMaxMs: Math.max(...health),
    firstStateMedianMs: median(state),
    firstStateMaxMs: Math.max(...state),
    healthMs: health,
    firstStateMs: state,
  })}\n`,
);
