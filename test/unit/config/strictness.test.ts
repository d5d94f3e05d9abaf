// Tighten-only: a change that only tightens is accepted; each loosening is named with its rule and key.
import { describe, expect, it } from 'vitest';
import { compareStrictness } from '../../../shared/config/strictness';
import { accountRules } from './helpers';

const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
const cpi = { at: '2026-06-10T08:30:00-04:00', minutesBefore: 2, minutesAfter: 5, flatten: true };

/** An account with most rules on; each row changes one of them. */
const base: Record<string, Record<string, unknown>> = {
  dailyLoss: { amount: 1000 },
  dailyProfitTarget: { amount: 1500 },
  dailyGiveback: { amount: 600, activateAfter: 300 },
  weeklyLoss: { amount: 2500, basis: 'realized' },
  trailingDrawdown: { amount: 2000, mode: 'endOfDay', lockThresholdAt: 50000 },
  positionLoss: { amount: 400 },
  maxContracts: { total: 5, perSymbol: { MNQ: 3, ES: 1 } },
  tradeFrequency: { perHour: 10, perDay: 20, cooldownMinutes: 15 },
  consecutiveLosses: { max: 3, cooldownMinutes: 30, escalate: true },
  stopRequired: { graceSeconds: 10, mode: 'attachStop', stopTicks: 8 },
  marginLevel: {},
  exposure: { maxGross: 500000, hhiWarning: 0.25 },
  tradingHours: { windows: [{ days: weekdays, start: '08:30', end: '15:00' }], flattenAt: '15:05' },
  newsBlackout: { events: [cpi] },
  symbolBlock: { symbols: ['CL', 'GC'] },
  staleData: { maxQuoteAgeSeconds: 10 },
  trailingStop: { activateAfterTicks: 20, trailTicks: 10 },
};

/** The base with one rule's keys replaced (undefined removes the rule). */
function changed(id: string, keys: Record<string, unknown> | undefined) {
  const others = Object.entries(base).filter(([other]) => other !== id);
  return accountRules(
    Object.fromEntries(keys === undefined ? others : [...others, [id, { ...base[id], ...keys }]]),
  );
}

