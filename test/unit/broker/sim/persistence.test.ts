// The book lives outside the app: positions, working orders, balance and id counters survive a restart of
// Warden, and a file that cannot be read is moved aside, never deleted.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BrokerEvent } from '../../../../shared/domain/events';
import { ACCOUNT, START_MS, order, plainAll, startSim, tempStateFile } from './sim-harness';

/** The snapshot minus the parts that do not belong to the book (instruments, quotes, connection). */
function book(events: readonly BrokerEvent[]): Record<string, unknown>[] {
  return plainAll(events.filter((e) => ['account', 'position', 'order', 'fill'].includes(e.type))).map(
    ({ t: _t, ...rest }) => rest,
  );
}

async function tradedSession(stateFile: string): Promise<BrokerEvent[]> {
  const sim = await startSim({ stateFile });
  sim.broker.setPrice('MNQ', '21000');
  await sim.broker.execute(
    order({
      symbol: 'MNQ',
      side: 'buy',
      qty: 2,
      kind: 'market',
      stopLossPrice: '20900',
      takeProfitPrice: '21100',
    }),
  );
  await sim.broker.execute(order({ symbol: 'ES', side: 'sell', qty: 1, kind: 'limit', limitPrice: '6100' }));
  sim.clock.advance(1000); // a few quotes: far from the bracket and the limit
  await sim.broker.stop();
  return sim.events;
}

describe('restart', () => {
  it('a new broker on the same file reports the same positions, working orders, fills and balance', async () => {
    const stateFile = tempStateFile();
    await tradedSession(stateFile);
    const again = await startSim({ stateFile, seed: 99 });
    const snapshot = again.events;
    expect(snapshot[0]).toMatchObject({ type: 'connection', status: 'connecting' });
    expect(snapshot.at(-1)).toMatchObject({ type: 'connection', status: 'connected' });
    expect(book(snapshot)).toMatchObject([
      // The engine's order: the balance (which holds every fill's cash), the fills, then the positions; but this
      // fill is of the snapshot's own millisecond (both sessions start at START_MS), so it goes before the balance,
      // as brokers send a fill before the balance that books it (after it, the engine would count it twice).
      { type: 'fill', symbol: 'MNQ', qty: 2, price: '21000.25', fees: '0.74' },
      { type: 'account', account: ACCOUNT, balance: '49999.26', usedMargin: '200' },
      { type: 'position', symbol: 'MNQ', qty: 2, avgPrice: '21000.25' },
      { type: 'order', symbol: 'MNQ', kind: 'stop', stopPrice: '20900', qty: 2, status: 'working' },
      { type: 'order', symbol: 'MNQ', kind: 'limit', limitPrice: '21100', qty: 2, status: 'working' },
      { type: 'order', symbol: 'ES', kind: 'limit', limitPrice: '6100', qty: 1, status: 'working' },
    ]);
    await again.broker.stop();
  });

  it('working orders keep working after the restart, and ids never repeat', async () => {
    const stateFile = tempStateFile();
    const first = await tradedSession(stateFile);
    const again = await startSim({ stateFile });
    again.broker.setPrice('MNQ', '21100'); // take profit
    await again.broker.execute(order({ symbol: 'CL', side: 'buy', qty: 1, kind: 'market' }));
    const ids = (events: BrokerEvent[], type: 'order' | 'fill'): Set<string> =>
      new Set(events.flatMap((e) => (e.type === type ? [e.id] : [])));
    const newFills = [...ids(again.events, 'fill')].filter((id) => !ids(first, 'fill').has(id));
    expect(newFills).toHaveLength(2);
    const placedAfter = again.events.filter((e) => e.type === 'order' && e.kind === 'market');
    expect(placedAfter).toHaveLength(1);
    expect(ids(first, 'order').has(placedAfter[0]?.type === 'order' ? placedAfter[0].id : '')).toBe(false);
    expect(plainAll(again.take()).filter((e) => e.type === 'fill')).toMatchObject([
      { symbol: 'MNQ', price: '21100', realizedPnl: '399' }, // (21100 − 21000.25) × 2 × 2
      { symbol: 'CL' },
    ]);
    await again.broker.stop();
  });

  it('replays only the fills at or after the resume point', async () => {
    const stateFile = tempStateFile();
    const sim = await startSim({ stateFile });
    await sim.broker.execute(order({ symbol: 'MES', side: 'buy', qty: 1, kind: 'market' }));
    sim.clock.advance(5000);
    await sim.broker.execute(order({ symbol: 'MES', side: 'buy', qty: 1, kind: 'market' }));
    await sim.broker.stop();
    const fillTimes = async (lastFillAt: number | null): Promise<number[]> => {
      const again = await startSim({ stateFile, lastFillAt });
      await again.broker.stop();
      return again.events.flatMap((e) => (e.type === 'fill' ? [e.t] : []));
    };
    expect(await fillTimes(null)).toEqual([START_MS, START_MS + 5000]);
    expect(await fillTimes(START_MS + 5000)).toEqual([START_MS + 5000]);
    expect(await fillTimes(START_MS + 5001)).toEqual([]);
  });

  it('what the engine holds and the book no longer has is reported cancelled and closed; the rest stands', async () => {
    const stateFile = tempStateFile();
    await tradedSession(stateFile);
    const working = await workingOrders(stateFile);
    expect(working.map((o) => o.symbol)).toEqual(['MNQ', 'MNQ', 'ES']);
    const stop = working[0];
    if (stop === undefined) throw new Error('no working order');
    const again = await startSim({
      stateFile,
      held: [
        {
          account: ACCOUNT,
          orders: [
            { id: stop.id, symbol: 'MNQ', side: 'sell', kind: 'stop', qty: 2 },
            { id: 'O-gone-1', symbol: 'NQ', side: 'buy', kind: 'limit', qty: 3 },
          ],
          positions: ['MNQ', 'CL'],
        },
      ],
    });
    const book = plainAll(again.events.filter((e) => e.type === 'position' || e.type === 'order')).map(
      ({ t: _t, ...rest }) => rest,
    );
    expect(book.filter((e) => e.type === 'position')).toEqual([
      { type: 'position', account: ACCOUNT, symbol: 'MNQ', qty: 2, avgPrice: '21000.25' },
      { type: 'position', account: ACCOUNT, symbol: 'CL', qty: 0, avgPrice: '0' },
    ]);
    expect(book.filter((e) => e.type === 'order').map((e) => [e.id, e.symbol, e.status])).toEqual([
      ...working.map((o) => [o.id, o.symbol, 'working']),
      ['O-gone-1', 'NQ', 'cancelled'],
    ]);
    expect(book.at(-1)).toEqual({
      type: 'order',
      account: ACCOUNT,
      id: 'O-gone-1',
      symbol: 'NQ',
      side: 'buy',
      kind: 'limit',
      qty: 3,
      status: 'cancelled',
    });
    await again.broker.stop();
  });

  it('the market starts again where it was', async () => {
    const stateFile = tempStateFile();
    const sim = await startSim({ stateFile });
    sim.broker.setPrice('GC', '2712.3');
    await sim.broker.stop();
    const again = await startSim({ stateFile });
    expect(plainAll(again.events.filter((e) => e.type === 'quote' && e.symbol === 'GC'))).toMatchObject([
      { bid: '2712.3', ask: '2712.4' },
    ]);
    await again.broker.stop();
  });

  it('last prices alone are written every few seconds, not on every quote', async () => {
    const stateFile = tempStateFile();
    const sim = await startSim({ stateFile });
    const writtenAt = (): number =>
      (JSON.parse(readFileSync(stateFile, 'utf8')) as { savedAt: number }).savedAt;
    const before = writtenAt();
    sim.clock.advance(4000);
    expect(writtenAt()).toBe(before);
    sim.clock.advance(1000);
    expect(writtenAt()).toBe(START_MS + 5000);
    await sim.broker.stop();
    expect(sim.clock.pendingTimers()).toBe(0);
  });
});

