// @vitest-environment jsdom
// The news panel (docs/RULES.md section 12): the blackout windows ahead with live countdowns on the core's clock
// (the local clock plus the offset measured from serverTime), the one in force with its end, and the calendar's
// state: off (muted), fresh (muted, its age), stale (amber, why and how old the copy in use is).
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { calendarLine, windowStatus } from '../../../renderer/src/features/news/news-figures';
import type { StateView } from '../../../shared/ipc';
import {
  buildFixtureState,
  fixtureCalendar,
  fixtureNews,
  FIXTURE_SERVER_TIME,
} from '../../helpers/fixture-state';
import { renderWithState } from './harness';

const serverNow = Date.parse(FIXTURE_SERVER_TIME);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
  vi.setSystemTime(serverNow);
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** "15:32" in this machine's time zone, as the panel shows a time of day. */
const hhmm = (iso: string) => {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

const panel = () => within(screen.getByTestId('news-panel'));
const windows = () =>
  panel()
    .queryAllByTestId('news-window')
    .map((li) => li.textContent);

function renderNews(overrides: Partial<StateView> = {}) {
  return renderWithState(
    buildFixtureState({ news: fixtureNews(), calendar: fixtureCalendar(), ...overrides }),
  );
}

describe('the news panel', () => {
  it('lists the windows soonest first: the one in force with its end, the next with their countdowns', () => {
    renderNews();
    expect(windows()).toEqual([
      `Fed Chair Powell Speaks · USD High · in blackout until ${hhmm('2025-03-12T15:32:00.000Z')}`,
      'NFP · USD High · flattens in 12m 04s',
      'ECB Press Conference · EUR High · blackout in 2h 13m 00s',
    ]);
    const [inForce, next] = panel().getAllByTestId('news-window');
    expect(inForce?.className).toBe('news-window news-in news-flatten');
    expect(next?.className).toBe('news-window news-ahead news-flatten');
    expect(next?.getAttribute('title')).toBe(
      `at ${hhmm('2025-03-12T15:44:04.000Z')} · blackout ${hhmm('2025-03-12T15:42:04.000Z')}–${hhmm('2025-03-12T15:46:04.000Z')} · from the calendar`,
    );
    expect(panel().getByTestId('news-calendar').textContent).toBe('News calendar updated 3 h ago');
  });

  it('counts down each second, and drops a window once it is over', () => {
    renderNews();
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(windows()[1]).toBe('NFP · USD High · flattens in 12m 03s');
    act(() => {
      vi.advanceTimersByTime(2 * 60_000);
    });
    expect(windows()).toEqual([
      'NFP · USD High · flattens in 10m 03s',
      'ECB Press Conference · EUR High · blackout in 2h 10m 59s',
    ]);
  });

  it("counts on the core's clock: a machine 90 s slow still shows the core's countdown", () => {
    vi.setSystemTime(serverNow - 90_000);
    renderNews();
    expect(windows()[1]).toBe('NFP · USD High · flattens in 12m 04s');
  });

  it('the window in force once its start is passed', () => {
    renderNews();
    act(() => {
      vi.advanceTimersByTime(12 * 60_000 + 4000);
    });
    expect(windows()[0]).toBe(`NFP · USD High · in blackout until ${hhmm('2025-03-12T15:46:04.000Z')}`);
  });

  it("leaves out currency and impact for a window of the config's own that has none", () => {
    const [, nfp] = fixtureNews();
    if (nfp === undefined) throw new Error('fixture has no NFP window');
    renderNews({ news: [{ ...nfp, title: 'Manual CPI', currency: '', impact: '', source: 'manual' }] });
    expect(windows()).toEqual(['Manual CPI · flattens in 12m 04s']);
  });

  it('says so when there is no window ahead, and when the calendar is off', () => {
    renderNews({ news: [], calendar: null });
    expect(panel().getByTestId('news-empty').textContent).toBe('No blackout windows ahead');
    const line = panel().getByTestId('news-calendar');
    expect(line.textContent).toBe('News calendar off');
    expect(line.className).toBe('news-calendar news-calendar-muted');
  });

  it('warns in amber when the calendar is stale, with the problem and the age of the copy in use', () => {
    renderNews({
      calendar: fixtureCalendar({
        stale: true,
        problem: 'fetch failed: HTTP 503',
        fetchedAt: '2025-03-09T10:00:00.000Z',
      }),
    });
    const line = panel().getByTestId('news-calendar');
    expect(line.textContent).toBe(
      'News calendar unavailable (fetch failed: HTTP 503): using the copy from 3 days ago',
    );
    expect(line.className).toBe('news-calendar news-calendar-warn');
  });
});

describe('the news panel in words', () => {
  const [, nfp] = fixtureNews();
  if (nfp === undefined) throw new Error('fixture has no NFP window');

  it.each<[string, number, string, string]>([
    ['ahead', -(12 * 60_000 + 4000), 'ahead', 'flattens in 12m 04s'],
    ['a second before', -1000, 'ahead', 'flattens in 1s'],
    ['at its start', 0, 'in', `in blackout until ${hhmm('2025-03-12T15:46:04.000Z')}`],
    ['at its end', 4 * 60_000, 'past', 'over'],
  ])('%s', (_, fromStart, phase, text) => {
    expect(windowStatus(nfp, Date.parse(nfp.from) + fromStart)).toEqual({ phase, text });
  });

  it('a window that does not flatten only blocks', () => {
    expect(windowStatus({ ...nfp, flatten: false }, Date.parse(nfp.from) - 65_000).text).toBe(
      'blackout in 1m 05s',
    );
  });

  it.each<[string, Parameters<typeof calendarLine>[0], string, string]>([
    ['off', null, 'News calendar off', 'muted'],
    [
      'fresh',
      fixtureCalendar({ fetchedAt: '2025-03-12T15:20:00.000Z' }),
      'News calendar updated 10 min ago',
      'muted',
    ],
    ['not fetched yet', fixtureCalendar({ fetchedAt: null }), 'News calendar loading', 'muted'],
    [
      'too old',
      fixtureCalendar({ stale: true, fetchedAt: '2025-03-03T15:30:00.000Z' }),
      'News calendar out of date: using the copy from 9 days ago',
      'warn',
    ],
    [
      'failing with no copy',
      fixtureCalendar({ stale: true, fetchedAt: null, problem: 'parse failed: not JSON' }),
      'News calendar unavailable (parse failed: not JSON): no copy: windows may be missing',
      'warn',
    ],
  ])('calendar %s', (_, calendar, text, tone) => {
    expect(calendarLine(calendar, serverNow)).toEqual({ text, tone });
  });
});
