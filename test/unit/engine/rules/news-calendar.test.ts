// newsBlackout with the news calendar (docs/RULES.md section 12): High USD releases selected, 2 minutes before and
// after, flatten. Windows are half-open [at − 2 min, at + 2 min), reported once at the first event inside (a clock
// tick at the start), and the latest list replaces the previous one.
import { describe, expect, it } from 'vitest';
import type { NewsCalendarSelection } from '../../../../shared/config/rules';
import { ev, instrumentEvents, runEngine } from '../../../helpers/engine';
import { calendar, highUsd, newsRelease } from '../../../helpers/news-calendar';
import { at, brokerReport, clock, decisionsOf, fill, messagesOf, only } from './count-rules.helpers';

const config = (selection: Partial<NewsCalendarSelection> = {}) =>
  only('newsBlackout', { events: [], calendar: { ...highUsd, ...selection } });

const nfp = newsRelease('2026-06-05T08:30:00-04:00', 'Non-Farm Payrolls');
/** Friday 2026-06-05 in New York time (the feed's offset): NFP at 08:30 ET is 07:30 in Chicago. */
const ny = (hhmmss: string) => `2026-06-05T${hhmmss}-04:00`;
const ms = (t: string) => Date.parse(t);
const halted = (from: string, until: string) => ({
  t: at(from),
  rule: 'newsBlackout',
  level: 'breach',
  action: 'flatten',
  lock: { state: 'halted', until: at(until) },
});
const known = brokerReport(ny('06:00:00'), true);
const listed = calendar(ny('06:00:00'), nfp);

describe('newsBlackout from the calendar: the selection matches impact and currency exactly', () => {
  it.each([
    {
      name: 'a High USD release makes a window',
      release: nfp,
      expected: [halted(ny('08:28:00'), ny('08:32:00'))],
    },
    { name: 'a Medium USD release makes none', release: { ...nfp, impact: 'Medium' }, expected: [] },
    { name: 'a High EUR release makes none', release: { ...nfp, currency: 'EUR' }, expected: [] },
    { name: 'a "high" (another spelling) makes none', release: { ...nfp, impact: 'high' }, expected: [] },
  ])('$name', ({ release, expected }) => {
    const events = [known, calendar(ny('06:00:00'), release), clock(ny('08:28:00')), clock(ny('08:31:00'))];
    expect(decisionsOf(events, config())).toEqual(expected);
  });

  it('says what and when, in the session time zone: "High USD news: Non-Farm Payrolls at 07:30, blackout until 07:32 CDT"', () => {
    expect(messagesOf([known, listed, clock(ny('08:28:00'))], config())).toEqual([
      'High USD news: Non-Farm Payrolls at 07:30, blackout until 07:32 CDT',
    ]);
  });

  it('releases at the same moment share one window and one decision', () => {
    const jobless = { ...nfp, title: 'Unemployment Rate' };
    const eur = { ...nfp, title: 'ECB Press Conference', currency: 'EUR' };
    const events = [known, calendar(ny('06:00:00'), nfp, jobless, eur), clock(ny('08:28:00'))];
    expect(messagesOf(events, config({ currencies: ['USD', 'EUR'] }))).toEqual([
      'High USD/EUR news: Non-Farm Payrolls, Unemployment Rate, ECB Press Conference at 07:30, blackout until 07:32 CDT',
    ]);
  });
});

