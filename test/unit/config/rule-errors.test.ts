// What a trader can get wrong in each rule, one row each: the exact error line, with the path of the field and the
// value written. Each row is account A1's own rules (startingBalance 50000) and must yield exactly that one line.
import { describe, expect, it } from 'vitest';
import { ruleErrors } from './helpers';

const at = '2026-06-05T08:30:00-04:00';
const window = { days: ['monday'], start: '08:30', end: '15:00' };

describe('rule parameters', () => {
  it.each([
    ['dailyLoss', { amount: -5 }, 'amount: must be greater than 0, got -5'],
    ['dailyLoss', { amount: 0 }, 'amount: must be greater than 0, got 0'],
    [
      'dailyLoss',
      { amount: '1,000' },
      'amount: must be a number (a JSON number or a decimal string such as "1000.50"), got "1,000"',
    ],
    ['dailyLoss', { amount: 1000, basis: 'gross' }, 'basis: must be one of net, realized, got "gross"'],
    ['dailyLoss', { basis: 'net' }, 'amount: is required'],
    [
      'dailyLoss',
      { amount: 1000, amout: 900 },
      'amout: unknown key for dailyLoss (did you mean amount?); it accepts enabled, warnAt, criticalAt, action, lock, lockState, amount, basis',
    ],
    [
      'dailyProfitTarget',
      { amount: 'lots' },
      'amount: must be a number (a JSON number or a decimal string such as "1000.50"), got "lots"',
    ],
    ['dailyGiveback', { amount: 500, activateAfter: -1 }, 'activateAfter: must be at least 0, got -1'],
    [
      'weeklyLoss',
      { amount: true },
      'amount: must be a number (a JSON number or a decimal string such as "1000.50"), got true',
    ],
    [
      'trailingDrawdown',
      { amount: 2000, mode: 'eod' },
      'mode: must be one of intraday, endOfDay, static, got "eod"',
    ],
    [
      'trailingDrawdown',
      { amount: 2000, lockThresholdAt: 2000 },
      'lockThresholdAt: must be at least startingBalance − amount (48000), got 2000',
    ],
    [
      'trailingDrawdown',
      { amount: 2000, startingBalance: -50000 },
      'startingBalance: must be greater than 0, got -50000',
    ],
    ['positionLoss', {}, 'amount: is required'],
    ['maxContracts', { total: -1 }, 'total: must be at least 0, got -1'],
    [
      'maxContracts',
      { perSymbol: { MNQ: 'ten' } },
      'perSymbol.MNQ: must be a number (a JSON number or a decimal string such as "1000.50"), got "ten"',
    ],
    ['maxContracts', { perSymbol: {} }, 'total: is required unless perSymbol gives at least one limit'],
    [
      'maxContracts',
      { total: 5, countWorkingOrders: 'yes' },
      'countWorkingOrders: must be true or false, got "yes"',
    ],
    ['tradeFrequency', { cooldownMinutes: 15 }, ': needs at least one window: perMinute, perHour or perDay'],
    ['tradeFrequency', { perDay: 2.5, cooldownMinutes: 15 }, 'perDay: must be a whole number, got 2.5'],
    [
      'tradeFrequency',
      { perHour: 0, cooldownMinutes: 15 },
      'perHour: must be a whole number of at least 1, got 0',
    ],
    ['tradeFrequency', { perDay: 3 }, 'cooldownMinutes: is required'],
    [
      'consecutiveLosses',
      { max: 0, cooldownMinutes: 30 },
      'max: must be a whole number of at least 1, got 0',
    ],
    ['consecutiveLosses', { max: 3 }, 'cooldownMinutes: is required'],
    [
      'consecutiveLosses',
      { max: 3, cooldownMinutes: 30, escalate: 'true' },
      'escalate: must be true or false, got "true"',
    ],
    ['stopRequired', { mode: 'attach' }, 'mode: must be one of close, attachStop, got "attach"'],
    ['stopRequired', { graceSeconds: -1 }, 'graceSeconds: must be a whole number of at least 0, got -1'],
    ['stopRequired', { stopTicks: 0 }, 'stopTicks: must be a whole number of at least 1, got 0'],
    ['marginLevel', { critical: 160 }, 'critical: must be below warning (150), got 160'],
    ['marginLevel', { liquidate: 130 }, 'liquidate: must be below critical (120), got 130'],
    [
      'marginLevel',
      { warning: 200, critical: 90, liquidate: 95 },
      'liquidate: must be below critical (90), got 95',
    ],
    ['exposure', { maxSymbolPct: 120 }, 'maxSymbolPct: must be at most 100, got 120'],
    ['exposure', { hhiWarning: 1.5 }, 'hhiWarning: must be at most 1, got 1.5'],
    ['exposure', { maxGross: -1 }, 'maxGross: must be greater than 0, got -1'],
    ['tradingHours', {}, 'windows: is required'],
    ['tradingHours', { windows: [] }, 'windows: needs at least one window'],
    [
      'tradingHours',
      { windows: [{ ...window, days: ['Mon'] }] },
      'windows[0].days[0]: must be a weekday name (monday, tuesday, wednesday, thursday, friday, saturday, sunday), got "Mon"',
    ],
    [
      'tradingHours',
      { windows: [{ ...window, start: '8:30' }] },
      'windows[0].start: must be a 24-hour time HH:mm such as 17:00, got "8:30"',
    ],
    [
      'tradingHours',
      { windows: [{ ...window, end: '24:00' }] },
      'windows[0].end: must be a 24-hour time HH:mm such as 17:00, got "24:00"',
    ],
    [
      'tradingHours',
      { windows: [{ ...window, end: '08:30' }] },
      'windows[0].end: must differ from start, got "08:30"',
    ],
    [
      'tradingHours',
      { windows: [{ ...window, days: ['monday', 'monday'] }] },
      'windows[0].days[1]: lists monday twice',
    ],
    ['tradingHours', { windows: [{ ...window, days: [] }] }, 'windows[0].days: needs at least one day'],
    [
      'tradingHours',
      { windows: [window], flattenAt: '3pm' },
      'flattenAt: must be a 24-hour time HH:mm such as 17:00, got "3pm"',
    ],
    ['newsBlackout', {}, ': needs events or a calendar selection (or both)'],
    ['newsBlackout', { events: [] }, ': needs events or a calendar selection (or both)'],
    [
      'newsBlackout',
      { calendar: { impacts: [], currencies: ['USD'] } },
      'calendar.impacts: needs at least one impact, such as High',
    ],
    [
      'newsBlackout',
      { calendar: { impacts: ['high'], currencies: ['USD'] } },
      'calendar.impacts[0]: must be one of High, Medium, Low, Holiday, Non-Economic, got "high"',
    ],
    [
      'newsBlackout',
      { calendar: { impacts: ['High'], currencies: [] } },
      'calendar.currencies: needs at least one currency, such as USD',
    ],
    [
      'newsBlackout',
      { calendar: { impacts: ['High'], currencies: ['US Dollar'] } },
      'calendar.currencies[0]: must be a 3-letter currency code in capitals, such as USD, got "US Dollar"',
    ],
    [
      'newsBlackout',
      { calendar: { impacts: ['High'], currencies: ['USD'], minutesAfter: -1 } },
      'calendar.minutesAfter: must be a whole number of at least 0, got -1',
    ],
    [
      'newsBlackout',
      { calendar: { impacts: ['High'], currencies: ['USD'], flatten: 'yes' } },
      'calendar.flatten: must be true or false, got "yes"',
    ],
    [
      'newsBlackout',
      { calendar: { impacts: ['High'], currencies: ['USD'], currency: ['USD'] } },
      'calendar.currency: unknown key',
    ],
    [
      'newsBlackout',
      { events: [{ at: '2026-06-05T08:30:00' }] },
      'events[0].at: must be an ISO-8601 time with its offset, such as 2026-05-08T08:30:00-05:00, got "2026-06-05T08:30:00"',
    ],
    [
      'newsBlackout',
      { events: [{ at: '2026-02-30T08:30:00-05:00' }] },
      'events[0].at: must be an ISO-8601 time with its offset, such as 2026-05-08T08:30:00-05:00, got "2026-02-30T08:30:00-05:00"',
    ],
    [
      'newsBlackout',
      { events: [{ at, minutesBefore: -2 }] },
      'events[0].minutesBefore: must be a whole number of at least 0, got -2',
    ],
    ['newsBlackout', { events: [{ at, minutes: 2 }] }, 'events[0].minutes: unknown key'],
    ['symbolBlock', { symbols: [] }, 'symbols: needs at least one symbol'],
    [
      'symbolBlock',
      { symbols: ['M NQ'] },
      'symbols[0]: must be a symbol such as MNQ (no spaces), got "M NQ"',
    ],
    ['symbolBlock', { symbols: 'CL' }, 'symbols: must be a list, got "CL"'],
    [
      'brokerLock',
      { amount: 1 },
      'amount: unknown key for brokerLock; it accepts enabled, warnAt, criticalAt, action, lock, lockState',
    ],
    [
      'staleData',
      { maxQuoteAgeSeconds: 0 },
      'maxQuoteAgeSeconds: must be a whole number of at least 1, got 0',
    ],
    ['trailingStop', { trailTicks: 8 }, 'activateAfterTicks: is required'],
    [
      'trailingStop',
      { activateAfterTicks: 10, trailTicks: 0 },
      'trailTicks: must be a whole number of at least 1, got 0',
    ],
  ])('%s %j', (id, params, line) => {
    const path = line.startsWith(':') ? `accounts.A1.rules.${id}` : `accounts.A1.rules.${id}.`;
    expect(ruleErrors({ [id]: params })).toStrictEqual([`${path}${line}`]);
  });
});

