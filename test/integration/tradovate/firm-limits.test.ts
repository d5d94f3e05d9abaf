// The firm's own limits on a Tradovate account (userAccountAutoLiq) as the adapter reads them from the stream:
// the snapshot's, then an update pushed by the firm, exact (money as sent, the trailing mode and flatten time).
import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNT_A, ACCOUNT_B } from '../../fakes/tradovate-gateway/seed';
import { tradovateHarness, type TradovateHarness } from './harness';

let h: TradovateHarness;
afterEach(async () => {
  await h.stop();
});

describe("the firm's auto-liquidation settings", () => {
  it('are read from the snapshot and follow an update, exact', async () => {
    h = await tradovateHarness();
    await h.start();
    const seeded = {
      source: 'Tradovate auto-liquidation',
      dailyLoss: '1000',
      dailyProfit: null,
      trailingDrawdown: '2000',
      trailingMode: 'EOD',
      flattenAt: null,
      changesLocked: true,
    };
    expect(h.adapter.firmLimits(String(ACCOUNT_A))).toEqual(seeded);
    expect(h.adapter.firmLimits(String(ACCOUNT_B))).toEqual(seeded);
    expect(h.adapter.firmLimits('999')).toBeNull();

    h.gateway.setAutoLiq(ACCOUNT_A, {
      dailyLossAutoLiq: 1000,
      trailingMaxDrawdown: 2500.5,
      trailingMaxDrawdownMode: 'EOD',
      flattenTimestamp: '2026-03-19T20:59:00.000Z',
    });
    await h.until(() => {
      expect(h.adapter.firmLimits(String(ACCOUNT_A))?.flattenAt).not.toBeNull();
    });
    expect(h.adapter.firmLimits(String(ACCOUNT_A))).toEqual({
      source: 'Tradovate auto-liquidation',
      dailyLoss: '1000',
      dailyProfit: null,
      trailingDrawdown: '2500.5',
      trailingMode: 'EOD',
      flattenAt: '2026-03-19T20:59:00.000Z',
      changesLocked: true,
    });
    expect(h.adapter.firmLimits(String(ACCOUNT_B))).toEqual(seeded);
  });
});
