// Config specs of the market and calendar rules (docs/RULES.md section 6): margin level, exposure, stale data, the
// broker's own lock, blocked symbols, trading hours and news blackouts.
import { z } from 'zod';
import { below, type RuleSpec } from './rule-spec';
import {
  amount,
  count,
  decimal,
  flag,
  fraction,
  instant,
  oneOf,
  symbol,
  timeOfDay,
  valueOf,
  weekday,
} from './values';

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

/**
 * The Forex Factory export's impact names. A free string would let a typo ("high") match nothing, silently: no
 * window, no flatten.
 */
const newsImpacts = ['High', 'Medium', 'Low', 'Holiday', 'Non-Economic'] as const;

const currencyCode = valueOf<string>((value) =>
  typeof value === 'string' && /^[A-Z]{3}$/.test(value)
    ? value
    : { error: 'must be a 3-letter currency code in capitals, such as USD' },
);

/**
 * Which of the news calendar's releases make windows (docs/RULES.md section 12): impacts and currencies match
 * exactly. minutesBefore/After default to 2 like a manual event; flatten defaults to false.
 */
const newsCalendar = z.strictObject({
  impacts: z.array(oneOf(newsImpacts)).min(1, 'needs at least one impact, such as High'),
  currencies: z.array(currencyCode).min(1, 'needs at least one currency, such as USD'),
  minutesBefore: count(0).default(2),
  minutesAfter: count(0).default(2),
  flatten: flag.default(false),
});

export const newsBlackout: RuleSpec<'newsBlackout'> = {
  params: { events: z.array(newsEvent), calendar: newsCalendar },
  required: [],
  defaults: { events: [], calendar: null },
  levels: false,
  complete: (rule) =>
    rule.events.length === 0 && rule.calendar === null
      ? [{ path: [], message: 'needs events or a calendar selection (or both)' }]
      : [],
};
