// The audit trail on a real SQLite file, through the core and the simulated broker: every level change is kept
// with its value, limit and threshold; a trailing stop's life (add, activate, update, trigger, remove) is kept as
// risk events; a closed trade keeps its initial risk and R multiple; the history view shows all of it in words.
import { afterEach, describe, expect, it } from 'vitest';
import type { WardenCore } from '../../main/core/types';
import type { Store } from '../../main/store';
import type { HistoryView } from '../../shared/ipc';
import { drain, simCore, waitFor } from '../helpers/sim-core';

let running: { core: WardenCore; store: Store } | null = null;
afterEach(async () => {
  await running?.core.stop();
  running = null;
});

async function setup(rules: string) {
  const { core, broker, clock, store } = await simCore({
    config: `accounts:\n  SIM-50K:\n    startingBalance: 50000\n    rules:\n${rules}`,
    prefix: 'warden-audit-',
    stillMarket: true,
  });
  running = { core, store };
  // A moment passes before each price, as in a market, but less than the core's 1 s clock tick: the quotes alone
  // decide, as the comments say.
  const price = (p: string) => {
    clock.advance(100);
    broker.setPrice('ES', p);
  };
  return { core, price, store, clock };
}

async function history(core: WardenCore): Promise<HistoryView> {
  const response = await core.command('getHistory', { account: 'SIM-50K', days: 7 });
  if (!response.ok) throw new Error(response.error);
  return response.result;
}

describe('the audit trail', () => {
  it('keeps each dailyLoss level change with the loss, the limit and the threshold it crossed', async () => {
    const { core, price, store, clock } = await setup('      dailyLoss: { amount: 300 }\n');
    price('6000.00');
    await core.command('placeOrder', {
      account: 'SIM-50K',
      symbol: 'ES',
      side: 'buy',
      qty: 1,
      kind: 'market',
    });
    // Bought at the ask, 6000.25, with 1.40 of fees: each point down is 50 more loss.
    price('5995.25'); // 251.40: warning at 240
    price('5994.50'); // 288.90: critical at 285
    price('5994.00'); // 313.90: a breach not yet confirmed stays critical
    price('5993.75'); // 326.40: confirmed, flattened
    await waitFor('the flatten to finish', () => store.responses.recent(1)[0]?.outcome === 'flat');
    clock.advance(1000);
    await drain();

    expect(
      store.alerts
        .recent(20)
        .filter((alert) => alert.figures !== undefined)
        .reverse()
        .map((alert) => [alert.level, alert.title, alert.figures]),
    ).toEqual([
      [
        'warning',
        'dailyLoss warning',
        { rule: 'dailyLoss', level: 'warning', value: '251.4', limit: '300', threshold: '240' },
      ],
      [
        'critical',
        'dailyLoss critical',
        { rule: 'dailyLoss', level: 'critical', value: '288.9', limit: '300', threshold: '285' },
      ],
      [
        'critical',
        'dailyLoss breach',
        { rule: 'dailyLoss', level: 'breach', value: '326.4', limit: '300', threshold: '300' },
      ],
    ]);

    const timeline = (await history(core)).timeline;
    expect(
      timeline
        .filter((entry) => entry.rule === 'dailyLoss')
        .reverse()
        .map((entry) => [entry.kind, entry.level, entry.title, entry.value, entry.limit, entry.threshold]),
    ).toEqual([
      ['alert', 'warning', 'dailyLoss warning', '251.4', '300', '240'],
      ['alert', 'critical', 'dailyLoss critical', '288.9', '300', '285'],
      ['alert', 'breach', 'dailyLoss breach', '326.4', '300', '300'],
      ['response', 'flat', 'flatten: dailyLoss: daily loss 326.4 reached 300', null, null, null],
    ]);
    expect(timeline.find((entry) => entry.kind === 'response')?.detail).toMatch(
      /^closePosition ES ok; flat in \d+ ms: 1 position closed, 0 orders cancelled$/,
    );
  });

  it('keeps a trailing stop from add to remove, and the trade it closed with its initial risk and R', async () => {
    const { core, price, store, clock } = await setup(
      '      trailingStop: { activateAfterTicks: 8, trailTicks: 4 }\n',
    );
    price('6000.00');
    const placed = await core.command('placeOrder', {
      account: 'SIM-50K',
      symbol: 'ES',
      side: 'buy',
      qty: 1,
      kind: 'market',
      stopLoss: '5990',
    });
    expect(placed.ok).toBe(true);
    await drain();
    // Bought at 6000.25; the bracket's stop at 5990 puts 10.25 points × 50 = 512.50 at risk.
    price('6002.50'); // 9 ticks up: active, the stop 4 ticks (1.00) behind the best
    price('6003.50'); // a new best moves the stop
    price('6002.50'); // 4 ticks back: first quote
    price('6002.50'); // confirmed: the position is closed at the bid
    await waitFor('the close to finish', () => store.responses.recent(1)[0]?.outcome === 'done');
    clock.advance(1000);
    await drain();

    expect(
      store.riskEvents
        .recent(20)
        .filter((event) => event.kind === 'trailingStop')
        .reverse()
        .map((event) => event.detail),
    ).toEqual([
      { change: 'add', symbol: 'ES', side: 'long', best: '6000.25', stopPrice: null },
      { change: 'activate', symbol: 'ES', side: 'long', best: '6002.5', stopPrice: '6001.5' },
      { change: 'update', symbol: 'ES', side: 'long', best: '6003.5', stopPrice: '6002.5' },
      { change: 'trigger', symbol: 'ES', side: 'long', best: '6003.5', stopPrice: '6002.5' },
      { change: 'remove', symbol: 'ES', side: 'long', best: '6003.5', stopPrice: '6002.5' },
    ]);
    // (6002.50 − 6000.25) × 50 − 2.80 of fees = 109.70; 109.70 / 512.50 = 0.21404 → 0.214 R.
    expect(
      store.history
        .trades('SIM-50K', 0, clock.now() + 1)
        .map((trade) => [trade.exitPrice, trade.netPnl, trade.initialRisk, trade.rMultiple]),
    ).toEqual([['6002.5', '109.70', '512.5', '0.214']]);

    const view = await history(core);
    expect(view.trades.map((trade) => [trade.initialRisk, trade.rMultiple])).toEqual([['512.5', '0.214']]);
    expect(
      view.timeline
        .filter((entry) => entry.rule === 'trailingStop' && entry.kind === 'event')
        .reverse()
        .map((entry) => `${entry.title} | ${entry.detail}`),
    ).toEqual([
      'trailingStop add | ES long: trailing from 6000.25, not active yet',
      'trailingStop activate | ES long: active at best 6002.5, stop 6001.5',
      'trailingStop update | ES long: best 6003.5, stop moved to 6002.5',
      'trailingStop trigger | ES long: retraced to the stop 6002.5 (best 6003.5): closing',
      'trailingStop remove | ES long: removed, position closed (stop was 6002.5)',
    ]);
  });
});
