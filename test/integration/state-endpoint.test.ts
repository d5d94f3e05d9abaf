// GET /api/state is a script's one read: the state view together with the recent alerts (a screen gets the
// alerts as pushes instead, and the state pushes carry none).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveInProcess, type Served } from '../helpers/serve';

let served: Served;

beforeAll(async () => {
  served = await serveInProcess({ stillMarket: true });
});
afterAll(async () => {
  await served.stop();
});

describe('GET /api/state', () => {
  it('answers the state with the recent alerts, newest first', async () => {
    expect((await served.core.command('flatten', { account: 'SIM-50K' })).ok).toBe(true);
    const response = await fetch(`http://127.0.0.1:${served.server.port}/api/state`, {
      headers: { authorization: `Bearer ${served.token}` },
    });
    const state = (await response.json()) as {
      accounts: { id: string }[];
      alerts: { title: string; account: string | null }[];
    };
    expect(response.status).toBe(200);
    expect(state.accounts.map((account) => account.id)).toEqual(['SIM-50K']);
    expect(state.alerts.map(({ title, account }) => ({ title, account }))).toEqual([
      { title: 'Flatten complete', account: 'SIM-50K' },
    ]);
    expect('alerts' in served.core.view()).toBe(false);
  });
});
