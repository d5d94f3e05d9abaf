// Groups end to end on the real core (docs/RULES.md section 10): a group's summed loss reaching its limit flattens
// and halts every member — and nothing else — and a hedge across two members' accounts is caught. The desk
// reports fills and quotes, carries out enforcement's closes, and time moves by the manual clock (a clock event
// each second, as when Warden runs).
import { afterEach, describe, expect, it } from 'vitest';
import type { WardenCore } from '../../main/core/types';
import { drain } from '../helpers/sim-core';
import { deskCore, settle, simGroupCore } from './groups-desk';

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
    copier: { leader: A1, graceSeconds: 5, onHedge: close }
`;

let running: WardenCore | null = null;
afterEach(async () => {
  await running?.stop();
  running = null;
});

const stateOf = (core: WardenCore, id: string) => core.view().accounts.find((a) => a.id === id)?.tradingState;

describe('groups on the real core', () => {
  it("the group's summed loss flattens and halts every member, and a non-member stays active", async () => {
    const { core, desk } = await deskCore({
      config,
      accounts: ['A1', 'A2', 'A3', 'B1'],
      prices: { ES: '5800', MES: '5800', NQ: '21000' },
    });
    running = core;
    desk.fill('A1', 'ES', 'buy', 1);
    desk.fill('A2', 'ES', 'buy', 1);
    desk.fill('A3', 'MES', 'buy', 5);
    desk.fill('B1', 'ES', 'buy', 2);
    // ES 5786: A1 −700, A2 −700: 1400, a warning; MES 5786: A3 −350, 1750: a breach, confirmed by the next quote.
    desk.quote('ES', '5786');
    desk.quote('MES', '5786');
    desk.quote('MES', '5786');
    await settle('every member flat', () =>
      ['A1', 'A2', 'A3'].every((id) => Object.keys(desk.positions(id)).length === 0),
    );
    expect(['A1', 'A2', 'A3', 'B1'].map((id) => stateOf(core, id))).toStrictEqual([
      'halted',
      'halted',
      'halted',
      'active',
    ]);
    expect(desk.positions('B1')).toStrictEqual({ ES: 2 });
    expect(core.view().accounts.find((a) => a.id === 'A1')?.lockReason).toBe(
      'groupDailyLoss: Apex 50Ks: group daily loss 1750 reached 1500',
    );
    // Only members were acted on: the closes the desk was asked for.
    expect(desk.commands.map((c) => `${c.account} ${c.type} ${'symbol' in c ? c.symbol : ''}`)).toStrictEqual(
      ['A1 closePosition ES', 'A2 closePosition ES', 'A3 closePosition MES'],
    );
  });

  it('a hedge across members in one underlying (ES against MES) is closed on the side against the leader', async () => {
    const { core, desk, clock } = await deskCore({
      config,
      accounts: ['A1', 'A2', 'A3', 'B1'],
      prices: { ES: '5800', MES: '5800', NQ: '21000' },
    });
    running = core;
    desk.fill('A1', 'ES', 'buy', 1);
    desk.fill('A2', 'MES', 'buy', 10);
    desk.fill('A3', 'MES', 'sell', 10); // against the leader: a hedge from now
    clock.advance(5000); // 5 s: not more than the grace
    await drain();
    expect(desk.commands).toStrictEqual([]);
    clock.advance(1000);
    await settle('A3 closed', () => Object.keys(desk.positions('A3')).length === 0);
    expect(desk.commands).toStrictEqual([{ type: 'closePosition', account: 'A3', symbol: 'MES' }]);
    expect(['A1', 'A2'].map((id) => desk.positions(id))).toStrictEqual([{ ES: 1 }, { MES: 10 }]);
    expect(stateOf(core, 'A3')).toBe('active');
  });
});

describe('groups on the simulated broker', () => {
  const simConfig = `
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
    copier: { leader: A1, graceSeconds: 5, onHedge: alert }
`;
  const market = (account: string, symbol: string, side: 'buy' | 'sell', qty: number) => ({
    account,
    symbol,
    side,
    qty,
    kind: 'market',
  });

  it("the group's summed loss flattens and halts every member on the simulator; B1 trades on", async () => {
    const { core, sim } = await simGroupCore(simConfig);
    running = core;
    sim.setPrice('ES', '5800');
    sim.setPrice('MES', '5800');
    for (const order of [
      market('A1', 'ES', 'buy', 1),
      market('A2', 'ES', 'buy', 1),
      market('A3', 'MES', 'buy', 2),
      market('B1', 'ES', 'buy', 1),
    ])
      expect((await core.command('placeOrder', order)).ok).toBe(true);
    await settle('four positions', () => core.view().accounts.every((a) => a.positions.length === 1));
    // ES and MES 5784: A1 −800, A2 −800, A3 −160, with fees: over 1500; the second quote confirms it.
    sim.setPrice('ES', '5784');
    sim.setPrice('MES', '5784');
    sim.setPrice('ES', '5784');
    await settle('every member flat', () =>
      core
        .view()
        .accounts.filter((a) => a.id !== 'B1')
        .every((a) => a.positions.length === 0 && !a.flattening),
    );
    const view = core.view();
    expect(view.accounts.map((a) => [a.id, a.tradingState, a.positions.length])).toStrictEqual([
      ['A1', 'halted', 0],
      ['A2', 'halted', 0],
      ['A3', 'halted', 0],
      ['B1', 'active', 1],
    ]);
    expect(view.groups.map((g) => [g.id, g.tradingState, g.limits[0]?.level])).toStrictEqual([
      ['apex', 'halted', 'breach'],
    ]);
    expect((await core.command('placeOrder', market('A2', 'ES', 'buy', 1))).ok).toBe(false);
    expect((await core.command('placeOrder', market('B1', 'ES', 'buy', 1))).ok).toBe(true);
  });

  it('a hedge across two members is caught after the grace', async () => {
    const { core, sim, clock } = await simGroupCore(simConfig);
    running = core;
    sim.setPrice('NQ', '21000');
    sim.setPrice('MNQ', '21000');
    const alerts: string[] = [];
    core.subscribe((message) => {
      if (message.type === 'alert') alerts.push(`${message.payload.account ?? ''} ${message.payload.title}`);
    });
    expect((await core.command('placeOrder', market('A1', 'NQ', 'buy', 1))).ok).toBe(true);
    expect((await core.command('placeOrder', market('A2', 'MNQ', 'buy', 10))).ok).toBe(true);
    expect((await core.command('placeOrder', market('A3', 'MNQ', 'sell', 10))).ok).toBe(true);
    clock.advance(6000);
    await settle('the hedge alerted', () => alerts.some((a) => a.includes('copierHedge')));
    expect(alerts.filter((a) => a.includes('copierHedge'))).toStrictEqual([
      'A1 copierHedge breach',
      'A2 copierHedge breach',
      'A3 copierHedge breach',
    ]);
  });
});
