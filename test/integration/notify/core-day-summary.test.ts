// The day summary at the roll (docs/RULES.md section 13), from the real core to the fake Bot API over a real socket:
// SIM-50K breaches its daily loss in the morning, Warden is restarted in the afternoon, and at 17:00 Chicago the
// phone hears the day's net, trades, the breach (counted from the store, as the History screen counts it, so the
// restart loses nothing) and the state the day ended in.
import { afterEach, describe, expect, it } from 'vitest';
import { remoteCore, sentTexts, type RemoteCore } from '../../helpers/remote-core';

let running: RemoteCore | null = null;
afterEach(async () => {
  await running?.stop();
  running = null;
});

/** 16:59 CDT on the breach's day: a minute before the roll. */
const BEFORE_ROLL = Date.parse('2026-05-05T21:59:00Z');

describe('the day summary at the roll', () => {
  it('after a breach and a restart: net, trades, 1 breach and halted, as the History screen has the day', async () => {
    running = await remoteCore();
    const { core, broker, bot, dir } = running;
    broker.setPrice('ES', '6000.00');
    expect(
      (
        await core.command('placeOrder', {
          account: 'SIM-50K',
          symbol: 'ES',
          side: 'buy',
          qty: 1,
          kind: 'market',
        })
      ).ok,
    ).toBe(true);
    for (const price of ['5984.25', '5981.25', '5980.25']) broker.setPrice('ES', price); // warning, critical, past
    // The confirming quote: −1,013.90 open, breach; closed at 5,980.00: −1,012.50 and 2 × 1.40 fees, −1,015.30.
    broker.setPrice('ES', '5980.00');
    await expect
      .poll(() => sentTexts(bot).some((text) => text.startsWith('SIM-50K: Flatten complete')), {
        timeout: 10_000,
      })
      .toBe(true);
    await running.stop();

    running = await remoteCore({ dir, at: BEFORE_ROLL });
    const after = running;
    expect(after.core.view().accounts.find((a) => a.id === 'SIM-50K')?.tradingState).toBe('halted');
    const history = await after.core.command('getHistory', { account: 'SIM-50K', days: 1 });
    if (!history.ok) throw new Error(history.error);
    expect(history.result.days.map((d) => [d.day, d.netPnl, d.trades, d.breaches])).toEqual([
      ['2026-05-05', '-1015.30', 1, 1],
    ]);

    after.clock.advance(2 * 60_000);
    await after.bot.waitForCalls('sendMessage', 1);
    expect(sentTexts(after.bot)).toEqual([
      'SIM-50K day 2026-05-05\nNet −1,015.30, 1 trade, 1 breach, ended halted.',
    ]);
  });
});
