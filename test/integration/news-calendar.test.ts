// The news calendar end to end on the real `warden serve` (docs/RULES.md section 12, docs/API.md section 4): the
// host fetches a local fake feed, GET /api/state shows the windows and the feed's status, and a position is
// flattened at the window's start before a High USD release (the core's clock tick on a manual clock), halted
// until its end. A dead feed keeps the cached copy in force; a restart keeps the calendar (journaled).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeNewsCache } from '../../main/feeds/news-cache';
import type { StateView } from '../../shared/ipc';
import { release, startFakeNewsServer, type FakeNewsServer } from '../helpers/fake-news-server';
import { createManualClock, type ManualClock } from '../helpers/manual-clock';
import { serveInProcess, type Served } from '../helpers/serve';

const CONFIG = `
session: { timezone: America/Chicago, dayStart: "17:00", weekStartDay: sunday }
accounts:
  SIM-50K:
    startingBalance: 50000
    rules:
      newsBlackout:
        calendar: { impacts: [High], currencies: [USD], minutesBefore: 2, minutesAfter: 2, flatten: true }
`;
/** Friday 2026-06-05 07:25 in Chicago; Non-Farm Payrolls at 08:30 New York time is 07:30 Chicago (12:30Z). */
const START = Date.parse('2026-06-05T12:25:00Z');
const FROM = Date.parse('2026-06-05T12:28:00Z');
const feedList = [
  release('Non-Farm Payrolls', '2026-06-05T08:30:00-04:00'),
  release('Challenger Job Cuts y/y', '2026-06-05T07:30:00-04:00', 'USD', 'Medium'),
  release('ECB President Speaks', '2026-06-05T08:30:00-04:00', 'EUR', 'High'),
];
const nfpWindow = {
  title: 'Non-Farm Payrolls',
  currency: 'USD',
  impact: 'High',
  at: '2026-06-05T12:30:00.000Z',
  from: '2026-06-05T12:28:00.000Z',
  to: '2026-06-05T12:32:00.000Z',
  flatten: true,
  source: 'calendar',
};

let feed: FakeNewsServer | null = null;
let served: Served | null = null;
afterEach(async () => {
  await served?.stop();
  await feed?.close();
  served = null;
  feed = null;
});

async function serve(
  clock: ManualClock,
  newsUrl?: string,
  dataDir?: string,
  config: string = CONFIG,
): Promise<Served> {
  served = await serveInProcess({
    config,
    clock,
    stillMarket: true,
    ...(newsUrl === undefined ? {} : { newsUrl }),
    ...(dataDir === undefined ? {} : { dataDir }),
  });
  return served;
}

type StateWithAlerts = StateView & {
  alerts: { t: string; level: string; title: string; message: string; notify: boolean }[];
};

