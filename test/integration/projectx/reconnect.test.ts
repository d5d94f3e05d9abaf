// Reconnects against the fake gateway on real sockets: the SignalR client's own reconnect, the adapter's outer
// loop when the client gives up, the server's close message; each re-subscribes and reconciles from REST, so a
// fill made while the socket was down is not lost.
import { afterEach, describe, expect, it } from 'vitest';
import { decimalsAsStrings } from '../../../shared/domain/money';
import { ACCOUNT_ID, MNQ } from '../../fakes/projectx-gateway/seed';
import { gatewayAndBroker, waitFor } from './harness';

const running: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) await r.stop();
});
async function setup(...args: Parameters<typeof gatewayAndBroker>) {
  const h = await gatewayAndBroker(...args);
  running.push(h);
  return h;
}

const USER_SUBSCRIPTIONS = [
  'accounts',
  `orders:${ACCOUNT_ID}`,
  `positions:${ACCOUNT_ID}`,
  `trades:${ACCOUNT_ID}`,
];
const statuses = (h: Awaited<ReturnType<typeof setup>>) =>
  h.of('connection').map((e) => [e.status, e.detail ?? null]);

describe('reconnecting to ProjectX', () => {
  it('after a dropped socket: reconnects, re-subscribes, and reconciles the fill made meanwhile', async () => {
    const h = await setup({ timing: { reconnectDelaysMs: [0, 200, 400, 800, 1600] } });
    h.gateway.refuseConnections('user', true); // the network is out for a moment
    h.gateway.dropSockets('user');
    await waitFor('reconnecting', () => statuses(h).at(-1)?.[0] === 'reconnecting');
    const [trade] = h.gateway.model.fill(ACCOUNT_ID, MNQ, 0, 2, 21450.25); // pushed to nobody: the socket is down
    h.gateway.refuseConnections('user', false);
    await waitFor('reconciled', () => h.of('fill').length === 1 && statuses(h).at(-1)?.[0] === 'connected');

    expect(statuses(h)).toEqual([
      ['connecting', null],
      ['connected', null],
      ['reconnecting', expect.stringMatching(/^reconnecting: user hub connection lost/) as unknown],
      ['connected', null],
    ]);
    expect(h.of('fill').map((f) => decimalsAsStrings(f))).toEqual([
      {
        type: 'fill',
        t: Date.parse((trade?.entity as { creationTimestamp: string }).creationTimestamp),
        account: String(ACCOUNT_ID),
        id: String((trade?.entity as { id: number }).id),
        orderId: String((trade?.entity as { orderId: number }).orderId),
        symbol: MNQ,
        side: 'buy',
        qty: 2,
        price: '21450.25',
        fees: '0.74',
      },
    ]);
    expect(h.of('position').map((p) => [p.symbol, p.qty])).toEqual([[MNQ, 2]]);
    expect([...(h.gateway.connections('user')[0]?.subscriptions ?? [])]).toEqual(USER_SUBSCRIPTIONS);
    await waitFor(
      'quotes re-subscribed',
      () => h.gateway.connections('market')[0]?.subscriptions.has(`quotes:${MNQ}`) === true,
    );

    // And the live feed flows again on the new connection.
    h.gateway.fill(ACCOUNT_ID, MNQ, 1, 1, 21460.75);
    await waitFor('the live fill', () => h.of('fill').length === 2);
    expect(h.of('fill')[1]?.realizedPnl?.toFixed()).toBe('21');
  });

  it('when the client gives up, the adapter rebuilds the connection with backoff until the gateway takes it', async () => {
    const h = await setup();
    h.gateway.refuseConnections('user', true);
    h.gateway.dropSockets('user');
    await waitFor(
      'the client to give up',
      () => statuses(h).some(([, d]) => d?.startsWith('reconnecting: user hub closed') === true),
      8000,
    );
    h.gateway.model.fill(ACCOUNT_ID, MNQ, 1, 3, 21440);
    h.gateway.refuseConnections('user', false);
    await waitFor(
      'connected again',
      () => statuses(h).at(-1)?.[0] === 'connected' && h.of('fill').length === 1,
      8000,
    );
    expect(h.of('fill').map((f) => [f.side, f.qty, f.price.toFixed()])).toEqual([['sell', 3, '21440']]);
    expect(h.of('position').map((p) => [p.qty, p.avgPrice.toFixed()])).toEqual([[-3, '21440']]);
    expect([...(h.gateway.connections('user')[0]?.subscriptions ?? [])]).toEqual(USER_SUBSCRIPTIONS);
  });

  it('after the server closes the hub with a message, it reconnects and reconciles', async () => {
    const h = await setup();
    h.gateway.closeHubs(undefined, 'Server is shutting down');
    h.gateway.model.fill(ACCOUNT_ID, MNQ, 0, 1, 21450);
    await waitFor(
      'reconciled',
      () => h.of('fill').length === 1 && statuses(h).at(-1)?.[0] === 'connected',
      8000,
    );
    expect(statuses(h).map(([s]) => s)).toContain('reconnecting');
    expect(h.gateway.connections('user')).toHaveLength(1);
  });
});