describe('compareStrictness', () => {
  it('accepts the same rules', () => {
    expect(compareStrictness(accountRules(base), accountRules(base))).toStrictEqual({ ok: true });
  });

  it.each<[string, Record<string, unknown> | undefined, string[]]>([
    // tighter: accepted
    ['dailyLoss', { amount: 800 }, []],
    ['dailyLoss', { action: 'flatten', lock: 'weekEnd' }, []],
    ['weeklyLoss', { basis: 'net' }, []],
    ['trailingDrawdown', { mode: 'intraday' }, []],
    ['maxContracts', { total: 3, perSymbol: { MNQ: 2, ES: 1, NQ: 1 } }, []],
    ['tradeFrequency', { perMinute: 2, cooldownMinutes: 30 }, []],
    ['consecutiveLosses', { max: 2, resetDaily: false }, []],
    ['stopRequired', { mode: 'close', graceSeconds: 5 }, []],
    ['marginLevel', { warning: 200, critical: 150, liquidate: 110 }, []],
    [
      'tradingHours',
      { windows: [{ days: ['monday'], start: '09:00', end: '12:00' }], flattenAt: '14:00' },
      [],
    ],
    ['newsBlackout', { events: [{ ...cpi, minutesBefore: 5 }, { at: '2026-06-05T08:30:00-04:00' }] }, []],
    ['symbolBlock', { symbols: ['CL', 'GC', 'NG'] }, []],
    ['exposure', { maxSymbolPct: 50 }, []],
    // looser: named
    ['dailyLoss', { amount: 1500 }, ['dailyLoss.amount: raised from 1000 to 1500']],
    ['dailyLoss', { enabled: false }, ['dailyLoss: disabled']],
    ['dailyLoss', undefined, ['dailyLoss: removed']],
    ['dailyLoss', { warnAt: 0.9 }, ['dailyLoss.warnAt: raised from 0.8 to 0.9']],
    ['dailyLoss', { action: 'alert' }, ['dailyLoss.action: from flatten to alert (milder)']],
    [
      'positionLoss',
      { action: 'cancelOrders' },
      ['positionLoss.action: from closePosition to cancelOrders (milder)'],
    ],
    ['dailyLoss', { lock: { minutes: 60 } }, ['dailyLoss.lock: from dayEnd to 60 minutes (shorter)']],
    ['trailingDrawdown', { lock: 'none' }, ['trailingDrawdown.lock: from manual to none (shorter)']],
    ['dailyLoss', { lockState: 'reducing' }, ['dailyLoss.lockState: from halted to reducing (milder)']],
    ['dailyLoss', { basis: 'realized' }, ['dailyLoss.basis: from net to realized (milder)']],
    ['dailyGiveback', { activateAfter: 500 }, ['dailyGiveback.activateAfter: raised from 300 to 500']],
    [
      'trailingDrawdown',
      { mode: 'static', lockThresholdAt: 49000 },
      [
        'trailingDrawdown.mode: from endOfDay to static (milder)',
        'trailingDrawdown.lockThresholdAt: lowered from 50000 to 49000',
      ],
    ],
    ['maxContracts', { total: 6 }, ['maxContracts.total: raised from 5 to 6']],
    [
      'maxContracts',
      { perSymbol: { MNQ: 4 } },
      ['maxContracts.perSymbol: MNQ raised from 3 to 4; ES limit removed (was 1)'],
    ],
    [
      'tradeFrequency',
      { perDay: null, cooldownMinutes: 10 },
      [
        'tradeFrequency.lock: from 15 minutes to 10 minutes (shorter)',
        'tradeFrequency.perDay: limit removed (was 20)',
        'tradeFrequency.cooldownMinutes: lowered from 15 to 10',
      ],
    ],
    ['tradeFrequency', { lock: 'none' }, ['tradeFrequency.lock: from 15 minutes to none (shorter)']],
    [
      'consecutiveLosses',
      { max: 4, escalate: false },
      ['consecutiveLosses.max: raised from 3 to 4', 'consecutiveLosses.escalate: turned off'],
    ],
    [
      'stopRequired',
      { graceSeconds: 30, stopTicks: 12 },
      ['stopRequired.graceSeconds: raised from 10 to 30', 'stopRequired.stopTicks: raised from 8 to 12'],
    ],
    ['marginLevel', { critical: 110 }, ['marginLevel.critical: lowered from 120 to 110']],
    [
      'exposure',
      { maxGross: null, hhiWarning: 0.4 },
      ['exposure.maxGross: limit removed (was 500000)', 'exposure.hhiWarning: raised from 0.25 to 0.4'],
    ],
    [
      'tradingHours',
      { windows: [{ days: weekdays, start: '08:00', end: '15:00' }] },
      [
        'tradingHours.windows: widened: now also allows monday 08:00–08:30, tuesday 08:00–08:30, wednesday 08:00–08:30 and 2 more',
      ],
    ],
    [
      'tradingHours',
      { windows: [{ days: [...weekdays, 'sunday'], start: '08:30', end: '15:00' }] },
      ['tradingHours.windows: widened: now also allows sunday 08:30–15:00'],
    ],
    ['tradingHours', { flattenAt: null }, ['tradingHours.flattenAt: removed (was 15:05)']],
    [
      'newsBlackout',
      { events: [{ ...cpi, minutesAfter: 1, flatten: false }] },
      [
        'newsBlackout.events: 2026-06-10T08:30:00-04:00 minutesAfter lowered from 5 to 1; 2026-06-10T08:30:00-04:00 flatten turned off',
      ],
    ],
    [
      'newsBlackout',
      { events: [{ at: '2026-06-05T08:30:00-04:00' }] },
      ['newsBlackout.events: the blackout at 2026-06-10T08:30:00-04:00 removed'],
    ],
    ['symbolBlock', { symbols: ['GC'] }, ['symbolBlock.symbols: no longer blocks CL']],
    ['staleData', { maxQuoteAgeSeconds: 30 }, ['staleData.maxQuoteAgeSeconds: raised from 10 to 30']],
    ['trailingStop', { trailTicks: 16 }, ['trailingStop.trailTicks: raised from 10 to 16']],
  ])('%s %j', (id, keys, loosened) => {
    const result = compareStrictness(accountRules(base), changed(id, keys));
    expect(result).toStrictEqual(loosened.length === 0 ? { ok: true } : { ok: false, loosened });
  });

  it('lets a rule be added, but not a disabled one be dropped silently from a locked account', () => {
    const without = accountRules({ dailyLoss: { amount: 1000 } });
    const withBlock = accountRules({ dailyLoss: { amount: 1000 }, symbolBlock: { symbols: ['CL'] } });
    expect(compareStrictness(without, withBlock)).toStrictEqual({ ok: true });
    expect(compareStrictness(withBlock, without)).toStrictEqual({
      ok: false,
      loosened: ['symbolBlock: removed'],
    });
  });

  it('ignores warnAt on a count rule, where it has no meaning', () => {
    expect(compareStrictness(accountRules(base), changed('maxContracts', { warnAt: 0.9 }))).toStrictEqual({
      ok: true,
    });
  });
});
