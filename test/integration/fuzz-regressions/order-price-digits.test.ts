// Found by `npm run fuzz`'s own probe of its checks: an order with a limit price of hundreds of digits reached the
// simulator, but its order event could not be journaled, so the broker held an order the core never knew. Such a
// price is now refused with the command, and the broker and the core still agree.
import { afterEach, describe, expect, it } from 'vitest';
import { simCore } from '../../helpers/sim-core';

const config = 'accounts:\n  SIM-50K: { startingBalance: 50000 }\n';
let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

describe('an order price of hundreds of digits', () => {
  it('is refused with the command, and no order is left at the broker the core does not know', async () => {
    const { core, broker } = await simCore({ config, prefix: 'warden-fuzz-digits-', stillMarket: true });
    stop = () => core.stop();
    const answer = await core.command('placeOrder', {
      account: 'SIM-50K',
      symbol: 'MNQ',
      side: 'buy',
      qty: 1,
      kind: 'limit',
      limitPrice: `1${'0'.repeat(500)}`,
    });
    expect(answer).toEqual({
      ok: false,
      error: 'invalid placeOrder: limitPrice: must be a decimal number of at most 40 characters',
    });
    expect(core.view().accounts.find((a) => a.id === 'SIM-50K')?.orders).toEqual([]);
    expect(broker.ledger()?.working).toEqual([]);
  });

  it('still takes a price of 40 characters', async () => {
    const { core } = await simCore({ config, prefix: 'warden-fuzz-digits-', stillMarket: true });
    stop = () => core.stop();
    const price = `1000.${'0'.repeat(35)}`;
    expect(price).toHaveLength(40);
    const answer = await core.command('placeOrder', {
      account: 'SIM-50K',
      symbol: 'MNQ',
      side: 'buy',
      qty: 1,
      kind: 'limit',
      limitPrice: price,
    });
    expect(answer.ok).toBe(true);
  });
});
