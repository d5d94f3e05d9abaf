// getHistory's equityDay: every equity sample of one trading day of one account (Chicago, days start 17:00 and are
// labelled by the date they end), today's or an earlier day's, exact as stored with the metrics kept beside
// them (none for samples from before schema 5); asked for without an account, refused by name.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { equityDay, tradingDayLabelled } from '../../../main/core/equity-day';
import { buildHistory } from '../../../main/core/history';
import { defaultSession } from '../../../main/engine';
import { memoryLogger } from '../../../main/platform/logger';
import { openStore, type EquitySample, type SampleMetrics, type Store } from '../../../main/store';
import { parseCommand } from '../../../shared/ipc';

let store: Store | undefined;
afterEach(() => {
  store?.close();
  store = undefined;
});

const sample = (
  account: string,
  iso: string,
  equity: string,
  dailyDrawdown = '0.00',
  metrics: SampleMetrics | null = null,
): EquitySample => ({
  account,
  t: Date.parse(iso),
  balance: '50000.00',
  equity,
  dailyNetPnl: (Number(equity) - 50000).toFixed(2),
  dailyDrawdown,
  openQty: 1,
  metrics,
});

/** What a sample recorded since schema 5 carries besides its equity. */
const halted: SampleMetrics = {
  unrealizedPnl: '-99.5',
  dailyRealizedPnl: '-20.25',
  weeklyNetPnl: '-310.75',
  trailingThreshold: '48125.5',
  dailyLossFloor: '49020',
  marginLevel: null,
  tradesToday: 3,
  consecutiveLosses: 2,
  tradingState: 'halted',
};

function storeWithSamples(): Store {
  const opened = openStore(join(mkdtempSync(join(tmpdir(), 'warden-eqday-')), 'warden.db'), {
    logger: memoryLogger(),
  });
  opened.history.sample([
    sample('SIM-50K', '2025-03-11T21:59:59.000Z', '50010.00'), // day 2025-03-11 (ends 17:00 CDT = 22:00Z)
    sample('SIM-50K', '2025-03-11T22:00:00.000Z', '50020.00'), // day 2025-03-12 starts
    sample('SIM-50K', '2025-03-12T15:00:00.000Z', '49880.25', '139.75'),
    sample('SIM-50K', '2025-03-12T21:59:59.999Z', '49900.50', '119.50', halted),
    sample('SIM-50K', '2025-03-12T22:00:00.000Z', '49900.50'), // day 2025-03-13
    sample('PA-150K', '2025-03-12T15:00:00.000Z', '150000.00'),
  ]);
  return opened;
}

const now = Date.parse('2025-03-12T23:00:00.000Z'); // trading day 2025-03-13

describe('equityDay', () => {
  it("gives an earlier day's samples of the account, oldest first, money as stored", () => {
    store = storeWithSamples();
    expect(equityDay(store, defaultSession, 'SIM-50K', '2025-03-12', now)).toEqual({
      day: '2025-03-12',
      today: false,
      samples: [
        {
          t: '2025-03-11T22:00:00.000Z',
          equity: '50020.00',
          dailyNetPnl: '20.00',
          dailyDrawdown: '0.00',
          metrics: null,
        },
        {
          t: '2025-03-12T15:00:00.000Z',
          equity: '49880.25',
          dailyNetPnl: '-119.75',
          dailyDrawdown: '139.75',
          metrics: null,
        },
        {
          t: '2025-03-12T21:59:59.999Z',
          equity: '49900.50',
          dailyNetPnl: '-99.50',
          dailyDrawdown: '119.50',
          metrics: {
            unrealizedPnl: '-99.5',
            dailyRealizedPnl: '-20.25',
            weeklyNetPnl: '-310.75',
            trailingThreshold: '48125.5',
            dailyLossFloor: '49020',
            marginLevel: null,
            tradesToday: 3,
            consecutiveLosses: 2,
            tradingState: 'halted',
          },
        },
      ],
    });
  });

  it("resolves today to its label and gives today's samples so far", () => {
    store = storeWithSamples();
    const today = equityDay(store, defaultSession, 'SIM-50K', 'today', now);
    expect([today.day, today.today, today.samples.map((s) => s.t)]).toEqual([
      '2025-03-13',
      true,
      ['2025-03-12T22:00:00.000Z'],
    ]);
    expect(equityDay(store, defaultSession, 'SIM-50K', '2025-03-13', now).today).toBe(true);
    expect(equityDay(store, defaultSession, 'SIM-50K', '2025-03-10', now).samples).toEqual([]);
  });

  it('comes with the history of one account when asked for, and not otherwise', () => {
    store = storeWithSamples();
    const asked = buildHistory(
      store,
      defaultSession,
      { account: 'SIM-50K', days: 1, equityDay: '2025-03-11' },
      now,
    );
    expect(asked.equityDay?.samples.map((s) => s.equity)).toEqual(['50010.00']);
    expect(
      buildHistory(store, defaultSession, { account: 'SIM-50K', days: 1 }, now).equityDay,
    ).toBeUndefined();
  });

  it('is refused without an account, and for a malformed day', () => {
    expect(parseCommand('getHistory', { equityDay: 'today' })).toEqual({
      ok: false,
      error: expect.stringContaining('equityDay needs an account') as unknown,
    });
    expect(parseCommand('getHistory', { account: 'SIM-50K', equityDay: '2025-02-30' }).ok).toBe(false);
    expect(parseCommand('getHistory', { account: 'SIM-50K', equityDay: 'today' })).toEqual({
      ok: true,
      args: { account: 'SIM-50K', days: 30, equityDay: 'today' },
    });
  });
});

describe('tradingDayLabelled', () => {
  it.each([
    [
      'an ordinary day: 17:00 CDT to 17:00 CDT',
      '2025-03-12',
      '2025-03-11T22:00:00.000Z',
      '2025-03-12T22:00:00.000Z',
    ],
    [
      'the day clocks go forward: 23 hours',
      '2025-03-09',
      '2025-03-08T23:00:00.000Z',
      '2025-03-09T22:00:00.000Z',
    ],
    [
      'the day clocks go back: 25 hours',
      '2025-11-02',
      '2025-11-01T22:00:00.000Z',
      '2025-11-02T23:00:00.000Z',
    ],
  ])('%s', (_, label, start, end) => {
    const day = tradingDayLabelled(label, defaultSession);
    expect(
      day === null ? null : [new Date(day.start).toISOString(), new Date(day.end).toISOString()],
    ).toEqual([start, end]);
  });

  it('is null for text that is not a date', () => {
    expect(tradingDayLabelled('yesterday', defaultSession)).toBeNull();
  });
});
