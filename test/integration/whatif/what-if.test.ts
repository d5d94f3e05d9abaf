// The what-if on a generated month journaled into a real SQLite file: day by day, the same figures as `warden
// replay --enforce` on what `warden export-events` prints for the same account and days; a run cancelled mid-way,
// or replaced by a newer one for the account, ends cancelled with its worker gone.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateConfig, type WardenConfig } from '../../../shared/config/schema';
import type { WhatIfStatus } from '../../../shared/ipc/what-if';
import { memoryLogger } from '../../../main/platform/logger';
import { openStore, type Store } from '../../../main/store';
import { createWhatIfRuns, type WhatIfRuns, type WhatIfRunsDeps } from '../../../main/whatif/runs';
import { whatIfWorkerFile } from '../../../main/whatif/worker-file';
import { createManualClock } from '../../helpers/manual-clock';
import { cliFigures, type CliFigures } from './cli-figures';
import { ACCOUNT, EDITED, journalMonth, MONTH_END } from './month';

const execute = promisify(execFile);
const root = join(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'warden-whatif-'));
const configFile = join(dir, 'edited.json');
const valid = validateConfig(EDITED);
if (!valid.ok) throw new Error(valid.errors.join('; '));
const edited: WardenConfig = valid.config;
let store: Store;
let cli: CliFigures;
const opened: WhatIfRuns[] = [];

function runs(options: Partial<WhatIfRunsDeps> = {}): WhatIfRuns {
  const made = createWhatIfRuns({
    events: store.accountEvents,
    clock: createManualClock(MONTH_END),
    logger: memoryLogger(),
    ...options,
  });
  opened.push(made);
  return made;
}

/** Waits (on the run's own reports, polled) until it has ended, and returns how it ended. */
async function ended(whatIf: WhatIfRuns, run: string): Promise<WhatIfStatus> {
  await expect.poll(() => whatIf.status(run)?.state, { timeout: 20_000, interval: 20 }).not.toBe('running');
  const status = whatIf.status(run);
  if (status === null) throw new Error(`run ${run} is gone`);
  return status;
}

beforeAll(async () => {
  journalMonth(join(dir, 'warden.db'));
  writeFileSync(configFile, JSON.stringify(EDITED));
  cli = await cliFigures({
    dir,
    configFile,
    account: ACCOUNT,
    session: edited.session,
    exportArgs: [
      '--data-dir',
      dir,
      '--account',
      ACCOUNT,
      '--days',
      '30',
      '--until',
      new Date(MONTH_END).toISOString(),
    ],
    firstDay: '2026-04-01',
  });
  store = openStore(join(dir, 'warden.db'), { logger: memoryLogger() });
}, 60_000);

afterAll(async () => {
  for (const whatIf of opened) await whatIf.stop();
  store.close();
});

