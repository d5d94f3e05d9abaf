// The history screens' pure parts: exact decimal breakdowns, CSV quoting and JSON export, timeline filters, level
// change figures in words, and the P&L around a breach.
import { describe, expect, it } from 'vitest';
import { breakdown, hourOf, UNTAGGED } from '../../../renderer/src/features/history/breakdown';
import {
  csvField,
  exportFile,
  timelineCsv,
  tradesCsv,
  tradesJson,
} from '../../../renderer/src/features/history/export';
import { historyRequested } from '../../../renderer/src/features/history/mount';
import type { TimelineEntryView } from '../../../shared/ipc';
import {
  breachContext,
  causeOf,
  choices,
  figuresText,
  figureText,
  filterTimeline,
  equityAround,
  isBreach,
  NO_FILTER,
  thin,
} from '../../../renderer/src/features/history/timeline';
import { entry, fixtureHistory, trade } from './history-fixture';

describe('breakdown', () => {
  it('sums exactly in decimal (0.1 + 0.2 is 0.30, not 0.30000000000000004)', () => {
    const result = breakdown(
      [trade({ netPnl: '0.1' }), trade({ netPnl: '0.2' }), trade({ netPnl: '0.005' })],
      0,
    );
    expect(result.bySymbol).toEqual([{ key: 'MNQ', trades: 3, wins: 3, losses: 0, netPnl: '0.31' }]);
  });

  it('groups by symbol and by tag, best net P&L first, untagged trades under their own label', () => {
    const { bySymbol, byTag } = breakdown(fixtureHistory().trades, 0);
    expect(bySymbol).toEqual([
      { key: 'MNQ', trades: 3, wins: 2, losses: 1, netPnl: '249.43' },
      { key: 'MES', trades: 1, wins: 0, losses: 1, netPnl: '-1000.10' },
    ]);
    expect(byTag).toEqual([
      { key: 'orb', trades: 2, wins: 2, losses: 0, netPnl: '269.76' },
      { key: 'fade', trades: 1, wins: 0, losses: 1, netPnl: '-20.33' },
      { key: UNTAGGED, trades: 1, wins: 0, losses: 1, netPnl: '-1000.10' },
    ]);
  });

  it('groups by the hour the trade closed, in clock order, in the given zone', () => {
    const trades = fixtureHistory().trades;
    expect(breakdown(trades, 0).byHour).toEqual([
      { key: '14', trades: 2, wins: 1, losses: 1, netPnl: '-980.34' },
      { key: '15', trades: 1, wins: 1, losses: 0, netPnl: '250.00' },
      { key: '16', trades: 1, wins: 0, losses: 1, netPnl: '-20.33' },
    ]);
    // New York in March 2025 (after the DST change of the 9th) is UTC−4.
    expect(breakdown(trades, -240).byHour.map((row) => row.key)).toEqual(['10', '11', '12']);
    expect(hourOf('2025-03-11T23:30:00.000Z', 60)).toBe('00');
  });

  it('counts a zero P&L trade as neither a win nor a loss', () => {
    expect(breakdown([trade({ netPnl: '0.00' })], 0).byTag).toEqual([
      { key: 'orb', trades: 1, wins: 0, losses: 0, netPnl: '0.00' },
    ]);
  });
});

