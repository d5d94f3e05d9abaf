// A restart across a day roll on ProjectX (docs/RULES.md section 1): trades made at the gateway while Warden was not
// running, before and after the roll, come back from Trade/search; today's start is rebuilt from today's trades
// alone (dayStartBalance = balance − net realized since dayStart), so yesterday's late loss is not today's.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WardenCore } from '../../../main/core/types';
import { startFakeGateway } from '../../fakes/projectx-gateway/server';
import { ACCOUNT_ID, MNQ, seedDemo } from '../../fakes/projectx-gateway/seed';
import { coreOn, waitFor } from './harness';
import { recentAlerts } from '../../../main/core/subscribers';

const ACCOUNT = String(ACCOUNT_ID);
const config = 'session: { timezone: America/Chicago, dayStart: "17:00", weekStartDay: sunday }\n';

afterEach(() => {
  vi.useRealTimers();
});

const accountView = (core: WardenCore) => {
  const view = core.view().accounts.find((a) => a.id === ACCOUNT);
  if (view === undefined) throw new Error(`no account ${ACCOUNT}`);
  return view;
};

describe('ProjectX: a restart after a roll Warden did not see', () => {
  it("rebuilds today's start from the gateway's trades since the roll", async () => {
    // Only Date is faked (sockets and timers run for real): the gateway's trade times and the core's clock agree.
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime(new Date('2026-05-05T20:00:00Z')); // Tuesday 15:00 CDT
    const gateway = await startFakeGateway({ pingMs: 200 });
    seedDemo(gateway.model);
    const dir = mkdtempSync(join(tmpdir(), 'warden-px-roll-'));
    try {
      const first = await coreOn(gateway, dir, { config });
      gateway.fill(ACCOUNT_ID, MNQ, 0, 1, 21000);
      gateway.fill(ACCOUNT_ID, MNQ, 1, 1, 21010); // +20.00 − 0.74 fees, seen live
      await waitFor('the live round trip', () => accountView(first).metrics.balance === '50019.26');
      await first.stop();

      vi.setSystemTime(new Date('2026-05-05T21:30:00Z')); // Tuesday 16:30 CDT, Warden not running
      gateway.model.fill(ACCOUNT_ID, MNQ, 0, 1, 21000);
      gateway.model.fill(ACCOUNT_ID, MNQ, 1, 1, 20990); // −20.00 − 0.74: Tuesday's
      vi.setSystemTime(new Date('2026-05-06T14:00:00Z')); // Wednesday 09:00 CDT
      gateway.model.fill(ACCOUNT_ID, MNQ, 0, 2, 21000);
      gateway.model.fill(ACCOUNT_ID, MNQ, 1, 2, 20975); // −100.00 − 1.48: Wednesday's
      vi.setSystemTime(new Date('2026-05-06T14:30:00Z'));

      const second = await coreOn(gateway, dir, { config });
      await waitFor('connected', () => second.view().connection.status === 'connected');
      const { metrics, tradingState } = accountView(second);
      expect(tradingState).toBe('active');
      expect(metrics.balance).toBe('49897.04');
      expect(metrics.dailyRealizedPnl).toBe('-101.48');
      expect(metrics.dailyNetPnl).toBe('-101.48'); // from 49,998.52, not from Tuesday's last balance 50,019.26
      expect(metrics.tradesToday).toBe(1);
      expect(recentAlerts(second).find((a) => a.title === "Today's start rebuilt")?.message).toBe(
        "today's start rebuilt from the broker's trades since 2026-05-05 17:00 CDT: balance 49,897.04 − net " +
          '-101.48 = 49,998.52',
      );
      await second.stop();
    } finally {
      await gateway.stop();
    }
  });
});
