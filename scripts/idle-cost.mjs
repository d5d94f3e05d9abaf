// What `warden serve` costs while it runs: launches it on the simulator with the demo robot trading ACCOUNTS accounts
// (default 1; their daily-loss rules on), lets it settle for 10 s, then reads its CPU time and resident memory from
// /proc for IDLE_SECONDS (default 60). Prints one JSON line: the share of one core used, the mean and largest RSS in MB.
// Linux only (it reads /proc/<pid>/stat and /proc/<pid>/status).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const accounts = Number(process.env.ACCOUNTS ?? 1);
const seconds = Number(process.env.IDLE_SECONDS ?? 60);
const settleMs = 10_000;
const ticksPerSecond = 100; // USER_HZ on Linux

const freePort = () =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

/** CPU seconds (user + system) the process has used so far. */
function cpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

function rssMB(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line?.split(/\s+/)[1] ?? 0) / 1024;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function configYaml(n) {
  const ids = Array.from({ length: n }, (_, i) => `SIM-${String(i + 1).padStart(2, '0')}`);
  const lines = ['accounts:'];
  for (const id of ids)
    lines.push(`  ${id}:`, '    startingBalance: 50000', '    rules:', '      dailyLoss: { amount: 1000 }');
  return `${lines.join('\n')}\n`;
}

const dataDir = mkdtempSync(join(tmpdir(), 'warden-idle-'));
const config = join(dataDir, 'config.yaml');
writeFileSync(config, configYaml(accounts));
const port = await freePort();
const child = spawn(
  process.execPath,
  [
    join(root, 'bin', 'warden.mjs'),
    'serve',
    '--port',
    String(port),
    '--data-dir',
    dataDir,
    '--config',
    config,
    '--demo',
  ],
  { env: { ...process.env, WARDEN_TOKEN: 'idle-cost', WARDEN_NEWS_URL: 'off' }, stdio: 'ignore' },
);
try {
  for (;;) {
    const up = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    await sleep(50);
  }
  await sleep(settleMs);
  const cpuStart = cpuSeconds(child.pid);
  const rss = [];
  for (let s = 0; s < seconds; s += 1) {
    await sleep(1000);
    rss.push(rssMB(child.pid));
  }
  const cpu = cpuSeconds(child.pid) - cpuStart;
  const round = (n) => Math.round(n * 10) / 10;
  process.stdout.write(
    `${JSON.stringify({
      accounts,
      seconds,
      cpuPctOfOneCore: round((cpu / seconds) * 100),
      rssMeanMB: round(rss.reduce((a, b) => a + b, 0) / rss.length),
      rssMaxMB: round(Math.max(...rss)),
    })}\n`,
  );
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
