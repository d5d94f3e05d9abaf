// The view's `news`: the blackout windows ahead and in force under each account's newsBlackout settings (manual
// events and the calendar's selected releases), the same window shown once, soonest first, a week ahead at most
// 20 of them.
import { describe, expect, it } from 'vitest';
import { newsView } from '../../../main/core/news-view';
import type { EngineConfig } from '../../../main/engine';
import { ruleDefaults, type AccountRules, type RuleSettings } from '../../../shared/config/rules';
import { dec } from '../../../shared/domain/money';
import { ev, runEngine } from '../../helpers/engine';
import { calendar, highUsd, newsRelease, type Release } from '../../helpers/news-calendar';

const session = { timezone: 'America/Chicago', dayStart: '17:00', weekStartDay: 'sunday' as const };
const blackout = (params: Partial<RuleSettings<'newsBlackout'>>): RuleSettings<'newsBlackout'> => ({
  enabled: true,
  warnAt: '0.8',
  criticalAt: '0.95',
  ...ruleDefaults.newsBlackout,
  events: [],
  calendar: highUsd,
  ...params,
});
const account = (rules: AccountRules) => ({ startingBalance: dec('50000'), rules });

function viewAt(now: string, config: EngineConfig, releases: Release[]) {
  const t = '2026-06-05T06:00:00-05:00';
  const { state } = runEngine(
    [
      ...Object.keys(config.accounts).map((id) => ev({ type: 'account', t, account: id, balance: '50000' })),
      calendar(t, ...releases),
    ],
    config,
  );
  return newsView(state, Date.parse(now));
}

describe('newsView', () => {
  const config: EngineConfig = {
    session,
    markPrice: 'last',
    accounts: {
      A1: account({ newsBlackout: blackout({}) }),
      A2: account({ newsBlackout: blackout({}) }),
      A3: account({
        newsBlackout: blackout({
          calendar: { ...highUsd, minutesBefore: 5, flatten: false },
          events: [
            {
              at: '2026-06-05T13:00:00-05:00',
              minutesBefore: 1,
              minutesAfter: 1,
              flatten: true,
              name: 'Fed speaker',
            },
          ],
        }),
      }),
      A4: account({
        newsBlackout: { ...blackout({}), enabled: false, calendar: { ...highUsd, minutesBefore: 30 } },
      }),
      A5: account({}),
    },
  };
  const releases = [
    newsRelease('2026-06-05T08:30:00-04:00', 'Non-Farm Payrolls'),
    newsRelease('2026-06-05T08:30:00-04:00', 'Unemployment Rate'),
    newsRelease('2026-06-05T10:00:00-04:00', 'Factory Orders m/m', 'USD', 'Medium'),
    newsRelease('2026-06-05T04:00:00-04:00', 'German Industrial Production m/m', 'EUR'),
    newsRelease('2026-06-04T08:30:00-04:00', 'Unemployment Claims'),
    newsRelease('2026-06-15T08:30:00-04:00', 'Empire State Manufacturing Index'),
  ];

  it('lists each window once across accounts, soonest first, with its source and flatten', () => {
    expect(viewAt('2026-06-05T07:00:00-05:00', config, releases)).toEqual([
      {
        title: 'Non-Farm Payrolls, Unemployment Rate',
        currency: 'USD',
        impact: 'High',
        at: '2026-06-05T12:30:00.000Z',
        from: '2026-06-05T12:25:00.000Z',
        to: '2026-06-05T12:32:00.000Z',
        flatten: false,
        source: 'calendar',
      },
      {
        title: 'Non-Farm Payrolls, Unemployment Rate',
        currency: 'USD',
        impact: 'High',
        at: '2026-06-05T12:30:00.000Z',
        from: '2026-06-05T12:28:00.000Z',
        to: '2026-06-05T12:32:00.000Z',
        flatten: true,
        source: 'calendar',
      },
      {
        title: 'Fed speaker',
        currency: '',
        impact: '',
        at: '2026-06-05T18:00:00.000Z',
        from: '2026-06-05T17:59:00.000Z',
        to: '2026-06-05T18:01:00.000Z',
        flatten: true,
        source: 'manual',
      },
    ]);
  });

  it('keeps a window in force until its end (half-open), then leaves it out', () => {
    const froms = (now: string) => viewAt(now, config, releases).map((w) => `${w.from} ${w.title}`);
    expect(froms('2026-06-05T07:31:59.999-05:00')).toEqual([
      '2026-06-05T12:25:00.000Z Non-Farm Payrolls, Unemployment Rate',
      '2026-06-05T12:28:00.000Z Non-Farm Payrolls, Unemployment Rate',
      '2026-06-05T17:59:00.000Z Fed speaker',
    ]);
    expect(froms('2026-06-05T07:32:00-05:00')).toEqual(['2026-06-05T17:59:00.000Z Fed speaker']);
  });

  it('looks 7 days ahead: a release 10 days out is left out until it is within a week', () => {
    const titles = (now: string) => viewAt(now, config, releases).map((w) => w.title);
    expect(titles('2026-06-06T07:00:00-05:00')).toEqual([]);
    expect(titles('2026-06-08T07:29:00-05:00')).toEqual([
      'Empire State Manufacturing Index',
      'Empire State Manufacturing Index',
    ]);
  });

  it('lists at most 20', () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      newsRelease(new Date(Date.parse('2026-06-05T13:00:00Z') + i * 3_600_000).toISOString(), `Release ${i}`),
    );
    const only: EngineConfig = {
      session,
      markPrice: 'last',
      accounts: { A1: account({ newsBlackout: blackout({}) }) },
    };
    const shown = viewAt('2026-06-05T07:00:00-05:00', only, many);
    expect(shown).toHaveLength(20);
    expect(shown[0]?.title).toBe('Release 0');
    expect(shown[19]?.title).toBe('Release 19');
  });
});
