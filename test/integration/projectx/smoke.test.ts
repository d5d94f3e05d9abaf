import { describe, expect, it } from 'vitest';
import { gatewayAndBroker, waitFor } from './harness';
import { ACCOUNT_ID, MNQ } from '../../fakes/projectx-gateway/seed';

describe('smoke', () => {
  it('connects', async () => {
    const h = await gatewayAndBroker();
    console.log(h.events.map((e) => JSON.stringify(e)));
    h.gateway.fill(ACCOUNT_ID, MNQ, 0, 2, 21450.25);
    await waitFor('fill', () => h.of('fill').length === 1);
    await waitFor('pos', () => h.of('position').length === 1);
    console.log(h.events.map((e) => JSON.stringify(e)));
    console.log(h.logger.lines);
    console.log(h.gateway.connections().map((c) => [c.hub, [...c.subscriptions]]));
    await h.stop();
    expect(1).toBe(1);
  });
});
