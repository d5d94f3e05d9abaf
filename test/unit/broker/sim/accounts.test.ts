// The simulator's accounts come from the config (docs/API.md section 7): every account with a startingBalance,
// named by its `name`; the default SIM-50K when there is none. The kept book follows the config across restarts:
// a new account opens at its starting balance, a known one keeps its ledger, and one no longer configured is set
// aside (not reported, not traded) and comes back with its ledger when configured again.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../../../shared/config/schema';
import type { BrokerEvent } from '../../../../shared/domain/events';
import {
  simAccountsOf,
  simCopiersOf,
  type SimAccountOption,
  type SimBrokerOptions,
} from '../../../../main/broker/sim';
import { ofType, order, plainAll, startSim, tempStateFile } from './sim-harness';

const THREE: SimAccountOption[] = [
  { id: 'A1', name: 'Apex 1', startingBalance: '50000' },
  { id: 'A2', name: 'Apex 2', startingBalance: '100000' },
  { id: 'T1', startingBalance: 150000 },
];

/** The accounts a (re)connect reports, as plain JSON without the time. */
function accounts(events: readonly BrokerEvent[]): Record<string, unknown>[] {
  return plainAll(events.filter((e) => e.type === 'account')).map(({ t: _t, type: _type, ...rest }) => rest);
}

/** The book a (re)connect reports: positions and working orders, without times and ids. */
function holdings(events: readonly BrokerEvent[]): Record<string, unknown>[] {
  return plainAll(events.filter((e) => e.type === 'position' || e.type === 'order')).map(
    ({ t: _t, id: _id, ...rest }) => rest,
  );
}

/** Starts a broker on `stateFile` and returns what its connect reported. */
async function connect(stateFile: string, options: Partial<SimBrokerOptions> = {}) {
  const sim = await startSim({ stateFile, ...options });
  return { sim, reported: sim.events };
}

describe('simulator accounts from the config', () => {
  it('holds every configured account at its starting balance, named, in config order', async () => {
    const { sim, reported } = await connect(tempStateFile(), { accounts: THREE });
    expect(accounts(reported)).toEqual([
      { account: 'A1', balance: '50000', name: 'Apex 1', canTrade: true, usedMargin: '0' },
      { account: 'A2', balance: '100000', name: 'Apex 2', canTrade: true, usedMargin: '0' },
      { account: 'T1', balance: '150000', name: 'T1', canTrade: true, usedMargin: '0' },
    ]);
    expect((await sim.broker.execute(order({ symbol: 'ES', side: 'buy', qty: 1, kind: 'market' }))).ok).toBe(
      false,
    ); // the harness's SIM-50K is not one of them
    await sim.broker.stop();
  });

  it('with none configured, the one SIM-50K account as before', async () => {
    const { sim, reported } = await connect(tempStateFile(), { accounts: [] });
    expect(accounts(reported)).toEqual([
      { account: 'SIM-50K', balance: '50000', name: 'Sim 50K', canTrade: true, usedMargin: '0' },
    ]);
    await sim.broker.stop();
  });

  it('a restart keeps each ledger; a renamed account takes its new name, a new one opens at its balance', async () => {
    const stateFile = tempStateFile();
    const first = await connect(stateFile, { accounts: THREE });
    await first.sim.broker.execute({
      ...order({ symbol: 'ES', side: 'buy', qty: 1, kind: 'market' }),
      account: 'A2',
    });
    await first.sim.broker.stop();
    const again = await connect(stateFile, {
      accounts: [
        { id: 'A1', name: 'Apex One', startingBalance: '50000' },
        { id: 'A2', name: 'Apex 2', startingBalance: '999' },
        { id: 'T1', startingBalance: 150000 },
        { id: 'B1', name: 'Bulenox', startingBalance: '25000' },
      ],
    });
    expect(accounts(again.reported)).toEqual([
      { account: 'A1', balance: '50000', name: 'Apex One', canTrade: true, usedMargin: '0' },
      { account: 'A2', balance: '99998.6', name: 'Apex 2', canTrade: true, usedMargin: '500' },
      { account: 'T1', balance: '150000', name: 'T1', canTrade: true, usedMargin: '0' },
      { account: 'B1', balance: '25000', name: 'Bulenox', canTrade: true, usedMargin: '0' },
    ]);
    expect(holdings(again.reported)).toEqual([
      { type: 'position', account: 'A2', symbol: 'ES', qty: 1, avgPrice: '6000.25' },
    ]);
    expect(again.sim.logger.lines).toContainEqual({
      level: 'info',
      message: 'sim broker: accounts changed',
      context: { added: ['B1'], restored: [], shelved: [], renamed: ['A1'] },
    });
    await again.sim.broker.stop();
  });

  it('an account no longer configured is set aside, and comes back with its ledger when configured again', async () => {
    const stateFile = tempStateFile();
    const first = await connect(stateFile, { accounts: THREE });
    const t1 = (fields: Parameters<typeof order>[0]) => ({ ...order(fields), account: 'T1' });
    await first.sim.broker.execute(t1({ symbol: 'MNQ', side: 'sell', qty: 2, kind: 'market' }));
    await first.sim.broker.execute(
      t1({ symbol: 'MNQ', side: 'buy', qty: 2, kind: 'limit', limitPrice: '20900' }),
    );
    await first.sim.broker.stop();
    const before = { accounts: accounts(first.sim.events), holdings: holdings(first.sim.events) };

    const without = await connect(stateFile, { accounts: THREE.slice(0, 2) });
    expect(accounts(without.reported).map((a) => a['account'])).toEqual(['A1', 'A2']);
    expect(holdings(without.reported)).toEqual([]);
    expect(without.reported.filter((e) => e.type === 'fill')).toEqual([]);
    const refused = await without.sim.broker.execute(
      t1({ symbol: 'MNQ', side: 'sell', qty: 1, kind: 'market' }),
    );
    expect(refused).toEqual({ ok: false, error: 'unknown account "T1"' });
    without.sim.broker.setPrice('MNQ', '20800'); // the set-aside limit does not work
    expect(without.sim.take().filter((e) => e.type === 'fill')).toEqual([]);
    await without.sim.broker.stop();
    const file = JSON.parse(readFileSync(stateFile, 'utf8')) as { shelved: { account: { id: string } }[] };
    expect(file.shelved.map((s) => s.account.id)).toEqual(['T1']);

    const back = await connect(stateFile, { accounts: THREE });
    expect(accounts(back.reported).find((a) => a['account'] === 'T1')).toEqual(
      before.accounts.filter((a) => a['account'] === 'T1').at(-1),
    );
    expect(holdings(back.reported)).toEqual([
      { type: 'position', account: 'T1', symbol: 'MNQ', qty: -2, avgPrice: '21000' },
      {
        type: 'order',
        account: 'T1',
        symbol: 'MNQ',
        side: 'buy',
        kind: 'limit',
        qty: 2,
        status: 'working',
        filledQty: 0,
        limitPrice: '20900',
      },
    ]);
    expect(before.holdings).toContainEqual(holdings(back.reported)[1]);
    expect(ofType(back.reported, 'fill').map((f) => f.account)).toEqual(['T1']);
    expect(back.sim.logger.lines.filter((line) => line.level !== 'info' && line.level !== 'debug')).toEqual(
      [],
    );
    await back.sim.broker.stop();
    expect('shelved' in (JSON.parse(readFileSync(stateFile, 'utf8')) as object)).toBe(false);
  });
});

