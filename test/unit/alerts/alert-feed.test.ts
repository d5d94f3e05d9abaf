// The alert feed: what the trader is told is kept (a real SQLite file), shown newest first and pushed; while the
// commands of an acting decision are on their way it is held, then told in the order raised, each with the time
// it was raised.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AlertView } from '../../../shared/ipc';
import { createAlertFeed } from '../../../main/alerts/alert-feed';
import { memoryLogger } from '../../../main/platform/logger';
import { openStore, type Store } from '../../../main/store';
import { createManualClock } from '../../helpers/manual-clock';

const T0 = Date.parse('2026-05-05T14:30:00Z');
const stores: Store[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

function feed() {
  const clock = createManualClock(T0);
  const logger = memoryLogger();
  const store = openStore(join(mkdtempSync(join(tmpdir(), 'warden-feed-')), 'warden.db'), { logger, clock });
  stores.push(store);
  const pushed: AlertView[] = [];
  const alerts = createAlertFeed({ store: store.alerts, clock, logger, onAlert: (a) => pushed.push(a) });
  const kept = () => store.alerts.recent(10).map((a) => `${a.t} ${a.title}`);
  return { alerts, clock, store, pushed, kept, logger };
}

/** Resolves once the turn's microtasks and the immediates queued before it have run. */
const turnEnded = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the alert feed', () => {
  it('tells an alert at once: kept, shown first and pushed', () => {
    const { alerts, pushed, kept } = feed();
    alerts.raise('warning', 'A1', 'dailyLoss warning', 'Daily loss 240 of 300.');
    expect(kept()).toEqual(['2026-05-05T14:30:00.000Z dailyLoss warning']);
    expect(alerts.recent.map((a) => a.title)).toEqual(['dailyLoss warning']);
    expect(pushed.map((a) => [a.level, a.account, a.title, a.notify])).toEqual([
      ['warning', 'A1', 'dailyLoss warning', true],
    ]);
  });

  it('holds what is raised while commands leave, and tells it in order after the turn, at the times raised', async () => {
    const { alerts, clock, pushed, kept } = feed();
    alerts.holdForCommands();
    alerts.raise('critical', 'A1', 'dailyLoss breach', 'Daily loss 312 reached 300. Warden: flatten.');
    clock.advance(250);
    alerts.raise('info', 'A1', 'Lock lifted', 'The tradeCount lock has ended.');
    alerts.holdForCommands(); // a second acting decision in the same turn: still one release
    let sentBeforeTelling: string[] | null = null;
    queueMicrotask(() => {
      sentBeforeTelling = kept(); // where a command is handed to the broker
    });
    expect(kept()).toEqual([]);
    expect(pushed).toEqual([]);
    expect(alerts.recent).toEqual([]);

    await turnEnded();
    expect(sentBeforeTelling).toEqual([]);
    expect(kept()).toEqual([
      '2026-05-05T14:30:00.250Z Lock lifted',
      '2026-05-05T14:30:00.000Z dailyLoss breach',
    ]);
    expect(pushed.map((a) => a.title)).toEqual(['dailyLoss breach', 'Lock lifted']);
    expect(alerts.recent.map((a) => a.title)).toEqual(['Lock lifted', 'dailyLoss breach']);

    alerts.raise('warning', 'A2', 'tradeCount warning', '4 trades of 5.');
    expect(pushed.map((a) => a.title)).toEqual(['dailyLoss breach', 'Lock lifted', 'tradeCount warning']);
  });

  it('tells what it holds when asked (at stop), once', async () => {
    const { alerts, pushed, kept } = feed();
    alerts.holdForCommands();
    alerts.raise('critical', 'A1', 'dailyLoss breach', 'Daily loss 312 reached 300. Warden: flatten.');
    alerts.tellHeld();
    expect(kept()).toEqual(['2026-05-05T14:30:00.000Z dailyLoss breach']);
    await turnEnded();
    expect(pushed.map((a) => a.title)).toEqual(['dailyLoss breach']);
    expect(kept()).toHaveLength(1);
  });

  it('logs a held alert the store cannot take, naming it, and goes on with the next', () => {
    const { alerts, store, pushed, logger } = feed();
    alerts.holdForCommands();
    alerts.raise('critical', 'A1', 'dailyLoss breach', 'Daily loss 312 reached 300. Warden: flatten.');
    alerts.raise('info', 'A1', 'Flatten complete', 'A1 is flat.');
    store.close();
    alerts.tellHeld();
    expect(pushed).toEqual([]);
    expect(logger.lines.filter((l) => l.level === 'error')).toEqual([
      {
        level: 'error',
        message: 'alert not kept',
        context: { title: 'dailyLoss breach', reason: 'The database connection is not open' },
      },
      {
        level: 'error',
        message: 'alert not kept',
        context: { title: 'Flatten complete', reason: 'The database connection is not open' },
      },
    ]);
  });
});