describe('an unreadable state file', () => {
  it.each([
    ['not JSON', '{"version": 1, "accounts": [', /JSON/],
    ['a bad balance', 'BAD_BALANCE', /accounts\.0\.balance: must be a decimal string/],
    ['a newer version', '{"version": 7}', /written by a newer version of Warden \(file version 7\)/],
  ])('%s: is moved aside, the reason is logged, the broker starts fresh', async (_name, content, reason) => {
    const stateFile = tempStateFile();
    await tradedSession(stateFile);
    const broken =
      content === 'BAD_BALANCE'
        ? readFileSync(stateFile, 'utf8').replace(/"balance":"[^"]+"/, '"balance":"lots"')
        : content;
    writeFileSync(stateFile, broken);
    const sim = await startSim({ stateFile });
    const aside = readdirSync(dirname(stateFile)).filter((name) =>
      name.startsWith('sim-broker.json.corrupt-'),
    );
    expect(aside).toEqual(['sim-broker.json.corrupt-2025-01-06T15-00-00-000Z']);
    expect(readFileSync(`${dirname(stateFile)}/${aside[0] ?? ''}`, 'utf8')).toBe(broken);
    const logged = sim.logger.lines.find((line) => line.level === 'error');
    expect(logged?.message).toMatch(/moved aside/);
    expect(String(logged?.context?.reason)).toMatch(reason);
    expect(book(sim.events)).toMatchObject([{ type: 'account', balance: '50000' }]);
    expect(existsSync(stateFile)).toBe(true);
    await sim.broker.stop();
  });

  it('a missing file is not an error: the broker starts fresh with the starting balance', async () => {
    const sim = await startSim({ startingBalance: '150000' });
    expect(book(sim.events)).toEqual([
      {
        type: 'account',
        account: ACCOUNT,
        name: 'Sim 50K',
        balance: '150000',
        canTrade: true,
        usedMargin: '0',
      },
    ]);
    expect(sim.logger.lines.filter((line) => line.level === 'error')).toEqual([]);
    await sim.broker.stop();
  });
});

/** The working orders in a stored book, as its snapshot reports them. */
async function workingOrders(stateFile: string): Promise<{ id: string; symbol: string }[]> {
  const sim = await startSim({ stateFile });
  await sim.broker.stop();
  return sim.events.flatMap((e) =>
    e.type === 'order' && e.status === 'working' ? [{ id: e.id, symbol: e.symbol }] : [],
  );
}