describe('export', () => {
  it('quotes CSV fields with commas, quotes, line breaks or edge spaces, and leaves the rest bare', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "flat"')).toBe('"say ""flat"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField(null)).toBe('');
    expect(csvField(2)).toBe('2');
  });

  it('writes the trades as CSV with a header and CRLF line ends', () => {
    const text = tradesCsv([
      trade({ initialRisk: '25', rMultiple: '0.7904' }),
      trade({ tag: null, netPnl: '-1000.10', symbol: 'MES' }),
    ]);
    expect(text).toBe(
      'account,day,openedAt,closedAt,symbol,side,qty,entryPrice,exitPrice,netPnl,fees,mfe,mae,initialRisk,rMultiple,tag\r\n' +
        'SIM-50K,2025-03-11,2025-03-11T14:00:00.000Z,2025-03-11T14:05:00.000Z,MNQ,long,1,21450.25,21460.75,19.76,1.24,30.00,-5.50,25,0.7904,orb\r\n' +
        'SIM-50K,2025-03-11,2025-03-11T14:00:00.000Z,2025-03-11T14:05:00.000Z,MES,long,1,21450.25,21460.75,-1000.10,1.24,30.00,-5.50,,,\r\n',
    );
  });

  it('writes the timeline as CSV, quoting JSON details and money with separators', () => {
    const text = timelineCsv([
      entry({ kind: 'response', level: 'done', title: 'flatten: dailyLoss', detail: '{"a":1,"b":"x"}' }),
      entry({
        account: null,
        rule: 'dailyLoss',
        title: 'dailyLoss warning',
        detail: 'dailyLoss at 800.00 of 1,000.00',
        value: '800',
        limit: '1000',
        threshold: '800',
      }),
    ]);
    expect(text).toBe(
      't,day,account,kind,level,rule,title,detail,value,limit,threshold\r\n' +
        '2025-03-11T15:00:00.000Z,2025-03-11,SIM-50K,response,done,,flatten: dailyLoss,"{""a"":1,""b"":""x""}",,,\r\n' +
        '2025-03-11T15:00:00.000Z,2025-03-11,,alert,warning,dailyLoss,dailyLoss warning,"dailyLoss at 800.00 of 1,000.00",800,1000,800\r\n',
    );
  });

  it('writes JSON with money as exact strings and a fixed key order', () => {
    const text = tradesJson([trade({ netPnl: '-0.10' })]);
    expect(JSON.parse(text)).toEqual([trade({ netPnl: '-0.10' })]);
    expect(Object.keys((JSON.parse(text) as object[])[0] ?? {})).toEqual([
      'account',
      'day',
      'openedAt',
      'closedAt',
      'symbol',
      'side',
      'qty',
      'entryPrice',
      'exitPrice',
      'netPnl',
      'fees',
      'mfe',
      'mae',
      'initialRisk',
      'rMultiple',
      'tag',
    ]);
    expect(text.endsWith(']\n')).toBe(true);
  });

  it('names the file by what, account and range', () => {
    const data = fixtureHistory();
    expect(exportFile('trades', 'csv', data, { account: 'SIM-50K', days: 30 })).toMatchObject({
      name: 'warden-trades-SIM-50K-30d.csv',
      mime: 'text/csv;charset=utf-8',
    });
    const json = exportFile('timeline', 'json', data, { account: null, days: 7 });
    expect(json.name).toBe('warden-timeline-all-7d.json');
    expect(JSON.parse(json.text)).toEqual(data.timeline.map(({ id: _id, ...rest }) => rest));
  });
});

