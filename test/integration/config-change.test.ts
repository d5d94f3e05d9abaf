// Changing the rules while Warden runs, over the real HTTP API: the change applies and is written back to the
// file (the old one kept as .prev); after the trader locks the settings, a loosening is refused with every
// reason; a restart keeps the rules in force and refuses an edited file that would loosen a locked account.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WardenConfig } from '../../shared/config/schema';
import { serveInProcess, type Served } from '../helpers/serve';
import { recentAlerts } from '../../main/core/subscribers';
import { untilText } from '../../main/engine';

const configText = (amount: number) => `
session: { timezone: America/Chicago, dayStart: "17:00", weekStartDay: sunday }
accounts:
  SIM-50K:
    startingBalance: 50000
    rules:
      dailyLoss: { amount: ${amount}, basis: net }
`;

function client(served: Served) {
  const base = `http://127.0.0.1:${served.server.port}`;
  const headers = { authorization: `Bearer ${served.token}`, 'content-type': 'application/json' };
  return {
    async post(command: string, body: unknown) {
      const response = await fetch(`${base}/api/commands/${command}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
    async config(): Promise<WardenConfig> {
      const response = await fetch(`${base}/api/config`, { headers });
      return ((await response.json()) as { config: WardenConfig }).config;
    },
  };
}

const withDailyLoss = (config: WardenConfig, amount: string): WardenConfig => {
  const copy = structuredClone(config);
  const account = copy.accounts['SIM-50K'];
  if (account?.rules?.dailyLoss === undefined) throw new Error('no dailyLoss in the config');
  account.rules.dailyLoss.amount = amount;
  return copy;
};

describe('config changes over the API', () => {
  it('applies a change, writes it back, refuses to loosen after a settings lock, and keeps it over a restart', async () => {
    let served = await serveInProcess({ config: configText(1000) });
    const { dataDir } = served;
    const file = join(dataDir, 'config.yaml');
    let api = client(served);

    const inForce = await api.config();
    expect(inForce.accounts['SIM-50K']?.rules?.dailyLoss?.amount).toBe('1000');

    expect(await api.post('config', { config: withDailyLoss(inForce, '800') })).toEqual({
      status: 200,
      body: { ok: true, result: { changes: ['SIM-50K dailyLoss.amount: "1000" → "800"'] } },
    });
    expect(readFileSync(`${file}.prev`, 'utf8')).toBe(configText(1000));
    expect(readFileSync(file, 'utf8')).toMatch(/^# Warden rules and settings, written by Warden at /);
    expect((await api.config()).accounts['SIM-50K']?.rules?.dailyLoss?.amount).toBe('800');

    const locked = await api.post('settings-lock', { account: 'SIM-50K' });
    expect(locked.status).toBe(200);
    const lockedUntil = (locked.body['result'] as { lockedUntil: string }).lockedUntil;
    expect(Date.parse(lockedUntil)).toBeGreaterThan(Date.now());
    // Told in the session's zone (untilText's own table: test/unit/engine/until-text.test.ts).
    const until = untilText(Date.parse(lockedUntil), 'America/Chicago');

    const looser = await api.post('config', { config: withDailyLoss(inForce, '1200') });
    expect(looser).toEqual({
      status: 400,
      body: {
        ok: false,
        error: `SIM-50K has its settings locked ${until}, so its rules may only tighten; this change loosens dailyLoss.amount: raised from 800 to 1200`,
      },
    });
    const tighter = await api.post('config', { config: withDailyLoss(inForce, '600') });
    expect(tighter.status).toBe(200);

    const otherZone = { ...inForce, session: { ...inForce.session, timezone: 'Europe/London' } };
    expect((await api.post('config', { config: otherZone })).body['error']).toBe(
      'the session (time zone, day start, week start) cannot change while Warden runs: edit the config file and restart',
    );
    expect(
      (await api.post('config', { config: { accounts: { X: { rules: { dailyLoss: {} } } } } })).body['error'],
    ).toBe('the config has errors: accounts.X.rules.dailyLoss.amount: is required');

    // A restart reads the file Warden wrote: 600 stays in force.
    await served.stop();
    served = await serveInProcess({ dataDir });
    api = client(served);
    expect((await api.config()).accounts['SIM-50K']?.rules?.dailyLoss?.amount).toBe('600');
    await served.stop();

    // The file edited by hand to loosen while the settings are still locked: not applied, and the trader is told.
    served = await serveInProcess({ dataDir, config: configText(5000) });
    api = client(served);
    const alert = recentAlerts(served.core).find((a) => a.title === 'Config file not applied');
    expect(alert?.message).toBe(
      `SIM-50K has its settings locked ${until}, so its rules may only tighten; this change loosens dailyLoss.amount: raised from 600 to 5000. The rules in force stay until the lock ends; restart Warden then, or make the file only tighten.`,
    );
    expect((await api.config()).accounts['SIM-50K']?.rules?.dailyLoss?.amount).toBe('600');
    await served.stop();
    expect(existsSync(file)).toBe(true);
  });
});
