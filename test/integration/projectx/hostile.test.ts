// Malformed and hostile frames on real sockets: the adapter survives them, changes nothing for them, logs them
// with their content, and reads REST again so that a fill carried by a frame it could not understand is not lost.
import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNT_ID, MNQ } from '../../fakes/projectx-gateway/seed';
import { RS } from '../../fakes/projectx-gateway/hub-protocol';
import { gatewayAndBroker, snapshotsAfter, waitFor } from './harness';

const running: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) await r.stop();
});
async function setup() {
  const h = await gatewayAndBroker();
  running.push(h);
  return h;
}

const HOSTILE: unknown[][] = [
  [null],
  ['a string'],
  [[]],
  [{ action: 0, data: null }],
  [{ action: 0, data: { id: -1 } }],
  [{ action: 0, data: { id: 'DROP TABLE trades', accountId: ACCOUNT_ID } }],
  [JSON.parse('{"__proto__": {"polluted": true}, "id": 1}')],
  [
    {
      action: 0,
      data: {
        id: 2314560001,
        accountId: ACCOUNT_ID,
        contractId: MNQ,
        creationTimestamp: 'now',
        price: 1,
        fees: 0,
        side: 0,
        size: 1,
      },
    },
  ],
  [
    {
      action: 0,
      data: {
        id: 2314560002,
        accountId: ACCOUNT_ID,
        contractId: MNQ,
        creationTimestamp: '2026-03-19T13:12:04Z',
        price: Number.POSITIVE_INFINITY, // JSON has no infinity: it arrives as null
        fees: 0,
        side: 0,
        size: 1,
      },
    },
  ],
  [
    {
      action: 0,
      data: {
        id: 2314560003,
        accountId: ACCOUNT_ID,
        contractId: MNQ,
        creationTimestamp: '2026-03-19T13:12:04Z',
        price: 21450,
        fees: 0,
        side: 0,
        size: 1e9,
      },
    },
  ],
  [
    {
      action: 0,
      data: {
        id: 2314560004,
        accountId: ACCOUNT_ID,
        contractId: 'x'.repeat(100_000),
        creationTimestamp: '2026-03-19T13:12:04Z',
        price: 21450,
        fees: 0,
        side: 0,
        size: 1,
      },
    },
  ],
];

describe('hostile frames from ProjectX', () => {
  it('drops each trade frame it cannot understand, logs it, and loses no fill', async () => {
    const h = await setup();
    for (const args of HOSTILE) h.gateway.invoke('user', 'GatewayUserTrade', args);
    // A real fill whose frame arrives broken (its price missing): REST still knows it.
    const [real] = h.gateway.model.fill(ACCOUNT_ID, MNQ, 0, 2, 21450.25);
    h.gateway.invoke('user', 'GatewayUserTrade', [
      { action: 0, data: { ...real?.entity, price: undefined } },
    ]);
    await waitFor('the resync', () => h.of('fill').length === 1);

    expect(h.of('fill').map((f) => [f.id, f.side, f.qty, f.price.toFixed(), f.fees.toFixed()])).toEqual([
      [String((real?.entity as { id: number }).id), 'buy', 2, '21450.25', '0.74'],
    ]);
    const dropped = h.logger.lines.filter((l) => l.message === 'hub frame not understood, dropped');
    expect(dropped).toHaveLength(HOSTILE.length - 1 + 1); // `[[]]` is an empty list: nothing in it to drop
    expect(dropped.every((l) => typeof l.context?.frame === 'string' && l.context.frame.length <= 2030)).toBe(
      true,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(h.of('connection').at(-1)?.status).toBe('connected');
    expect(h.gateway.callsTo('Trade/search').length).toBeGreaterThanOrEqual(2); // the snapshot, then the resync
  });

  it('survives a frame that breaks the hub protocol itself: reconnects and reconciles', async () => {
    const h = await setup();
    h.gateway.sendRaw('user', `this is not JSON${RS}`);
    h.gateway.model.fill(ACCOUNT_ID, MNQ, 1, 1, 21440.5);
    await waitFor(
      'reconciled',
      () => h.of('fill').length === 1 && h.of('connection').at(-1)?.status === 'connected',
    );
    expect(h.of('connection').map((c) => c.status)).toEqual([
      'connecting',
      'connected',
      'reconnecting',
      'connected',
    ]);
    h.gateway.fill(ACCOUNT_ID, MNQ, 0, 1, 21441);
    await waitFor('the next live fill', () => h.of('fill').length === 2);
    expect(h.of('fill').map((f) => [f.side, f.price.toFixed()])).toEqual([
      ['sell', '21440.5'],
      ['buy', '21441'],
    ]);
  });

  it('ignores unknown targets, bad positions, orders, accounts and quotes without changing anything', async () => {
    const h = await setup();
    const before = h.events.length;
    h.gateway.invoke('user', 'GatewaySomethingNew', [{ id: 1 }]);
    h.gateway.invoke('user', 'GatewayUserPosition', [{ action: 1, data: { id: 5, size: 'many' } }]);
    h.gateway.invoke('user', 'GatewayUserOrder', [
      { action: 1, data: { id: 77, status: 42, accountId: ACCOUNT_ID, contractId: MNQ, side: 0, size: 1 } },
    ]);
    h.gateway.invoke('user', 'GatewayUserAccount', [
      { action: 1, data: { id: ACCOUNT_ID, balance: 'lots' } },
    ]);
    h.gateway.invoke('market', 'GatewayQuote', [MNQ, 'not a quote']);
    h.gateway.invoke('market', 'GatewayQuote', [{ bestBid: 1 }]);
    h.gateway.fill(ACCOUNT_ID, MNQ, 0, 1, 21450); // a good frame after the bad ones still counts
    await waitFor('the good fill', () => h.of('fill').length === 1);
    // The resyncs the bad frames asked for, and the two bad quotes on the other hub.
    const logged = (message: string) => h.logger.lines.filter((l) => l.message === message).length;
    const resyncs = () => logged('resync from REST requested');
    await waitFor(
      'the resyncs and the bad quotes',
      () =>
        resyncs() > 0 &&
        snapshotsAfter(h.events, before) === resyncs() &&
        logged('quote not understood, dropped') >= 2,
    );
    const after = h.events.slice(before);
    expect(after.filter((e) => e.type === 'order' || e.type === 'quote')).toEqual([]);
    expect(after.filter((e) => e.type === 'account').map((e) => e.balance.toFixed())).not.toContain('lots');
    expect(
      after
        .filter((e) => e.type === 'account')
        .at(-1)
        ?.balance.toFixed(),
    ).toBe('49999.63');
    expect(h.of('fill').map((f) => [f.side, f.qty, f.price.toFixed()])).toEqual([['buy', 1, '21450']]);
    expect(h.of('position').at(-1)?.qty).toBe(1);
    expect(
      h.logger.lines
        .filter((l) => l.message === 'hub frame not understood, dropped')
        .map((l) => l.context?.error),
    ).toEqual([
      'size: Invalid input: expected number, received string (got "many")',
      'order 77: unknown status 42',
      'balance: must be a decimal number (got "lots")',
    ]);
    expect(h.logger.lines.filter((l) => l.message === 'quote not understood, dropped')).toHaveLength(2);
  });
});
