// The what-if through the core's command path (as the Rules screen sends it): the real core on the simulator over a
// database holding a generated month; whatIf answers with the run, whatIfStatus tells its progress and the result
// (the CLI's figures on export-events of the same database); bad requests are refused in words, never crash it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../../shared/config/schema';
import type { WhatIfStatus } from '../../../shared/ipc/what-if';
import { createSimBroker } from '../../../main/broker/sim';
import { createCore } from '../../../main/core/app';
import { loadConfig } from '../../../main/core/start';
import type { WardenCore } from '../../../main/core/types';
import { engineConfigOf } from '../../../main/engine';
import { memoryLogger } from '../../../main/platform/logger';
import { openStore } from '../../../main/store';
import { createManualClock } from '../../helpers/manual-clock';
import { STILL_TICK_INTERVAL_MS } from '../../helpers/sim-core';
import { cliFigures, type CliFigures } from './cli-figures';
import { ACCOUNT, EDITED, journalMonth, MONTH_END } from './month';

const dir = mkdtempSync(join(tmpdir(), 'warden-whatif-core-'));
let core: WardenCore;
let cli: CliFigures;

async function statusOf(run: string): Promise<WhatIfStatus> {
  const answer = await core.command('whatIfStatus', { run });
  if (!answer.ok) throw new Error(answer.error);
  return answer.result;
}

beforeAll(async () => {
  journalMonth(join(dir, 'warden.db'));
  const clock = createManualClock(MONTH_END);
  const logger = memoryLogger();
  const config = join(dir, 'config.yaml');
  core = await createCore({
    broker: createSimBroker({
      stateFile: join(dir, 'sim-broker.json'),
      clock,
      logger,
      seed: 7,
      tickIntervalMs: STILL_TICK_INTERVAL_MS,
    }),
    store: openStore(join(dir, 'warden.db'), { logger, clock }),
    clock,
    logger,
    engineConfig: engineConfigOf(loadConfig(config)),
  });
  const edited = validateConfig(EDITED);
  if (!edited.ok) throw new Error(edited.errors.join('; '));
  const configFile = join(dir, 'edited.json');
  writeFileSync(configFile, JSON.stringify(EDITED));
  // The database as the core has it now (the simulator's own account and markets came in at its start).
  cli = await cliFigures({
    dir,
    configFile,
    account: ACCOUNT,
    session: edited.config.session,
    exportArgs: [
      ...['--data-dir', dir, '--account', ACCOUNT, '--days', '30'],
      ...['--until', new Date(MONTH_END).toISOString()],
    ],
    firstDay: '2026-04-01',
  });
}, 60_000);

afterAll(async () => {
  await core.stop();
});

describe('the what-if through the core', () => {
  // The core compacts its journal at start: the month's quotes (one every 10 minutes) are each their minute's mark,
  // so they all stay, but rows past the 30 days of retention go (the instrument, the account's first report, the
  // fill that opened the position carried into 1 April, the quote that marked it at 31 March's close). The
  // instrument comes back from the engine's state, and the position from the round trip the engine kept (bought 2
  // at 1000 on 31 March, half its 8.00 of fees to the opening); with no quote before the roll, its mark at the roll
  // is that price, so 1 April's +396 is +596 here (−4 + 600 − 4 from 49996). A daily loss of 600 stops the
  // recovering and crashing days: their quote at 993.75 (−625 − 4 of fees) is critical and waits for a second
  // breaching quote (RULES 2, confirmQuotes 2), which 993.50 is (09:22 and 09:12 in Chicago): flattened there,
  // −650 − 8 = −658 instead of −116 and −2008. So: 596 + 12 × 392 − 6 × 258 − 11 × 658 = −3486 instead of
  // 596 + 12 × 392 − 6 × 258 − 6 × 116 − 5 × 2008 = −6984.
  it('answers with the run, reports progress, and ends with the CLI’s figures', async () => {
    const started = await core.command('whatIf', { account: ACCOUNT, days: 30, config: EDITED });
    if (!started.ok) throw new Error(started.error);
    const { run, total } = started.result;
    expect(total).toBe(cli.exported.trim().split('\n').length);
    await expect
      .poll(async () => (await statusOf(run)).state, { timeout: 20_000, interval: 20 })
      .toBe('done');
    const status = await statusOf(run);
    if (status.state !== 'done') throw new Error(JSON.stringify(status));
    expect({ done: status.done, total: status.total }).toEqual({ done: total, total });
    expect(status.result.days).toEqual(cli.days);
    expect(status.result).toMatchObject({
      actualNetPnl: '-6984',
      whatIfNetPnl: '-3486',
      daysStopped: 11,
      events: total,
      summary:
        'With these rules you would have been stopped on 11 days and finished -3,486.00 instead of -6,984.00.',
    });
    expect(status.result.days[0]).toMatchObject({
      day: '2026-04-01',
      actualNetPnl: '596',
      whatIfNetPnl: '596',
    });
    const stopped = status.result.days.filter((day) => day.stoppedAt !== null);
    expect(
      stopped.map((day) => [day.day.slice(8), day.actualNetPnl, day.whatIfNetPnl, day.stoppedAt]),
    ).toEqual(
      [4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 29].map((d) => {
        const crash = d % 5 === 1;
        const day = String(d).padStart(2, '0');
        return [day, crash ? '-2008' : '-116', '-658', `2026-04-${day}T14:${crash ? '12' : '22'}:00Z`];
      }),
    );
    expect(await core.command('cancelWhatIf', { run })).toEqual({ ok: true, result: { cancelled: false } });
  });

  it('refuses an invalid config with the path of each error, and changes nothing', async () => {
    const config = { accounts: { [ACCOUNT]: { rules: { dailyLoss: { amount: -600 } } } } };
    const answer = await core.command('whatIf', { account: ACCOUNT, days: 30, config });
    expect(answer).toEqual({
      ok: false,
      error: `the config has errors: accounts.${ACCOUNT}.rules.dailyLoss.amount: must be greater than 0, got -600`,
    });
  });

  it('refuses an account Warden does not know', async () => {
    expect(await core.command('whatIf', { account: 'NOPE', days: 30, config: EDITED })).toEqual({
      ok: false,
      error: 'unknown account NOPE',
    });
  });

  it.each([
    [0, 'days: must be at least 1'],
    [91, 'days: must be at most 90'],
    [2.5, 'days: must be a whole number of days'],
  ])('refuses %s days by the schema', async (days, error) => {
    expect(await core.command('whatIf', { account: ACCOUNT, days, config: EDITED })).toEqual({
      ok: false,
      error: `invalid whatIf: ${error}`,
    });
  });

  it('answers for a run it does not know: no status, nothing to cancel', async () => {
    expect(await core.command('whatIfStatus', { run: 'no-such-run' })).toEqual({
      ok: false,
      error: 'no what-if run no-such-run (an ended run is forgotten after 5 minutes)',
    });
    expect(await core.command('cancelWhatIf', { run: 'no-such-run' })).toEqual({
      ok: true,
      result: { cancelled: false },
    });
  });

  it('cancels a run on request', async () => {
    const started = await core.command('whatIf', { account: ACCOUNT, days: 30, config: EDITED });
    if (!started.ok) throw new Error(started.error);
    expect(await core.command('cancelWhatIf', { run: started.result.run })).toEqual({
      ok: true,
      result: { cancelled: true },
    });
    expect(await statusOf(started.result.run)).toEqual({ state: 'cancelled' });
  });
});