describe('newsBlackout from the calendar: the window [08:28, 08:32) ET', () => {
  it('a clock tick at the exact start flattens; one at start − 1 ms does nothing', () => {
    const events = [known, listed, clock('2026-06-05T08:27:59.999-04:00'), clock(ny('08:28:00'))];
    expect(decisionsOf(events, config())).toEqual([halted(ny('08:28:00'), ny('08:32:00'))]);
  });

  it('reported once: ticks inside say nothing more; a trade opened inside is flattened; lifted at the end', () => {
    const events = [
      known,
      listed,
      clock(ny('08:28:00')),
      clock(ny('08:29:00')),
      clock(ny('08:30:00')),
      fill(ny('08:31:00'), 'ES', 'buy', 1, '5800'),
      clock(ny('08:32:00')),
    ];
    expect(decisionsOf(events, config())).toEqual([
      halted(ny('08:28:00'), ny('08:32:00')),
      { t: at(ny('08:31:00')), rule: 'newsBlackout', level: 'breach', action: 'flatten', symbol: 'ES' },
      { t: at(ny('08:32:00')), lifted: 'newsBlackout' },
    ]);
  });

  it('half-open: first seen 1 ms before the end, it locks for that millisecond; first seen at the end, nothing', () => {
    const lastMs = '2026-06-05T08:31:59.999-04:00';
    expect(decisionsOf([known, listed, clock(lastMs)], config())).toEqual([halted(lastMs, ny('08:32:00'))]);
    expect(decisionsOf([known, listed, clock(ny('08:32:00'))], config())).toEqual([]);
  });

  it('flatten false: nothing new (reducing) until the end, an alert', () => {
    expect(decisionsOf([known, listed, clock(ny('08:28:00'))], config({ flatten: false }))).toEqual([
      {
        t: at(ny('08:28:00')),
        rule: 'newsBlackout',
        level: 'breach',
        action: 'alert',
        lock: { state: 'reducing', until: at(ny('08:32:00')) },
      },
    ]);
  });

  it('a quote alone, with no clock tick, acts at the start (the quote fast path is bounded by the window start)', () => {
    const quote = (t: string, last: string) => ev({ type: 'quote', t, symbol: 'ES', last });
    const events = [
      known,
      fill(ny('07:00:00'), 'ES', 'buy', 1, '5800'),
      listed,
      quote(ny('08:27:00'), '5801'),
      quote(ny('08:27:59'), '5801.25'),
      quote(ny('08:28:00'), '5801.25'),
    ];
    expect(decisionsOf(events, config())).toEqual([halted(ny('08:28:00'), ny('08:32:00'))]);
  });
});

describe('newsBlackout from the calendar: a new list replaces the previous one', () => {
  it('a window the new list drops is not enforced', () => {
    const events = [known, listed, calendar(ny('07:00:00')), clock(ny('08:28:00')), clock(ny('08:30:00'))];
    expect(decisionsOf(events, config())).toEqual([]);
  });

  it('a list arriving inside a window locks at once, until the window ends', () => {
    const events = [known, clock(ny('08:29:00')), calendar(ny('08:29:30'), nfp), clock(ny('08:30:00'))];
    expect(decisionsOf(events, config())).toEqual([halted(ny('08:29:30'), ny('08:32:00'))]);
  });

  it('a window already in force keeps its lock to its end when a new list drops it', () => {
    const events = [known, listed, clock(ny('08:28:00')), calendar(ny('08:29:00')), clock(ny('08:31:00'))];
    const { state, decisions } = runEngine([...instrumentEvents, ...events], config());
    expect(decisions.filter((d) => d.kind === 'rule').map((d) => d.t)).toEqual([at(ny('08:28:00'))]);
    expect(state.accounts.get('A1')?.locks.map((l) => [l.rule, l.state, l.until])).toEqual([
      ['newsBlackout', 'halted', at(ny('08:32:00'))],
    ]);
  });

  it('a release moved later: the new time makes its own window', () => {
    const moved = { ...nfp, at: ny('09:00:00') };
    const events = [
      known,
      listed,
      calendar(ny('07:00:00'), moved),
      clock(ny('08:28:00')),
      clock(ny('08:58:00')),
    ];
    expect(decisionsOf(events, config())).toEqual([halted(ny('08:58:00'), ny('09:02:00'))]);
  });
});

describe('newsBlackout from the calendar: across the day roll (17:00 Chicago)', () => {
  // 16:59 Chicago: the window [16:57, 17:01) crosses the trading day's end.
  const late = { ...nfp, at: '2026-06-05T16:59:00-05:00', title: 'Late release' };
  const ct = (hhmm: string) => `2026-06-05T${hhmm}:00-05:00`;

  it('the halt holds past the roll and ends at the window end, not at the day end', () => {
    const events = [
      known,
      calendar(ct('12:00'), late),
      clock(ct('16:57')),
      clock(ct('17:00')),
      fill('2026-06-05T17:00:30-05:00', 'ES', 'buy', 1, '5800'),
      clock(ct('17:01')),
    ];
    expect(decisionsOf(events, config())).toEqual([
      halted(ct('16:57'), ct('17:01')),
      {
        t: at('2026-06-05T17:00:30-05:00'),
        rule: 'newsBlackout',
        level: 'breach',
        action: 'flatten',
        symbol: 'ES',
      },
      { t: at(ct('17:01')), lifted: 'newsBlackout' },
    ]);
  });

  it('a dayEnd lock set earlier ends at the roll; the news lock does not end with it', () => {
    const selfLock = ev({ type: 'selfLock', t: ct('16:00'), account: 'A1', until: 'dayEnd' });
    const events = [known, calendar(ct('12:00'), late), selfLock, clock(ct('16:57')), clock(ct('17:00'))];
    const { state, decisions } = runEngine([...instrumentEvents, ...events], config());
    expect(decisions.flatMap((d) => (d.kind === 'lockLifted' ? [[d.t, d.rule]] : []))).toEqual([
      [at(ct('17:00')), 'selfLock'],
    ]);
    const account = state.accounts.get('A1');
    expect(account?.locks.map((l) => [l.rule, l.until])).toEqual([['newsBlackout', at(ct('17:01'))]]);
    expect(account?.day.start).toBe(at(ct('17:00')));
  });
});

