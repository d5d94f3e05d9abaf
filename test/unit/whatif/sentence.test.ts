// The what-if's sentence in the trader's words, money as the screen shows it.
import { describe, expect, it } from 'vitest';
import type { WhatIfDay } from '../../../shared/ipc/what-if';
import { dec } from '../../../shared/domain/money';
import { signedMoney, whatIfSentence } from '../../../main/whatif/sentence';

const day = (fields: Partial<WhatIfDay> = {}): WhatIfDay => ({
  day: '2026-04-01',
  actualNetPnl: '0',
  whatIfNetPnl: '0',
  breaches: 0,
  flattens: 0,
  stoppedAt: null,
  firstFired: [],
  ...fields,
});

describe('signedMoney', () => {
  it.each([
    ['1240', '+1,240.00'],
    ['-310', '-310.00'],
    ['0', '0.00'],
    ['-0.004', '0.00'],
    ['1234567.891', '+1,234,567.89'],
    ['-0.005', '-0.01'],
  ])('%s reads %s', (value, text) => {
    expect(signedMoney(dec(value))).toBe(text);
  });
});

describe('the what-if sentence', () => {
  it.each([
    {
      case: 'stopped on some days, finishing better',
      days: [day({ stoppedAt: '2026-04-01T14:22:00Z', flattens: 1 }), day(), day()],
      actual: '-310',
      whatIf: '1240',
      stopped: 3,
      text: 'With these rules you would have been stopped on 3 days and finished +1,240.00 instead of -310.00.',
    },
    {
      case: 'stopped on one day, the money the same',
      days: [day({ stoppedAt: '2026-04-01T14:22:00Z' })],
      actual: '-2008',
      whatIf: '-2008',
      stopped: 1,
      text: 'With these rules you would have been stopped on 1 day and finished -2,008.00 all the same.',
    },
    {
      case: 'closed a position but never stopped',
      days: [day({ flattens: 1 })],
      actual: '100',
      whatIf: '40.5',
      stopped: 0,
      text: 'With these rules you would not have been stopped, and would have finished +40.50 instead of +100.00.',
    },
    {
      case: 'nothing changed (a warning only)',
      days: [day({ firstFired: [{ rule: 'dailyLoss', level: 'warning', at: '2026-04-01T14:02:00Z' }] })],
      actual: '-400',
      whatIf: '-400',
      stopped: 0,
      text: 'With these rules nothing would have changed in the last 30 days: you finished -400.00.',
    },
    {
      case: 'no day to compare',
      days: [],
      actual: '0',
      whatIf: '0',
      stopped: 0,
      text: 'Nothing to compare: the account did not trade in the last 30 days.',
    },
  ])('$case', ({ days, actual, whatIf, stopped, text }) => {
    expect(
      whatIfSentence({
        days,
        actualNetPnl: dec(actual),
        whatIfNetPnl: dec(whatIf),
        daysStopped: stopped,
        span: 30,
      }),
    ).toBe(text);
  });

  it('says "the last day" for a one-day what-if', () => {
    expect(
      whatIfSentence({ days: [], actualNetPnl: dec(0), whatIfNetPnl: dec(0), daysStopped: 0, span: 1 }),
    ).toBe('Nothing to compare: the account did not trade in the last day.');
  });
});
