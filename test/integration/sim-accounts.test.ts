// The core on the simulator, started as a host starts it (startCore): the config's accounts with a
// startingBalance are the simulator's accounts, with their names and balances, and a restart keeps their ledgers.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCore } from '../../main/core/start';
import type { WardenCore } from '../../main/core/types';
import { memoryLogger } from '../../main/platform/logger';
import { createManualClock, type ManualClock } from '../helpers/manual-clock';
import { TUESDAY_MORNING } from '../helpers/sim-core';

const CONFIG = `
accounts:
  APEX-1:
    name: Apex 50K one
    startingBalance: 50000
  APEX-2:
    name: Apex 50K two
    startingBalance: 50000
  TOPSTEP-150:
    startingBalance: 150000.50
  LIVE-ONLY:
    rules:
      maxContracts: { total: 3 }
`;

async function open(dataDir: string, at: number | ManualClock, demo = false): Promise<WardenCore> {
  return startCore({
    dataDir,
    broker: 'sim',
    demo,
    logger: memoryLogger(),
    clock: typeof at === 'number' ? createManualClock(at) : at,
    configPath: join(dataDir, 'config.yaml'),
  });
}

function accounts(core: WardenCore) {
  return core.view().accounts.map((a) => ({
    id: a.id,
    name: a.name,
    balance: a.metrics.balance,
    positions: a.positions.map((p) => `${p.qty} ${p.symbol} @ ${p.avgPrice}`),
  }));
}

async function ok<T>(promise: Promise<{ ok: true; result: T } | { ok: false; error: string }>): Promise<T> {
  const answer = await promise;
  if (!answer.ok) throw new Error(answer.error);
  return answer.result;
}

describe('simulator accounts from the config, through the core', () => {
  it('the core sees the three configured accounts with their names and balances; a restart keeps their ledgers', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'warden-sim-accounts-'));
    writeFileSync(join(dataDir, 'config.yaml'), CONFIG);
    const first = await open(dataDir, TUESDAY_MORNING);
    expect(accounts(first)).toEqual([
      { id: 'APEX-1', name: 'Apex 50K one', balance: '50000', positions: [] },
      { id: 'APEX-2', name: 'Apex 50K two', balance: '50000', positions: [] },
      { id: 'TOPSTEP-150', name: 'TOPSTEP-150', balance: '150000.5', positions: [] },
    ]);
    await ok(
      first.command('placeOrder', { account: 'APEX-2', symbol: 'ES', side: 'buy', qty: 2, kind: 'market' }),
    );
    await ok(
      first.command('placeOrder', {
        account: 'TOPSTEP-150',
        symbol: 'MNQ',
        side: 'sell',
        qty: 1,
        kind: 'market',
      }),
    );
    const traded = accounts(first);
    expect(traded).toEqual([
      { id: 'APEX-1', name: 'Apex 50K one', balance: '50000', positions: [] },
      { id: 'APEX-2', name: 'Apex 50K two', balance: '49997.2', positions: ['2 ES @ 6000.25'] },
      { id: 'TOPSTEP-150', name: 'TOPSTEP-150', balance: '150000.13', positions: ['-1 MNQ @ 21000'] },
    ]);
    await first.stop();

    const second = await open(dataDir, TUESDAY_MORNING + 60_000);
    expect(accounts(second)).toEqual(traded);
    await second.stop();
  });

  it('with --demo, a group copier from the config copies the leader’s trades to the followers', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'warden-sim-copier-'));
    const groups = `
groups:
  apex:
    name: Apex 50Ks
    accounts: [APEX-1, APEX-2]
    copier: { leader: APEX-1 }
`;
    writeFileSync(join(dataDir, 'config.yaml'), CONFIG + groups);
    const clock = createManualClock(TUESDAY_MORNING);
    const core = await open(dataDir, clock, true);
    const held = (id: string): string[] => accounts(core).find((a) => a.id === id)?.positions ?? [];
    const symbols = (id: string): string[] => held(id).map((p) => p.split(' ')[1] ?? '');
    let waited = 0;
    while (held('APEX-1').length === 0 && waited < 60_000) {
      clock.advance(100);
      waited += 100;
    }
    expect(held('APEX-1')).toHaveLength(1);
    expect(held('APEX-2')).toEqual([]);
    clock.advance(1_000);
    expect(symbols('APEX-2')).toEqual(symbols('APEX-1'));
    expect(held('APEX-2').map((p) => p.split(' ')[0])).toEqual(held('APEX-1').map((p) => p.split(' ')[0]));
    await core.stop();
  });
});
