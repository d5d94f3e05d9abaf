// The trader's own lock commands are in the audit beside the rules' actions: a self-lock with when it ends, a
// settings lock, a reset; one risk_events row each in the real database, in order.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCore } from '../../main/core/start';
import { memoryLogger } from '../../main/platform/logger';
import { openStore } from '../../main/store';
import { createManualClock } from '../helpers/manual-clock';

/** Tuesday 5 May 2026, 09:30 CDT: the day ends at 17:00 CDT (22:00Z). */
const tuesday = Date.parse('2026-05-05T14:30:00Z');

describe('the audit of lock commands', () => {
  it('records the settings lock, the self-lock and the reset, with who and until when', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'warden-trader-audit-'));
    const clock = createManualClock(tuesday);
    const core = await startCore({ dataDir, broker: 'sim', demo: false, logger: memoryLogger(), clock });
    expect((await core.command('lockSettings', { account: 'SIM-50K' })).ok).toBe(true);
    clock.advance(1000);
    expect((await core.command('lock', { account: 'SIM-50K', until: 'dayEnd' })).ok).toBe(true);
    clock.advance(1000);
    expect(await core.command('resetLock', { account: 'SIM-50K' })).toEqual({
      ok: true,
      result: { lifted: 0 },
    });
    await core.stop();

    const store = openStore(join(dataDir, 'warden.db'), { logger: memoryLogger() });
    const audit = store.riskEvents
      .recent(10)
      .reverse()
      .map(({ account, kind, detail }) => ({ account, kind, detail }));
    store.close();
    expect(audit).toEqual([
      {
        account: 'SIM-50K',
        kind: 'settingsLock',
        detail: { by: 'trader', lockedUntil: 'until 2026-05-05T22:00:00.000Z' },
      },
      {
        account: 'SIM-50K',
        kind: 'selfLock',
        detail: { by: 'trader', until: 'dayEnd', lockedUntil: 'until 2026-05-05T22:00:00.000Z' },
      },
      { account: 'SIM-50K', kind: 'lockReset', detail: { by: 'trader' } },
    ]);
  });
});