describe('the what-if of a generated month', () => {
  it('gives, day by day, the figures warden replay --enforce gives on the exported events', async () => {
    const whatIf = runs();
    const { run, total } = await whatIf.start({ account: ACCOUNT, days: 30, document: edited });
    const status = await ended(whatIf, run);
    if (status.state !== 'done') throw new Error(`the run ended ${JSON.stringify(status)}`);
    const { result } = status;
    // Every row export-events printed was replayed, and nothing else.
    expect(total).toBe(cli.exported.trim().split('\n').length);
    expect({ done: status.done, events: result.events }).toEqual({ done: total, events: total });
    expect(result.days.map((day) => day.day)).toEqual(
      Array.from({ length: 30 }, (_, i) => `2026-04-${String(i + 1).padStart(2, '0')}`),
    );
    expect(result.days).toEqual(cli.days);

    // Hand-checked. 1 April: 2 ZS bought at 1000 on 31 March (fees 4.00 paid then), marked 1002 at the roll
    // (equity 50000 − 4 + 2 × 50 × 2 = 50196), sold at 1006 (fees 4.00): 50000 − 4 + 600 − 4 = 50592, +396; no
    // rule comes near 600.
    expect(result.days[0]).toEqual({
      day: '2026-04-01',
      actualNetPnl: '396',
      whatIfNetPnl: '396',
      breaches: 0,
      flattens: 0,
      stoppedAt: null,
      firstFired: [],
    });
    // 4 April, a recovering day. As it happened: bought at 1000, sold at 998 (−200 − 8 fees), then 998 → 999
    // (+100 − 8): −116. With a daily loss of 600: the warning (80%: 480) at 994.50 (−550 − 4 = −554, 09:02 CDT);
    // 993.75 (−629) is the first breaching quote, 993.50 (−654) the second, which latches it (confirmQuotes 2):
    // flattened at 993.50 at 09:22 CDT, −650 − 4 − 4 = −658, and halted: the recorded exit and the second trade
    // are dropped.
    expect(result.days[3]).toMatchObject({
      day: '2026-04-04',
      actualNetPnl: '-116',
      whatIfNetPnl: '-658',
      breaches: 1,
      flattens: 1,
      stoppedAt: '2026-04-04T14:22:00Z',
      firstFired: [{ rule: 'dailyLoss', level: 'warning', at: '2026-04-04T14:02:00Z' }],
    });
    // 396 + 12 winning days × 392 − 6 small losses × 258 − 6 recovering × 116 − 5 crashes × 2008 = −7184; with the
    // rule the 11 recovering and crashing days are each −658: −3686.
    expect(result).toMatchObject({
      account: ACCOUNT,
      actualNetPnl: '-7184',
      whatIfNetPnl: '-3686',
      daysStopped: 11,
      summary:
        'With these rules you would have been stopped on 11 days and finished -3,686.00 instead of -7,184.00.',
    });
    await expect.poll(() => whatIf.liveWorkers(), { timeout: 10_000, interval: 20 }).toBe(0);
  });

  it('runs the bundled worker the desktop build writes, under plain node, to the same result', async () => {
    const outdir = join(dir, 'desktop');
    await execute(process.execPath, [join(root, 'scripts', 'build-desktop.mjs'), '--outdir', outdir]);
    // In main.cjs, import.meta.url is the bundle's own URL, so the worker is looked for beside it, and found.
    const mainBundle = join(outdir, 'main.cjs');
    expect(readFileSync(mainBundle, 'utf8')).toContain('function whatIfWorkerFile(base = __bundleFileUrl)');
    const bundled = whatIfWorkerFile(pathToFileURL(mainBundle).href);
    expect(fileURLToPath(bundled)).toBe(join(outdir, 'what-if-worker.cjs'));
    const whatIf = runs({ workerFile: bundled });
    const started = await whatIf.start({ account: ACCOUNT, days: 30, document: edited });
    const status = await ended(whatIf, started.run);
    expect(status.state === 'done' ? status.result.days : status).toEqual(cli.days);
  }, 60_000);

  it('stops a run cancelled mid-way: cancelled, its worker gone', async () => {
    let cancelledAt: number | null = null;
    const whatIf: WhatIfRuns = runs({
      sliceSeqs: 100,
      aheadRows: 100,
      onProgress: (run, done, total) => {
        if (cancelledAt !== null || done >= total) return;
        cancelledAt = done;
        expect(whatIf.cancel(run)).toBe(true);
      },
    });
    const { run, total } = await whatIf.start({ account: ACCOUNT, days: 30, document: edited });
    await expect.poll(() => cancelledAt, { timeout: 20_000, interval: 20 }).not.toBeNull();
    expect(cancelledAt).toBeLessThan(total);
    expect(whatIf.status(run)).toEqual({ state: 'cancelled' });
    expect(whatIf.cancel(run)).toBe(false);
    await expect.poll(() => whatIf.liveWorkers(), { timeout: 10_000, interval: 20 }).toBe(0);
    expect(whatIf.status(run)).toEqual({ state: 'cancelled' });
  });

  it('cancels an account’s running what-if when a second one starts for it', async () => {
    const whatIf = runs();
    const first = await whatIf.start({ account: ACCOUNT, days: 30, document: edited });
    expect(whatIf.status(first.run)?.state).toBe('running');
    const second = await whatIf.start({ account: ACCOUNT, days: 7, document: edited });
    expect(whatIf.status(first.run)).toEqual({ state: 'cancelled' });
    const status = await ended(whatIf, second.run);
    expect(status.state === 'done' ? status.result.days.map((day) => day.day) : status).toEqual(
      cli.days.slice(-7).map((day) => day.day),
    );
    await expect.poll(() => whatIf.liveWorkers(), { timeout: 10_000, interval: 20 }).toBe(0);
  });

  it('forgets an ended run five minutes later', async () => {
    const clock = createManualClock(MONTH_END);
    const whatIf = runs({ clock });
    const { run } = await whatIf.start({ account: ACCOUNT, days: 1, document: edited });
    expect((await ended(whatIf, run)).state).toBe('done');
    clock.advance(5 * 60_000 - 1);
    expect(whatIf.status(run)?.state).toBe('done');
    clock.advance(1);
    expect(whatIf.status(run)).toBeNull();
  });

  it('fails a run whose worker dies, in words, and the host goes on', async () => {
    const dying = join(dir, 'dying-worker.mjs');
    writeFileSync(dying, "throw new Error('the replay met a row it cannot read');\n");
    const whatIf = runs({ workerFile: pathToFileURL(dying) });
    const { run } = await whatIf.start({ account: ACCOUNT, days: 30, document: edited });
    expect(await ended(whatIf, run)).toEqual({
      state: 'failed',
      error: 'the what-if stopped: the replay met a row it cannot read',
    });
    await expect.poll(() => whatIf.liveWorkers(), { timeout: 10_000, interval: 20 }).toBe(0);
  });
});
