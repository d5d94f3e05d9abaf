// trailingDrawdown: the prop-firm trailing threshold (static, intraday, end of day; capped) and its ladder.
import { describe, expect, it } from 'vitest';
import { accountMetrics, apply, createEngineState, type EngineConfig } from '../../../../main/engine';
import type { EngineEvent } from '../../../../shared/domain/events';
import { instrumentEvents, runEngine } from '../../../helpers/engine';
import { accountConfig, at, clock, fill, quote, rule, ruleDecisions } from './money-rules.helpers';

type Mode = 'intraday' | 'endOfDay' | 'static';
const trailing = (mode: Mode, lockThresholdAt: string | null = null): EngineConfig =>
  accountConfig(rule('trailingDrawdown', { amount: '2000', mode, startingBalance: null, lockThresholdAt }));

/** The trailingThreshold metric after each step, as the trader's screen shows it. */
function thresholds(steps: [EngineEvent, string | null][], config: EngineConfig) {
  const state = createEngineState(config);
  for (const event of instrumentEvents) apply(state, event);
  return steps.map(([event]) => {
    apply(state, event);
    const account = state.accounts.get('A1');
    if (account === undefined) throw new Error('no account A1');
    return accountMetrics(state, account).trailingThreshold?.toFixed() ?? null;
  });
}

// A 50K account, 2,000 end-of-day trailing drawdown that stops trailing at the starting balance.
const endOfDaySteps: [EngineEvent, string | null][] = [
  [fill('2026-05-04T09:00:00-05:00', 'ES', 'buy', 1, '5800'), '48000'],
  [quote('2026-05-04T10:00:00-05:00', 'ES', '5860'), '48000'], // +3,000 open: end of day ignores it
  [fill('2026-05-04T11:00:00-05:00', 'ES', 'sell', 1, '5820'), '48000'], // balance 51,000
  [clock('2026-05-04T17:01:00-05:00'), '49000'], // day roll at 51,000
  [fill('2026-05-05T09:00:00-05:00', 'ES', 'buy', 1, '5800'), '49000'],
  [fill('2026-05-05T10:00:00-05:00', 'ES', 'sell', 1, '5830'), '49000'], // balance 52,500
  [clock('2026-05-05T17:01:00-05:00'), '50000'], // 50,500 capped at 50,000
  [fill('2026-05-06T09:00:00-05:00', 'ES', 'buy', 1, '5800'), '50000'],
  [fill('2026-05-06T10:00:00-05:00', 'ES', 'sell', 1, '5780'), '50000'], // balance 51,500
  [clock('2026-05-06T17:01:00-05:00'), '50000'], // never falls
  [fill('2026-05-07T09:00:00-05:00', 'ES', 'buy', 1, '5800'), '50000'],
  [quote('2026-05-07T09:01:00-05:00', 'ES', '5785'), '50000'], // equity 50,750: room 750
  [quote('2026-05-07T09:02:00-05:00', 'ES', '5777'), '50000'], // 50,350: room 350, 0.825 warning
  [quote('2026-05-07T09:03:00-05:00', 'ES', '5771.5'), '50000'], // 50,075: room 75, 0.9625 critical
  [quote('2026-05-07T09:04:00-05:00', 'ES', '5770'), '50000'], // 50,000: breach, first quote
  [quote('2026-05-07T09:05:00-05:00', 'ES', '5769'), '50000'], // 49,950: breach confirmed
];

// Intraday: the high-water mark is the highest equity seen, open profit included; no cap.
const intradaySteps: [EngineEvent, string | null][] = [
  [fill('2026-05-05T09:00:00-05:00', 'ES', 'buy', 1, '5800'), '48000'],
  [quote('2026-05-05T09:01:00-05:00', 'ES', '5830'), '49500'], // equity peak 51,500
  [quote('2026-05-05T09:02:00-05:00', 'ES', '5810'), '49500'], // 50,500: never falls
  [quote('2026-05-05T09:03:00-05:00', 'ES', '5797'), '49500'], // 49,850: room 350 warning
  [quote('2026-05-05T09:04:00-05:00', 'ES', '5792'), '49500'], // 49,600: room 100 critical
  [quote('2026-05-05T09:05:00-05:00', 'ES', '5790'), '49500'], // 49,500: breach, first quote
  [quote('2026-05-05T09:06:00-05:00', 'ES', '5790'), '49500'], // confirmed
];

describe('trailingDrawdown: the threshold a 50K account with a 2,000 drawdown trails', () => {
  it.each([
    {
      name: 'end of day, stops trailing at the starting balance',
      mode: 'endOfDay' as const,
      cap: '50000',
      steps: endOfDaySteps,
    },
    { name: 'intraday, open profit included', mode: 'intraday' as const, cap: null, steps: intradaySteps },
    {
      name: 'static: 48,000 whatever the account makes',
      mode: 'static' as const,
      cap: null,
      steps: [
        [fill('2026-05-05T09:00:00-05:00', 'ES', 'buy', 1, '5800'), '48000'],
        [quote('2026-05-05T09:01:00-05:00', 'ES', '5900'), '48000'],
        [fill('2026-05-05T09:02:00-05:00', 'ES', 'sell', 1, '5900'), '48000'],
        [clock('2026-05-05T17:01:00-05:00'), '48000'],
      ] as [EngineEvent, string | null][],
    },
  ])('$name', ({ mode, cap, steps }) => {
    expect(thresholds(steps, trailing(mode, cap))).toEqual(steps.map(([, expected]) => expected));
  });

  it('is null when the rule is off', () => {
    const steps: [EngineEvent, string | null][] = [
      [fill('2026-05-05T09:00:00-05:00', 'ES', 'buy', 1, '5800'), null],
    ];
    expect(thresholds(steps, accountConfig({}))).toEqual([null]);
  });
});

describe('trailingDrawdown: levels on 1 − (equity − threshold) / amount, breach halts until a manual reset', () => {
  const breach = (t: string) => ({
    t: at(t),
    rule: 'trailingDrawdown',
    level: 'breach',
    action: 'flatten',
    lock: { state: 'halted', until: 'manual' },
  });
  it.each([
    {
      name: 'end of day at a 50,000 threshold: room 350 warns, 75 is critical, 0 twice flattens',
      mode: 'endOfDay' as const,
      cap: '50000',
      steps: endOfDaySteps,
      expected: [
        { t: at('2026-05-07T09:02:00-05:00'), rule: 'trailingDrawdown', level: 'warning', action: 'alert' },
        { t: at('2026-05-07T09:03:00-05:00'), rule: 'trailingDrawdown', level: 'critical', action: 'alert' },
        breach('2026-05-07T09:05:00-05:00'),
      ],
    },
    {
      name: 'intraday after a 51,500 peak: threshold 49,500',
      mode: 'intraday' as const,
      cap: null,
      steps: intradaySteps,
      expected: [
        { t: at('2026-05-05T09:03:00-05:00'), rule: 'trailingDrawdown', level: 'warning', action: 'alert' },
        { t: at('2026-05-05T09:04:00-05:00'), rule: 'trailingDrawdown', level: 'critical', action: 'alert' },
        breach('2026-05-05T09:06:00-05:00'),
      ],
    },
  ])('$name', ({ mode, cap, steps, expected }) => {
    const { decisions } = runEngine(
      [...instrumentEvents, ...steps.map(([event]) => event)],
      trailing(mode, cap),
    );
    expect(ruleDecisions(decisions)).toEqual(expected);
  });
});