async function getState(s: Served): Promise<StateWithAlerts> {
  const response = await fetch(`http://127.0.0.1:${s.server.port}/api/state`, {
    headers: { authorization: `Bearer ${s.token}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as StateWithAlerts;
}

const account = (state: StateView) => {
  const found = state.accounts.find((a) => a.id === 'SIM-50K');
  if (found === undefined) throw new Error('no SIM-50K');
  return {
    state: found.tradingState,
    until: found.lockedUntil,
    positions: found.positions.map((p) => `${p.qty} ${p.symbol}`),
  };
};

describe('the news calendar on warden serve', () => {
  it('shows the windows and the feed, flattens at the window start before a High USD release, halted until its end', async () => {
    feed = await startFakeNewsServer({ kind: 'json', body: feedList });
    const clock = createManualClock(START);
    const s = await serve(clock, feed.url);
    await vi.waitFor(() => {
      expect(s.core.view().calendar?.fetchedAt).toBe('2026-06-05T12:25:00.000Z');
    });
    const before = await getState(s);
    expect(before.news).toEqual([nfpWindow]);
    expect(before.calendar).toEqual({
      source: feed.url,
      fetchedAt: '2026-06-05T12:25:00.000Z',
      stale: false,
      problem: null,
    });
    const placed = await s.core.command('placeOrder', {
      account: 'SIM-50K',
      symbol: 'MNQ',
      side: 'buy',
      qty: 1,
      kind: 'market',
    });
    expect(placed.ok).toBe(true);
    clock.advance(FROM - 1000 - clock.now());
    expect(account(await getState(s))).toEqual({ state: 'active', until: null, positions: ['1 MNQ'] });

    clock.advance(1000);
    await vi.waitFor(() => {
      expect(account(s.core.view()).positions).toEqual([]);
    });
    const during = await getState(s);
    expect(account(during)).toEqual({ state: 'halted', until: '2026-06-05T12:32:00.000Z', positions: [] });
    expect(during.alerts.map(({ t, level, title, message }) => ({ t, level, title, message }))).toEqual([
      {
        t: '2026-06-05T12:28:00.000Z',
        level: 'info',
        title: 'Flatten complete',
        message: 'SIM-50K is flat (0 ms).',
      },
      {
        t: '2026-06-05T12:28:00.000Z',
        level: 'critical',
        title: 'newsBlackout breach',
        message:
          'High USD news: Non-Farm Payrolls at 07:30, blackout until 07:32 CDT. Warden: flatten. Halted until Fri 5 Jun 07:32 CDT.',
      },
    ]);
    expect(during.news).toEqual([nfpWindow]);

    clock.advance(Date.parse(nfpWindow.to) - clock.now());
    const after = await getState(s);
    expect(account(after)).toEqual({ state: 'active', until: null, positions: [] });
    expect(after.news).toEqual([]);
  });

  it('a dead feed no rule relies on is an info line, not a warning that notifies', async () => {
    feed = await startFakeNewsServer({ kind: 'status', status: 503 });
    const clock = createManualClock(START);
    const noCalendar = 'accounts:\n  SIM-50K:\n    startingBalance: 50000\n';
    const s = await serve(clock, feed.url, undefined, noCalendar);
    await vi.waitFor(() => {
      expect(s.core.view().calendar?.stale).toBe(true);
    });
    const told = (await getState(s)).alerts
      .filter((a) => a.title.startsWith('News calendar'))
      .map((a) => ({ level: a.level, notify: a.notify }));
    expect(told).toEqual([{ level: 'info', notify: false }]);
  });

  it('a dead feed (HTTP 503) is a warning, and the cached copy still makes the windows that flatten', async () => {
    feed = await startFakeNewsServer({ kind: 'status', status: 503 });
    const dataDir = mkdtempSync(join(tmpdir(), 'warden-news-serve-'));
    await writeNewsCache(join(dataDir, 'news-calendar.json'), {
      source: feed.url,
      fetchedAt: START - 3_600_000,
      body: JSON.stringify(feedList),
    });
    const clock = createManualClock(START);
    const s = await serve(clock, feed.url, dataDir);
    await vi.waitFor(() => {
      expect(s.core.view().calendar?.stale).toBe(true);
    });
    const state = await getState(s);
    expect(state.news).toEqual([nfpWindow]);
    expect(state.calendar).toEqual({
      source: feed.url,
      fetchedAt: '2026-06-05T11:25:00.000Z',
      stale: true,
      problem: 'fetch failed: HTTP 503',
    });
    expect(state.alerts.filter((a) => a.level === 'warning').map((a) => a.message)).toEqual([
      'news calendar unavailable since Fri 5 Jun 07:25 CDT, using the copy from Fri 5 Jun 06:25 CDT (fetch failed: HTTP 503)',
    ]);
    expect(
      (
        await s.core.command('placeOrder', {
          account: 'SIM-50K',
          symbol: 'MNQ',
          side: 'buy',
          qty: 1,
          kind: 'market',
        })
      ).ok,
    ).toBe(true);
    clock.advance(FROM - clock.now());
    await vi.waitFor(() => {
      expect(account(s.core.view())).toEqual({
        state: 'halted',
        until: '2026-06-05T12:32:00.000Z',
        positions: [],
      });
    });
  });

  it('a restart keeps the calendar (journaled), with the feed off', async () => {
    feed = await startFakeNewsServer({ kind: 'json', body: feedList });
    const clock = createManualClock(START);
    const first = await serve(clock, feed.url);
    await vi.waitFor(() => {
      expect(first.core.view().calendar?.fetchedAt).not.toBeNull();
    });
    const { dataDir } = first;
    await first.stop();
    served = null;
    const second = await serve(clock, undefined, dataDir);
    const state = await getState(second);
    expect(state.calendar).toEqual({
      source: 'off',
      fetchedAt: null,
      stale: false,
      problem: 'the news feed is off (WARDEN_NEWS_URL=off)',
    });
    expect(state.news).toEqual([nfpWindow]);
    expect(feed.requests()).toBe(1);
  });
});
