// What an account's rules hold where the config omits a value: lock defaults (a cooldown lock for tradeFrequency
// and consecutiveLosses), every rule's parameter defaults, and numbers kept exact.
import { describe, expect, it } from 'vitest';
import type { AccountRules } from '../../../shared/config/rules';
import { accountRules, halted, levels } from './helpers';

describe('defaults where the config omits a value', () => {
  it.each([
    [
      'tradeFrequency: lock = cooldown',
      { tradeFrequency: { perDay: 3, cooldownMinutes: 15 } },
      { minutes: 15 },
    ],
    ['tradeFrequency: no cooldown, no lock', { tradeFrequency: { perDay: 3, cooldownMinutes: 0 } }, 'none'],
    [
      'tradeFrequency: an explicit lock wins',
      { tradeFrequency: { perDay: 3, cooldownMinutes: 15, lock: 'dayEnd' } },
      'dayEnd',
    ],
    [
      'consecutiveLosses: lock = cooldown',
      { consecutiveLosses: { max: 2, cooldownMinutes: 10 } },
      { minutes: 10 },
    ],
    [
      'consecutiveLosses: explicit lock',
      { consecutiveLosses: { max: 2, cooldownMinutes: 10, lock: { minutes: 45 } } },
      { minutes: 45 },
    ],
    ['dailyLoss: dayEnd', { dailyLoss: { amount: 1 } }, 'dayEnd'],
    ['weeklyLoss: weekEnd', { weeklyLoss: { amount: 1 } }, 'weekEnd'],
    ['trailingDrawdown: manual', { trailingDrawdown: { amount: 1 } }, 'manual'],
    ['positionLoss: none', { positionLoss: { amount: 1 } }, 'none'],
  ])('lock, %s', (_name, rules, lock) => {
    const [rule] = Object.values(accountRules(rules));
    expect(rule?.lock).toStrictEqual(lock);
  });

  it.each([
    ['dailyLoss', { amount: 1000 }, { ...halted('dayEnd'), amount: '1000', basis: 'net' }],
    ['dailyGiveback', { amount: 400 }, { ...halted('dayEnd'), amount: '400', activateAfter: '0' }],
    [
      'trailingDrawdown',
      { amount: 2000 },
      {
        ...halted('manual'),
        amount: '2000',
        mode: 'intraday',
        startingBalance: '50000',
        lockThresholdAt: null,
      },
    ],
    [
      'maxContracts',
      { perSymbol: { MNQ: 4 } },
      {
        action: 'reducePosition',
        lock: 'none',
        lockState: 'halted',
        total: null,
        perSymbol: { MNQ: '4' },
        countWorkingOrders: true,
      },
    ],
    [
      'stopRequired',
      {},
      {
        action: 'closePosition',
        lock: 'none',
        lockState: 'halted',
        graceSeconds: 10,
        mode: 'close',
        stopTicks: 8,
      },
    ],
    ['marginLevel', {}, { ...halted('none'), warning: '150', critical: '120', liquidate: '100' }],
    [
      'exposure',
      {},
      {
        action: 'alert',
        lock: 'none',
        lockState: 'reducing',
        maxGross: null,
        maxSymbolPct: null,
        hhiWarning: '0.25',
      },
    ],
    [
      'staleData',
      {},
      { action: 'alert', lock: 'none', lockState: 'halted', maxQuoteAgeSeconds: 10, flatten: false },
    ],
    ['brokerLock', {}, halted('manual')],
    [
      'newsBlackout',
      { events: [{ at: '2026-06-05T08:30:00-04:00' }] },
      {
        ...halted('none'),
        events: [
          { at: '2026-06-05T08:30:00-04:00', minutesBefore: 2, minutesAfter: 2, flatten: false, name: null },
        ],
        calendar: null,
      },
    ],
    [
      'newsBlackout',
      { calendar: { impacts: ['High'], currencies: ['USD'] } },
      {
        ...halted('none'),
        events: [],
        calendar: {
          impacts: ['High'],
          currencies: ['USD'],
          minutesBefore: 2,
          minutesAfter: 2,
          flatten: false,
        },
      },
    ],
    [
      'tradingHours',
      { windows: [{ days: ['monday'], start: '08:30', end: '15:00' }] },
      {
        action: 'closePosition',
        lock: 'none',
        lockState: 'halted',
        windows: [{ days: ['monday'], start: '08:30', end: '15:00' }],
        flattenAt: null,
      },
    ],
  ])('%s', (id, params, expected) => {
    expect(accountRules({ [id]: params })[id as keyof AccountRules]).toStrictEqual({
      ...levels,
      ...expected,
    });
  });
});

describe('numbers: JSON numbers or decimal strings, money exact', () => {
  it.each([
    [1000, '1000'],
    ['1000.50', '1000.50'],
    [1000.5, '1000.5'],
    [0.1, '0.1'],
    [1e21, '1000000000000000000000'],
  ])('amount %j → %j', (amount, expected) => {
    expect(accountRules({ dailyLoss: { amount } }).dailyLoss?.amount).toBe(expected);
  });

  it.each([
    [3, 3],
    ['3', 3],
  ])('count %j → %j', (max, expected) => {
    expect(accountRules({ consecutiveLosses: { max, cooldownMinutes: 5 } }).consecutiveLosses?.max).toBe(
      expected,
    );
  });
});