describe('newsBlackout from the calendar: US daylight saving changes (times from the offset are absolute)', () => {
  // 2026-03-08: clocks spring forward (Chicago CST −06:00 → CDT −05:00); 2026-11-01: they fall back.
  it.each([
    {
      name: 'Sunday 2026-03-08 18:45 ET (EDT, −04:00): 17:45 in Chicago, already CDT',
      release: '2026-03-08T18:45:00-04:00',
      start: '2026-03-08T17:43:00-05:00',
      message: 'High USD news: Release at 17:45, blackout until 17:47 CDT',
    },
    {
      name: 'Monday 2026-03-09 08:30 ET: 07:30 in Chicago',
      release: '2026-03-09T08:30:00-04:00',
      start: '2026-03-09T07:28:00-05:00',
      message: 'High USD news: Release at 07:30, blackout until 07:32 CDT',
    },
    {
      name: 'Saturday 2026-03-07 08:30 ET (EST, −05:00): 07:30 in Chicago (CST)',
      release: '2026-03-07T08:30:00-05:00',
      start: '2026-03-07T07:28:00-06:00',
      message: 'High USD news: Release at 07:30, blackout until 07:32 CST',
    },
    {
      name: 'Sunday 2026-11-01 18:45 ET (EST, −05:00): 17:45 in Chicago, already CST',
      release: '2026-11-01T18:45:00-05:00',
      start: '2026-11-01T17:43:00-06:00',
      message: 'High USD news: Release at 17:45, blackout until 17:47 CST',
    },
    {
      name: 'Friday 2026-10-30 08:30 ET (EDT): 07:30 in Chicago (CDT)',
      release: '2026-10-30T08:30:00-04:00',
      start: '2026-10-30T07:28:00-05:00',
      message: 'High USD news: Release at 07:30, blackout until 07:32 CDT',
    },
  ])('$name', ({ release, start, message }) => {
    const t0 = new Date(ms(release) - 6 * 3_600_000).toISOString();
    const events = [
      brokerReport(t0, true),
      calendar(t0, { ...nfp, at: release, title: 'Release' }),
      clock(new Date(ms(start) - 1).toISOString()),
      clock(start),
    ];
    const decisions = decisionsOf(events, config());
    expect(decisions).toEqual([
      { ...halted(start, start), lock: { state: 'halted', until: ms(release) + 2 * 60_000 } },
    ]);
    expect(ms(start)).toBe(ms(release) - 2 * 60_000);
    expect(messagesOf(events, config())).toEqual([message]);
  });
});

describe('newsBlackout: manual events and the calendar together', () => {
  it('both make windows, enforced alike', () => {
    const settings = only('newsBlackout', {
      events: [{ at: ny('10:00:00'), minutesBefore: 1, minutesAfter: 1, flatten: true, name: 'Fed speaker' }],
      calendar: highUsd,
    });
    const events = [
      known,
      listed,
      clock(ny('08:28:00')),
      clock(ny('08:32:00')),
      clock(ny('09:59:00')),
      clock(ny('10:01:00')),
    ];
    expect(decisionsOf(events, settings)).toEqual([
      halted(ny('08:28:00'), ny('08:32:00')),
      { t: at(ny('08:32:00')), lifted: 'newsBlackout' },
      halted(ny('09:59:00'), ny('10:01:00')),
      { t: at(ny('10:01:00')), lifted: 'newsBlackout' },
    ]);
  });
});
