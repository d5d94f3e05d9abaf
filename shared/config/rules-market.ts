// Config specs of the market and calendar rules (docs/RULES.md section 6): margin level, exposure, stale data, the
// broker's own lock, blocked symbols, trading hours and news blackouts.
import { z } from 'zod';
import { below, type RuleSpec } from './rule-spec';
import { amount, count, decimal, flag, fraction, instant, symbol, timeOfDay, weekday } from './values';

const marginPct = decimal({ above: '0' });

export const marginLevel: RuleSpec<'marginLevel'> = {
  params: { warning: marginPct, critical: marginPct, liquidate: marginPct },
  required: [],
  defaults: { warning: '150', critical: '120', liquidate: '100' },
  levels: false,
  check: (rule) => [...below(rule, 'critical', 'warning'), ...below(rule, 'liquidate', 'critical')],
};

export const exposure: RuleSpec<'exposure'> = {
  params: { maxGross: amount, maxSymbolPct: decimal({ above: '0', max: '100' }), hhiWarning: fraction },
  required: [],
  defaults: { maxGross: null, maxSymbolPct: null, hhiWarning: '0.25' },
  levels: true,
};

export const staleData: RuleSpec<'staleData'> = {
  params: { maxQuoteAgeSeconds: count(1), flatten: flag },
  required: [],
  defaults: { maxQuoteAgeSeconds: 10, flatten: false },
  levels: false,
};

export const brokerLock: RuleSpec<'brokerLock'> = { params: {}, required: [], defaults: {}, levels: false };

export const symbolBlock: RuleSpec<'symbolBlock'> = {
  params: { symbols: z.array(symbol).min(1, 'needs at least one symbol') },
  required: ['symbols'],
  defaults: {},
  levels: false,
};

const tradingWindow = z
  .strictObject({
    days: z.array(weekday).min(1, 'needs at least one day'),
    start: timeOfDay,
    end: timeOfDay,
  })
  .superRefine((window, ctx) => {
    // An end before the start is a window across midnight (futures evenings); an equal end is empty.
    if (window.start === window.end) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: `must differ from start, got "${window.end}"` });
    }
    window.days.forEach((day, index) => {
      if (window.days.indexOf(day) !== index) {
        ctx.addIssue({ code: 'custom', path: ['days', index], message: `lists ${day} twice` });
      }
    });
  });

export const tradingHours: RuleSpec<'tradingHours'> = {
  params: { windows: z.array(tradingWindow).min(1, 'needs at least one window'), flattenAt: timeOfDay },
  required: ['windows'],
  defaults: { flattenAt: null },
  levels: false,
};

/** minutesBefore/After default to 2: the usual prop-firm news window. */
const newsEvent = z.strictObject({
  at: instant,
  minutesBefore: count(0).default(2),
  minutesAfter: count(0).default(2),
  flatten: flag.default(false),
  name: z.string().min(1).nullable().default(null),
});

export const newsBlackout: RuleSpec<'newsBlackout'> = {
  params: { events: z.array(newsEvent) },
  required: ['events'],
  defaults: {},
  levels: false,
};