describe('the config as the simulator reads it', () => {
  const document = {
    accounts: {
      A1: { name: 'Apex 1', startingBalance: 50000 },
      A2: { startingBalance: '100000.50' },
      'SIM-50K': { startingBalance: 50000 },
      LIVE: { rules: {} },
    },
  };

  it('every account with a startingBalance, named by `name`, else by its id (SIM-50K: "Sim 50K")', () => {
    const result = validateConfig(document);
    if (!result.ok) throw new Error(result.errors.join('; '));
    expect(
      simAccountsOf(result.config).map((a) => ({ ...a, startingBalance: a.startingBalance.toFixed() })),
    ).toEqual([
      { id: 'A1', name: 'Apex 1', startingBalance: '50000' },
      { id: 'A2', name: 'A2', startingBalance: '100000.5' },
      { id: 'SIM-50K', name: 'Sim 50K', startingBalance: '50000' },
    ]);
  });

  it('an empty name is refused with its path', () => {
    const result = validateConfig({ accounts: { A1: { name: '  ', startingBalance: 50000 } } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([expect.stringContaining('accounts.A1.name')]);
  });

  it('copiers: a simulated leader and its other simulated members; an account follows one leader only', () => {
    const groups = {
      apex: { accounts: ['A1', 'A2', 'A3', 'LIVE'], copier: { leader: 'A1', graceSeconds: 5 } },
      again: { accounts: ['B1', 'A2', 'B2'], copier: { leader: 'B1' } },
      plain: { accounts: ['A1', 'B2'] },
      offSim: { accounts: ['LIVE', 'A3'], copier: { leader: 'LIVE' } },
      strange: 'not a group',
    };
    expect(simCopiersOf({ groups }, ['A1', 'A2', 'A3', 'B1', 'B2'])).toEqual([
      { leader: 'A1', followers: ['A2', 'A3'] },
      { leader: 'B1', followers: ['B2'] },
    ]);
    expect(simCopiersOf({}, ['A1'])).toEqual([]);
    expect(simCopiersOf({ groups: { g: { accounts: ['A1'], copier: null } } }, ['A1'])).toEqual([]);
  });
});
