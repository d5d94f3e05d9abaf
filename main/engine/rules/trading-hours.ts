// tradingHours: trading windows in the session's local wall time (days, start, end; an end at or before the
// start crosses midnight into the next day). A trade opening outside every window: closePosition. The clock
// passing `flattenAt` (local time) with anything open or working: flatten, once per day.
import { DateTime } from 'luxon';
import { weekdays, type RuleSettings } from '../../../shared/config/rules';
import { tradeOpenedBy } from './trade-opened';
import type { Breach, Rule, RuleContext } from './types';

export const tradingHours: Rule<'tradingHours'> = {
  id: 'tradingHours',
  triggers: ['clock', 'quote', 'fill', 'order', 'position', 'account', 'configChange'],
  evaluate(ctx) {
    const findings: Breach[] = [];
    const flatten = flattenDue(ctx);
    if (flatten !== null) findings.push(flatten);
    const symbol = tradeOpenedBy(ctx, 'tradingHours');
    if (symbol !== null && !insideAnyWindow(ctx.settings, local(ctx))) {
      findings.push({
        kind: 'breach',
        symbol,
        message: `${symbol} trade opened outside trading hours (${local(ctx).toFormat('ccc HH:mm')})`,
      });
    }
    return findings;
  },
  // With flattenAt, every evaluation notes when it looked (so a passed flattenAt is seen once): no fast path.
  quoteBounds: (ctx) => (ctx.settings.flattenAt === null ? [] : 'always'),
};

function local(ctx: RuleContext): DateTime {
  return DateTime.fromMillis(ctx.event.t, { zone: ctx.state.config.session.timezone });
}

const minutesOf = (hhmm: string): number => {
  const [hour = 0, minute = 0] = hhmm.split(':').map(Number);
  return hour * 60 + minute;
};

/** Inside a window that starts on this local day, or one that started yesterday and crosses midnight. */
export function insideAnyWindow(settings: RuleSettings<'tradingHours'>, at: DateTime): boolean {
  const now = at.hour * 60 + at.minute;
  const today = weekdays[at.weekday - 1];
  const yesterday = weekdays[(at.weekday + 5) % 7];
  return settings.windows.some((w) => {
    const start = minutesOf(w.start);
    const end = minutesOf(w.end);
    const crosses = end <= start;
    const days = new Set(w.days);
    if (today !== undefined && days.has(today) && now >= start && (crosses || now < end)) return true;
    return crosses && yesterday !== undefined && days.has(yesterday) && now < end;
  });
}

/**
 * The latest flattenAt at or before now, if the rule has not looked since before it and it lies in the current
 * trading day (so a restart after flattenAt still flattens what is open).
 */
function flattenDue(ctx: RuleContext<'tradingHours'>): Breach | null {
  const { settings, account, event } = ctx;
  if (settings.flattenAt === null) return null;
  const memory = ctx.memory('tradingHours:flattenAt');
  const lookedAt = Number(memory.data?.['lookedAt'] ?? 0);
  memory.data = { lookedAt: event.t };
  const minutes = minutesOf(settings.flattenAt);
  const hm = { hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 };
  let at = local(ctx).set(hm);
  if (at.toMillis() > event.t) at = local(ctx).minus({ days: 1 }).set(hm);
  // Only today's: a flattenAt passed unseen on an earlier trading day says nothing about what is open now.
  if (at.toMillis() <= Math.max(lookedAt, account.day.start - 1)) return null;
  if (account.positions.size === 0 && account.orders.size === 0) return null;
  return {
    kind: 'breach',
    action: 'flatten',
    message: `flatten at ${settings.flattenAt} (${at.toFormat('ccc yyyy-MM-dd')})`,
  };
}