describe('keys every rule accepts', () => {
  it.each([
    [{ warnAt: 0.9, criticalAt: 0.8 }, 'warnAt: must be below criticalAt (0.8), got 0.9'],
    [{ warnAt: 0.96 }, 'warnAt: must be below criticalAt (0.95), got 0.96'],
    [{ criticalAt: 1.2 }, 'criticalAt: must be at most 1, got 1.2'],
    [{ warnAt: 0 }, 'warnAt: must be greater than 0, got 0'],
    [
      { action: 'close' },
      'action: must be one of alert, cancelOrders, closePosition, reducePosition, flatten, got "close"',
    ],
    [{ lock: 'forever' }, 'lock: must be none, dayEnd, weekEnd, manual or {minutes: N}, got "forever"'],
    [{ lock: { minutes: 0 } }, 'lock: must have minutes as a whole number of at least 1, got 0'],
    [{ lock: { hours: 1 } }, 'lock: must be none, dayEnd, weekEnd, manual or {minutes: N}, got an object'],
    [{ lockState: 'frozen' }, 'lockState: must be one of halted, reducing, got "frozen"'],
    [{ enabled: 'no' }, 'enabled: must be true or false, got "no"'],
  ])('%j', (common, line) => {
    expect(ruleErrors({ dailyLoss: { amount: 1000, ...common } })).toStrictEqual([
      `accounts.A1.rules.dailyLoss.${line}`,
    ]);
  });
});
