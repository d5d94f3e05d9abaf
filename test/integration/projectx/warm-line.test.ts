// The ProjectX adapter keeps a REST connection open while it is connected, so the command that protects an account
// never waits for a connection of its own: against the fake gateway on real sockets, which lets its idle
// connections go when the test says so (a server's idle timeout).
import { afterEach, describe, expect, it } from 'vitest';
import { openConnections } from '../../../main/broker/json-request';
import { ACCOUNT_ID, MNQ } from '../../fakes/projectx-gateway/seed';
import { gatewayAndBroker, waitFor } from './harness';

const ACCOUNT = String(ACCOUNT_ID);
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of cleanup.splice(0).reverse()) await stop();
});

describe('the warm line to the ProjectX gateway', () => {
  it('opens a new connection with a ping each time the idle one closes, and a close goes out on it', async () => {
    const h = await gatewayAndBroker();
    cleanup.push(() => h.stop());
    const { pings } = h.gateway;
    const open = () => openConnections(h.gateway.url);
    await waitFor('the connect', () => h.of('connection').some((e) => e.status === 'connected'));
    const connected = h.gateway.calls.length;
    const reconciledOn = h.gateway.calls.at(-1)?.connection;
    expect(open()).toBe(1);
    expect(pings).toEqual([]);

    for (const n of [1, 2]) {
      h.gateway.closeIdleConnections();
      await waitFor(`ping ${n} answered`, () => pings.length === n && open() === 1);
    }
    // Nothing but the pings after the connect, each on a new connection, with no token.
    expect(h.gateway.calls.length).toBe(connected);
    expect(pings.map((c) => [c.endpoint, c.connection, c.token])).toEqual([
      ['Status/ping', (reconciledOn ?? 0) + 1, null],
      ['Status/ping', (reconciledOn ?? 0) + 2, null],
    ]);

    h.gateway.quote(MNQ, { bestBid: 21450, bestAsk: 21450.25, lastPrice: 21450 });
    h.gateway.fill(ACCOUNT_ID, MNQ, 0, 1, 21450.25);
    await waitFor('the position', () => h.of('position').some((p) => p.qty === 1));
    const closed = await h.broker.execute({ type: 'closePosition', account: ACCOUNT, symbol: MNQ });
    expect(closed).toEqual({ ok: true });
    expect(
      h.gateway
        .callsTo('Position/closeContract')
        .map((c) => [c.body.accountId, c.body.contractId, c.connection]),
    ).toEqual([[ACCOUNT_ID, MNQ, (reconciledOn ?? 0) + 2]]);
  });
});