describe('timeline filters and breach context', () => {
  const { timeline, trades, days } = fixtureHistory();

  it('filters by text (title, detail or kind), level and day', () => {
    expect(filterTimeline(timeline, NO_FILTER)).toHaveLength(4);
    expect(filterTimeline(timeline, { ...NO_FILTER, text: 'DAILYLOSS' }).map((e) => e.title)).toEqual([
      'flatten: dailyLoss breached',
      'Daily loss limit reached',
      'Daily loss 80% used',
    ]);
    expect(filterTimeline(timeline, { ...NO_FILTER, text: 'response' })).toHaveLength(1);
    expect(filterTimeline(timeline, { ...NO_FILTER, level: 'critical' }).map((e) => e.title)).toEqual([
      'Daily loss limit reached',
    ]);
    expect(filterTimeline(timeline, { ...NO_FILTER, day: '2025-03-12' }).map((e) => e.title)).toEqual([
      'trailing.update',
    ]);
    expect(choices(timeline)).toEqual({
      levels: ['critical', 'done', 'info', 'warning'],
      days: ['2025-03-12', '2025-03-11'],
    });
  });

  it('treats responses, level changes to breach and critical alerts that are no level change as breaches', () => {
    expect(timeline.map(isBreach)).toEqual([false, true, true, false]);
    const change = (level: string) =>
      entry({ level, rule: 'dailyLoss', value: '290', limit: '300', threshold: '285' });
    expect([change('critical'), change('breach'), change('warning')].map(isBreach)).toEqual([
      false,
      true,
      false,
    ]);
  });

  it('says a level change with its figures exactly, at least 2 places, never rounded', () => {
    const change = (overrides: Partial<TimelineEntryView>) =>
      figuresText(entry({ rule: 'dailyLoss', level: 'warning', ...overrides }));
    expect(change({ value: '242.5', limit: '300', threshold: '240' })).toBe(
      '242.50 of 300.00 (warning at 240.00)',
    );
    expect(change({ level: 'breach', value: '1250.125', limit: '1000', threshold: '1000' })).toBe(
      '1,250.125 of 1,000.00 (breach at 1,000.00)',
    );
    expect(
      change({ rule: 'marginLevel', level: 'critical', value: '119.0217', limit: '100', threshold: '120' }),
    ).toBe('119.0217 (critical at 120.00, liquidation at 100.00)');
    expect(change({})).toBeNull();
    expect(figureText('-0.1')).toBe('-0.10');
  });

  it('finds the level change behind a response: the latest of its rule and account at or before it', () => {
    const warning = entry({
      id: 'w',
      t: '2025-03-11T14:39:00.000Z',
      rule: 'dailyLoss',
      value: '800',
      limit: '1000',
      threshold: '800',
    });
    const breach = entry({
      id: 'b',
      t: '2025-03-11T14:41:00.000Z',
      level: 'breach',
      rule: 'dailyLoss',
      value: '1000.67',
      limit: '1000',
      threshold: '1000',
    });
    const other = entry({
      id: 'o',
      t: '2025-03-11T14:41:00.000Z',
      account: 'PA-150K',
      level: 'breach',
      rule: 'dailyLoss',
      value: '1200',
      limit: '1000',
      threshold: '1000',
    });
    const later = entry({
      id: 'l',
      t: '2025-03-11T14:42:00.000Z',
      level: 'breach',
      rule: 'dailyLoss',
      value: '1100',
      limit: '1000',
      threshold: '1000',
    });
    const response = entry({
      id: 'r',
      t: '2025-03-11T14:41:00.000Z',
      kind: 'response',
      level: 'flat',
      rule: 'dailyLoss',
    });
    const all = [later, response, other, breach, warning];
    expect(causeOf(response, all)?.id).toBe('b');
    expect(causeOf(warning, all)?.id).toBe('w');
    expect(causeOf({ ...response, rule: 'user' }, all)).toBeNull();
  });

  it('shows the day and the running P&L around a breach, split at its time', () => {
    const breach = timeline[2];
    if (breach === undefined) throw new Error('fixture');
    const context = breachContext(breach, trades, days);
    expect(context.summary?.netPnl).toBe('-1000.67');
    expect(context.trades.map((row) => [row.trade.closedAt, row.runningPnl, row.beforeBreach])).toEqual([
      ['2025-03-11T14:05:00.000Z', '19.76', true],
      ['2025-03-11T14:40:00.000Z', '-980.34', true],
      ['2025-03-11T16:10:00.000Z', '-1000.67', false],
    ]);
    expect(context.pnlBefore).toBe('-980.34');
    expect(context.pnlAfter).toBe('-20.33');
  });
});

describe('equity around a breach', () => {
  const breach = entry({ t: '2025-03-11T15:00:00.000Z', kind: 'response', level: 'done' });
  const point = (t: string, dailyNetPnl: string) => ({ t, equity: '49000.00', dailyNetPnl });

  it('keeps the samples within the window and finds the one at, the one after and the low', () => {
    const equity = [
      point('2025-03-11T14:20:00.000Z', '-10.00'),
      point('2025-03-11T14:40:00.000Z', '-150.00'),
      point('2025-03-11T15:00:00.000Z', '-300.25'),
      point('2025-03-11T15:00:10.000Z', '-310.50'),
      point('2025-03-11T15:20:00.000Z', '-305.00'),
      point('2025-03-11T16:00:00.000Z', '-400.00'),
    ];
    const around = equityAround(breach, equity);
    expect(around.points.map((p) => p.t.slice(11, 19))).toEqual([
      '14:40:00',
      '15:00:00',
      '15:00:10',
      '15:20:00',
    ]);
    expect(around.atBreach?.dailyNetPnl).toBe('-300.25');
    expect(around.afterBreach?.dailyNetPnl).toBe('-310.50');
    expect(around.low?.dailyNetPnl).toBe('-310.50');
    expect(equityAround(breach, undefined)).toEqual({
      points: [],
      atBreach: null,
      afterBreach: null,
      low: null,
    });
  });

  it('thins evenly, keeping the first and the last', () => {
    expect(thin([1, 2, 3], 5)).toEqual([1, 2, 3]);
    expect(thin([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 3)).toEqual([0, 5, 10]);
    expect(thin([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 4)).toEqual([0, 3, 6, 9]);
  });
});

describe('historyRequested', () => {
  it('is true for ?screen=history only', () => {
    expect(historyRequested({ search: '?screen=history' })).toBe(true);
    expect(historyRequested({ search: '?token=x&screen=history' })).toBe(true);
    expect(historyRequested({ search: '' })).toBe(false);
    expect(historyRequested({ search: '?screen=main' })).toBe(false);
  });
});
