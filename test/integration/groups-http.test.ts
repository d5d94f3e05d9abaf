// Group commands over `warden serve`'s HTTP API (docs/API.md section 4): flatten and lock take {"group": ID} and act
// on every member, an unknown group is refused by its name, and GET /api/state shows the groups and each account's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WardenCore } from '../../main/core/types';
import { memoryLogger } from '../../main/platform/logger';
import { startServer, type RunningServer } from '../../main/server/server';
import type { StateView } from '../../shared/ipc';
import { rendererDir } from '../helpers/serve';
import { deskCore, type Desk } from './groups-desk';

const config = `
accounts:
  A1: { startingBalance: 50000 }
  A2: { startingBalance: 50000 }
  A3: { startingBalance: 50000 }
  B1: { startingBalance: 50000 }
groups:
  apex:
    name: Apex 50Ks
    accounts: [A1, A2, A3]
    rules:
      groupDailyLoss: { amount: 1500 }
      groupMaxContracts: { total: 12 }
    copier: { leader: A1 }
`;
const token = 'groups-token-0123456789';

let core: WardenCore;
let desk: Desk;
let server: RunningServer;

beforeAll(async () => {
  ({ core, desk } = await deskCore({
    config,
    accounts: ['A1', 'A2', 'A3', 'B1'],
    prices: { ES: '5800', MES: '5800', NQ: '21000' },
  }));
  server = await startServer({
    core,
    host: '127.0.0.1',
    port: 0,
    token,
    rendererDir,
    logger: memoryLogger(),
    version: 'test',
  });
});
afterAll(async () => {
  await server.close();
  await core.stop();
});

const post = async (command: string, body: unknown) => {
  const response = await fetch(`http://127.0.0.1:${server.port}/api/commands/${command}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
const state = async () =>
  (await (
    await fetch(`http://127.0.0.1:${server.port}/api/state`, {
      headers: { authorization: `Bearer ${token}` },
    })
  ).json()) as StateView;

describe('group commands over HTTP', () => {
  it('flatten {"group"} flattens each member and no one else', async () => {
    desk.fill('A1', 'ES', 'buy', 1);
    desk.fill('A2', 'MES', 'buy', 5);
    desk.fill('A3', 'NQ', 'sell', 1);
    desk.fill('B1', 'ES', 'buy', 2);
    const { status, body } = await post('flatten', { group: 'apex' });
    expect(status).toBe(200);
    const reports = (body['result'] as { reports: { account: string; flat: boolean }[] }).reports;
    expect(reports.map((r) => [r.account, r.flat])).toStrictEqual([
      ['A1', true],
      ['A2', true],
      ['A3', true],
    ]);
    expect(['A1', 'A2', 'A3', 'B1'].map((id) => desk.positions(id))).toStrictEqual([{}, {}, {}, { ES: 2 }]);
  });

  it('an unknown group is refused by its name', async () => {
    expect(await post('flatten', { group: 'nope' })).toStrictEqual({
      status: 400,
      body: { ok: false, error: 'unknown group "nope" (groups are apex)' },
    });
    expect(await post('lock', { group: 'nope', until: 'dayEnd' })).toStrictEqual({
      status: 400,
      body: { ok: false, error: 'unknown group "nope" (groups are apex)' },
    });
    expect(await post('flatten', { group: 'apex', account: 'A1' })).toStrictEqual({
      status: 400,
      body: { ok: false, error: 'invalid flatten: (arguments): give one of account, group or all: true' },
    });
  });

  it('lock {"group", "until"} halts every member until the day ends; the state shows the group', async () => {
    expect(await post('lock', { group: 'apex', until: 'dayEnd' })).toStrictEqual({
      status: 200,
      body: { ok: true, result: { lockedUntil: '2026-05-05T22:00:00.000Z', accounts: ['A1', 'A2', 'A3'] } },
    });
    const view = await state();
    expect(view.accounts.map((a) => [a.id, a.tradingState, a.group])).toStrictEqual([
      ['A1', 'halted', ['apex']],
      ['A2', 'halted', ['apex']],
      ['A3', 'halted', ['apex']],
      ['B1', 'active', []],
    ]);
    expect(view.groups).toStrictEqual([
      {
        id: 'apex',
        name: 'Apex 50Ks',
        accounts: ['A1', 'A2', 'A3'],
        leader: 'A1',
        metrics: { dailyNetPnl: '0', dailyRealizedPnl: '0', unrealizedPnl: '0', openContracts: 0 },
        limits: [
          {
            rule: 'groupDailyLoss',
            label: 'Group daily loss',
            unit: 'money',
            used: '0',
            limit: '1500',
            level: 'ok',
          },
          {
            rule: 'groupMaxContracts',
            label: 'Group contracts',
            unit: 'count',
            used: '0',
            limit: '12',
            level: 'ok',
          },
        ],
        tradingState: 'halted',
      },
    ]);
  });
});
