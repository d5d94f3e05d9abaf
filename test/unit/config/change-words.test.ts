// A config change's values as the Rules screen says them: money like the UI (thousands separators, 2 places),
// counts plain or in their unit, times as written, choices by their catalog label's first words, locks as the
// catalog says them, and none in the setting's own words.
import { describe, expect, it } from 'vitest';
import {
  changeWords,
  commonWords,
  planWords,
  ruleWords,
  switchWords,
  valueWords,
  type SettingWords,
} from '../../../shared/config/change-words';
import { ruleCatalog } from '../../../shared/config/rule-catalog';

const params = <R extends keyof typeof ruleCatalog>(id: R) => ruleCatalog[id].params;

describe('valueWords', () => {
  it.each<{ name: string; words: SettingWords; value: unknown; expected: string }>([
    { name: 'money', words: params('dailyLoss').amount, value: '1000', expected: '1,000.00' },
    {
      name: 'money, rounded',
      words: params('dailyLoss').amount,
      value: '1234567.891',
      expected: '1,234,567.89',
    },
    { name: 'money, none', words: params('exposure').maxGross, value: null, expected: 'no limit' },
    { name: 'a contract limit', words: params('maxContracts').total, value: '2.5', expected: '2.5' },
    { name: 'a trade count', words: params('tradeFrequency').perDay, value: 3, expected: '3' },
    {
      name: 'a trade count, none',
      words: params('tradeFrequency').perDay,
      value: null,
      expected: 'no limit',
    },
    { name: 'minutes', words: params('tradeFrequency').cooldownMinutes, value: 15, expected: '15 min' },
    { name: 'seconds', words: params('stopRequired').graceSeconds, value: 30, expected: '30 s' },
    { name: 'one tick', words: params('trailingStop').trailTicks, value: 1, expected: '1 tick' },
    { name: 'ticks', words: params('trailingStop').trailTicks, value: 8, expected: '8 ticks' },
    { name: 'a percentage', words: params('marginLevel').warning, value: '150', expected: '150%' },
    { name: "the plan's by default", words: params('consistency').pct, value: null, expected: "the plan's" },
    { name: 'a share of the limit', words: commonWords.warnAt, value: '0.8', expected: '80%' },
    { name: 'a share of the limit, exact', words: commonWords.criticalAt, value: '0.925', expected: '92.5%' },
    { name: 'a fraction on its own', words: params('exposure').hhiWarning, value: '0.25', expected: '0.25' },
    { name: 'a choice', words: params('trailingDrawdown').mode, value: 'endOfDay', expected: 'end of day' },
    {
      name: 'a choice of action',
      words: commonWords.action,
      value: 'closePosition',
      expected: 'close the position',
    },
    { name: 'a choice of state', words: commonWords.lockState, value: 'reducing', expected: 'reducing' },
    { name: 'a flag on', words: params('staleData').flatten, value: true, expected: 'on' },
    { name: 'a flag off', words: params('staleData').flatten, value: false, expected: 'off' },
    { name: 'a time of day', words: params('tradingHours').flattenAt, value: '15:55', expected: '15:55' },
    {
      name: 'no time of day',
      words: params('tradingHours').flattenAt,
      value: null,
      expected: 'no flatten time',
    },
    { name: 'no lock', words: commonWords.lock, value: 'none', expected: 'no lock' },
    { name: 'a lock to day end', words: commonWords.lock, value: 'dayEnd', expected: 'until the day ends' },
    { name: 'a lock by hand', words: commonWords.lock, value: 'manual', expected: 'until reset by hand' },
    { name: 'a timed lock', words: commonWords.lock, value: { minutes: 30 }, expected: 'for 30 minutes' },
    {
      name: 'trading windows',
      words: params('tradingHours').windows,
      value: [
        { days: ['monday', 'tuesday'], start: '08:30', end: '15:00' },
        { days: ['sunday'], start: '17:00', end: '08:00' },
      ],
      expected: 'Mon Tue 08:30–15:00; Sun 17:00–08:00',
    },
    { name: 'no windows', words: params('tradingHours').windows, value: [], expected: 'none' },
    {
      name: 'news events',
      words: params('newsBlackout').events,
      value: [
        { at: '2026-05-08T12:30:00Z', minutesBefore: 2, minutesAfter: 5, flatten: true, name: 'NFP' },
        { at: '2026-05-13T12:30:00Z', minutesBefore: 2, minutesAfter: 2, flatten: false, name: null },
      ],
      expected: 'NFP 2026-05-08T12:30:00Z −2/+5 min flatten; 2026-05-13T12:30:00Z −2/+2 min',
    },
    {
      name: 'a calendar selection',
      words: params('newsBlackout').calendar,
      value: {
        impacts: ['High', 'Medium'],
        currencies: ['USD'],
        minutesBefore: 2,
        minutesAfter: 3,
        flatten: true,
      },
      expected: 'High/Medium USD −2/+3 min flatten',
    },
    { name: 'no calendar', words: params('newsBlackout').calendar, value: null, expected: 'no calendar' },
    {
      name: 'per-symbol limits',
      words: params('maxContracts').perSymbol,
      value: { ES: '2', MNQ: '10' },
      expected: 'ES 2, MNQ 10',
    },
    { name: 'no per-symbol limits', words: params('maxContracts').perSymbol, value: {}, expected: 'none' },
    { name: 'symbols', words: params('symbolBlock').symbols, value: ['ES', 'NQ'], expected: 'ES, NQ' },
    {
      name: 'a scaling ladder',
      words: planWords.keys.scaling,
      value: [
        { from: '0', maxContracts: 2 },
        { from: '1500', maxContracts: 3 },
      ],
      expected: '2 from 0.00, 3 from 1,500.00',
    },
  ])('$name: $expected', ({ words, value, expected }) => {
    expect(valueWords(words, value)).toBe(expected);
  });
});

describe('changeWords', () => {
  const setting = (id: keyof typeof ruleCatalog, key: string) => {
    const words = ruleWords(id).keys[key];
    if (words === undefined) throw new Error(`no ${id}.${key}`);
    return words;
  };

  it('a main figure follows the title; another setting its catalog label; a flag how it was turned', () => {
    expect(changeWords('Daily loss', setting('dailyLoss', 'amount'), '1000', '800')).toBe(
      'Daily loss 1,000.00 → 800.00',
    );
    expect(
      changeWords('Trailing drawdown', setting('trailingDrawdown', 'mode'), 'intraday', 'endOfDay'),
    ).toBe('Trailing drawdown high-water mark intraday → end of day');
    expect(changeWords('Losses in a row', setting('consecutiveLosses', 'escalate'), false, true)).toBe(
      'Losses in a row double the pause on each repeat the same day: turned on',
    );
    expect(switchWords('Trade frequency', true)).toBe('Trade frequency: turned on');
    expect(switchWords('Trade frequency', false)).toBe('Trade frequency: turned off');
  });

  it("every rule's title is the catalog's", () => {
    expect(ruleWords('symbolBlock').title).toBe(ruleCatalog.symbolBlock.title);
    expect(ruleWords('tradeFrequency').title).toBe('Trade frequency');
  });
});
