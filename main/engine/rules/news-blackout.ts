// newsBlackout (docs/RULES.md sections 6 and 12): inside a window (news-windows.ts) the account is locked until it
// ends, reported once at the first event inside. `flatten`: flattened and halted; else `reducing` (positions may be
// held, nothing new) with an alert. A window a new list drops is not started; a lock set runs to its end.
import { DateTime } from 'luxon';
import { newsWindows, type NewsWindow } from '../news-windows';
import type { RuleMemory } from '../state';
import type { Breach, Rule } from './types';

export const newsBlackout: Rule<'newsBlackout'> = {
  id: 'newsBlackout',
  // `calendar`: a new list may put the present inside a window.
  triggers: ['clock', 'quote', 'fill', 'order', 'position', 'account', 'configChange', 'calendar'],
  evaluate(ctx) {
    const { settings, event, state } = ctx;
    const zone = state.config.session.timezone;
    const reported = reportedWindows(ctx.memory('newsBlackout'), event.t);
    const findings: Breach[] = [];
    for (const window of newsWindows(settings, state.calendar, zone)) {
      if (window.from > event.t) break;
      if (event.t >= window.until || window.key in reported) continue;
      reported[window.key] = window.until;
      findings.push({
        kind: 'breach',
        message: messageOf(window, zone),
        action: window.flatten ? 'flatten' : 'alert',
        lock: { state: window.flatten ? settings.lockState : 'reducing', until: window.until },
      });
    }
    return findings;
  },
  quoteBounds(ctx) {
    const { settings, state } = ctx;
    const now = state.now;
    const reported = ctx.memory('newsBlackout').data ?? {};
    // A reported window is forgotten at its end: the memory changes then.
    let before = Number.POSITIVE_INFINITY;
    for (const until of Object.values(reported)) before = Math.min(before, Number(until));
    for (const window of newsWindows(settings, state.calendar, state.config.session.timezone)) {
      if (window.from > now) {
        before = Math.min(before, window.from);
        break;
      }
      if (now < window.until && !(window.key in reported)) return 'always';
    }
    return Number.isFinite(before) ? [{ on: 'time', before }] : [];
  },
};

/** The windows reported and not yet over, by key (their end); those over are forgotten. */
function reportedWindows(memory: RuleMemory, t: number): Record<string, number> {
  const reported = Object.fromEntries(
    Object.entries(memory.data ?? {}).flatMap(([key, until]) =>
      Number(until) > t ? [[key, Number(until)]] : [],
    ),
  );
  memory.data = reported;
  return reported;
}

/**
 * "High USD news: Non-Farm Payrolls at 07:30, blackout until 07:32 CDT"; a manual one "CPI at 07:30, …". Session
 * time, its zone named: the trader's screen may be in another.
 */
function messageOf(window: NewsWindow, zone: string): string {
  const time = (ms: number, format: string) => DateTime.fromMillis(ms, { zone }).toFormat(format);
  const what = window.source === 'calendar' ? `${window.impact} ${window.currency} news: ` : '';
  return `${what}${window.title} at ${time(window.at, 'HH:mm')}, blackout until ${time(window.until, 'HH:mm ZZZZ')}`;
}
