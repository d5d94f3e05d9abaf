// exposure: above maxGross alerts and reduces only until back under; symbol share and concentration alert.
import { describe, expect, it } from 'vitest';
import { tradingState } from '../../../../main/engine';
import { instrumentEvents, runEngine } from '../../../helpers/engine';
import { accountConfig, at, fill, rule, ruleDecisions } from './money-rules.helpers';

const t = (time: string) => `2026-05-05T09:${time}-05:00`;
type Limits = { maxGross: string | null; maxSymbolPct: string | null; hhiWarning: string };
// HHI never exceeds 1: a warning threshold of 1.01 keeps concentration out of the cases about other limits.
const noHhi = '1.01';

// Gross exposure: ES 1 at 5800 = 290,000; MES 1 at 5800 = 29,000; NQ 1 at 21000 = 420,000.
describe('exposure', () => {
  it.each([
    {
      name: 'maxGross 600,000: 2 ES (580,000) critical; +1 MES (609,000) alerts and reduces only',
      limits: { maxGross: '600000', maxSymbolPct: null, hhiWarning: noHhi },
      events: [fill(t('00:00'), 'ES', 'buy', 2, '5800'), fill(t('01:00'), 'MES', 'buy', 1, '5800')],
      expected: [
        { t: at(t('00:00')), rule: 'exposure', level: 'critical', action: 'alert' },
        {
          t: at(t('01:00')),
          rule: 'exposure',
          level: 'breach',
          action: 'alert',
          lock: { state: 'reducing', until: 'manual' },
        },
      ],
      state: 'reducing',
    },
    {
      name: 'maxGross: selling the MES (back to 580,000, under the limit) lifts the reducing lock',
      limits: { maxGross: '600000', maxSymbolPct: null, hhiWarning: noHhi },
      events: [
        fill(t('00:00'), 'ES', 'buy', 2, '5800'),
        fill(t('01:00'), 'MES', 'buy', 1, '5800'),
        fill(t('02:00'), 'MES', 'sell', 1, '5800'),
      ],
      expected: [
        { t: at(t('00:00')), rule: 'exposure', level: 'critical', action: 'alert' },
        {
          t: at(t('01:00')),
          rule: 'exposure',
          level: 'breach',
          action: 'alert',
          lock: { state: 'reducing', until: 'manual' },
        },
      ],
      state: 'active',
    },
    {
      name: 'maxGross: back under lifts the lock, and going over again (609,000) reduces only again',
      limits: { maxGross: '600000', maxSymbolPct: null, hhiWarning: noHhi },
      events: [
        fill(t('00:00'), 'ES', 'buy', 2, '5800'),
        fill(t('01:00'), 'MES', 'buy', 1, '5800'),
        fill(t('02:00'), 'MES', 'sell', 1, '5800'),
        fill(t('03:00'), 'MES', 'buy', 1, '5800'),
      ],
      expected: [
        { t: at(t('00:00')), rule: 'exposure', level: 'critical', action: 'alert' },
        {
          t: at(t('01:00')),
          rule: 'exposure',
          level: 'breach',
          action: 'alert',
          lock: { state: 'reducing', until: 'manual' },
        },
        {
          t: at(t('03:00')),
          rule: 'exposure',
          level: 'breach',
          action: 'alert',
          lock: { state: 'reducing', until: 'manual' },
        },
      ],
      state: 'reducing',
    },
    {
      name: 'maxSymbolPct 70: NQ alone is 100%; with an ES 59.2%; a second NQ 74.3% alerts again',
      limits: { maxGross: null, maxSymbolPct: '70', hhiWarning: noHhi },
      events: [
        fill(t('00:00'), 'NQ', 'buy', 1, '21000'),
        fill(t('01:00'), 'ES', 'buy', 1, '5800'),
        fill(t('02:00'), 'NQ', 'buy', 1, '21000'),
      ],
      expected: [
        { t: at(t('00:00')), rule: 'exposure', level: 'breach', action: 'alert' },
        { t: at(t('02:00')), rule: 'exposure', level: 'breach', action: 'alert' },
      ],
      state: 'active',
    },
    {
      name: 'hhiWarning 0.5: one position (HHI 1) warns once; NQ + ES (HHI 0.5168) stays at warning',
      limits: { maxGross: null, maxSymbolPct: null, hhiWarning: '0.5' },
      events: [fill(t('00:00'), 'NQ', 'buy', 1, '21000'), fill(t('01:00'), 'ES', 'buy', 1, '5800')],
      expected: [{ t: at(t('00:00')), rule: 'exposure', level: 'warning', action: 'alert' }],
      state: 'active',
    },
  ])('$name', ({ limits, events, expected, state }) => {
    const config = accountConfig(rule('exposure', limits satisfies Limits));
    const result = runEngine([...instrumentEvents, ...events], config);
    expect(ruleDecisions(result.decisions)).toEqual(expected);
    const account = result.state.accounts.get('A1');
    expect(account === undefined ? null : tradingState(account)).toBe(state);
  });
});
