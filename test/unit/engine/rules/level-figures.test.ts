// Every level change carries its figures for the audit: the measured value, the rule's limit and the threshold
// of the level entered (limit × warnAt or criticalAt; the limit at breach), exact; rules whose ladder is not a
// fraction of a limit (marginLevel, staleData) give their own units.
import { describe, expect, it } from 'vitest';
import type { Decision, RuleDecision } from '../../../../main/engine';
import { ev, instrumentEvents, runEngine } from '../../../helpers/engine';
import { accountConfig, clock, fill, quote, rule } from './money-rules.helpers';

const t = (time: string) => `2026-05-05T09:${time}-05:00`;

/** Level, value, limit and threshold of each rule decision, as exact strings. */
function figures(decisions: readonly Decision[]) {
  return decisions
    .filter((d): d is RuleDecision => d.kind === 'rule')
    .map((d) => [
      d.rule,
      d.level,
      d.figures?.value.toFixed() ?? null,
      d.figures?.limit.toFixed() ?? null,
      d.figures?.threshold.toFixed() ?? null,
    ]);
}

describe('level change figures', () => {
  it.each([
    {
      name: 'dailyLoss 300 (warnAt 0.8, criticalAt 0.95) on one ES long at 6000 with 1.40 of fees',
      config: accountConfig(rule('dailyLoss', { amount: '300', basis: 'net' })),
      events: [
        fill(t('00:00'), 'ES', 'buy', 1, '6000', '1.40'),
        quote(t('01:00'), 'ES', '5995.25'), // 4.75 × 50 + 1.40 = 238.90: ok
        quote(t('02:00'), 'ES', '5995'), // 251.40: warning at 240
        quote(t('03:00'), 'ES', '5994.25'), // 288.90: critical at 285
        quote(t('04:00'), 'ES', '5994'), // 301.40: a breach not yet confirmed stays critical
        quote(t('05:00'), 'ES', '5993.75'), // 313.90: confirmed
      ],
      expected: [
        ['dailyLoss', 'warning', '251.4', '300', '240'],
        ['dailyLoss', 'critical', '288.9', '300', '285'],
        ['dailyLoss', 'breach', '313.9', '300', '300'],
      ],
    },
    {
      name: 'trailingDrawdown 2,000 static from 50,000: the drawdown used against the amount',
      config: accountConfig(
        rule('trailingDrawdown', {
          amount: '2000',
          mode: 'static',
          startingBalance: '50000',
          lockThresholdAt: null,
        }),
      ),
      events: [
        ev({ type: 'account', t: t('00:00'), account: 'A1', balance: '50000' }),
        fill(t('00:10'), 'ES', 'buy', 1, '6000'),
        quote(t('01:00'), 'ES', '5967.5'), // −1,625: 1,625 of 2,000 used, warning at 1,600
        quote(t('02:00'), 'ES', '5961.75'), // −1,912.50: critical at 1,900
      ],
      expected: [
        ['trailingDrawdown', 'warning', '1625', '2000', '1600'],
        ['trailingDrawdown', 'critical', '1912.5', '2000', '1900'],
      ],
    },
    {
      name: 'marginLevel 150 / 120 / 100: the margin level itself (4 places), its threshold and the liquidation level',
      config: accountConfig(
        rule('marginLevel', { warning: '150', critical: '120', liquidate: '100' }),
        '10000',
      ),
      events: [
        fill(t('00:00'), 'ES', 'buy', 1, '6000'),
        ev({ type: 'account', t: t('00:30'), account: 'A1', balance: '10000', usedMargin: '6900' }),
        // 10,000 / 6,900 × 100 = 144.92753…: warning
        quote(t('01:00'), 'ES', '5964.25'), // −1,787.50: 8,212.50 / 69 = 119.02173…: critical
      ],
      expected: [
        ['marginLevel', 'warning', '144.9275', '100', '150'],
        ['marginLevel', 'critical', '119.0217', '100', '120'],
      ],
    },
    {
      name: 'staleData 10 s: the quote age in seconds against the allowed age',
      config: accountConfig(rule('staleData', { maxQuoteAgeSeconds: 10, flatten: false })),
      events: [
        fill(t('00:00'), 'ES', 'buy', 1, '6000'),
        quote(t('00:01'), 'ES', '6000'),
        clock(t('00:11')), // 10 s: allowed
        clock(t('00:12.500')), // 11.5 s: critical
      ],
      expected: [['staleData', 'critical', '11.5', '10', '10']],
    },
  ])('$name', ({ config, events, expected }) => {
    const { decisions } = runEngine([...instrumentEvents, ...events], config);
    expect(figures(decisions)).toEqual(expected);
  });

  it('an event rule breaches without figures: there is no value to measure', () => {
    const config = accountConfig(
      rule('maxContracts', { total: '1', perSymbol: {}, countWorkingOrders: false }),
    );
    const { decisions } = runEngine([...instrumentEvents, fill(t('00:00'), 'ES', 'buy', 2, '6000')], config);
    expect(figures(decisions)).toEqual([['maxContracts', 'breach', null, null, null]]);
  });
});
