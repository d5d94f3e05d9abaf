// newsBlackout: from `minutesBefore` an event (`at`) to `minutesAfter` it, the account is locked until the
// window ends. `flatten: true`: halted, reported as flatten. `flatten: false`: held positions may stay, so the
// lock is `reducing` (nothing new) with an alert; the framework's halted always flattens.
import { DateTime } from 'luxon';
import type { Rule } from './types';
import type { Breach } from './types';

export const newsBlackout: Rule<'newsBlackout'> = {
  id: 'newsBlackout',
  triggers: ['clock', 'quote', 'fill', 'order', 'position', 'account', 'configChange'],
  evaluate(ctx) {
    const { settings, event, state } = ctx;
    const memory = ctx.memory('newsBlackout');
    // Windows reported and not yet over, by event (their end time); forgotten once over.
    const reported = Object.fromEntries(
      Object.entries(memory.data ?? {}).filter(([, until]) => Number(until) >= event.t),
    );
    memory.data = reported;
    const findings: Breach[] = [];
    for (const news of settings.events) {
      // An `at` without an offset is local wall time in the session's time zone.
      const at = DateTime.fromISO(news.at, { zone: state.config.session.timezone }).toMillis();
      if (Number.isNaN(at)) continue;
      const from = at - news.minutesBefore * 60_000;
      const until = at + news.minutesAfter * 60_000;
      const key = `${news.at}|${news.name ?? ''}`;
      if (event.t < from || event.t > until || key in reported) continue;
      reported[key] = until;
      const name = news.name ?? 'news';
      findings.push({
        kind: 'breach',
        message: `${name} blackout until ${DateTime.fromMillis(until, { zone: state.config.session.timezone }).toFormat('HH:mm')}`,
        action: news.flatten ? 'flatten' : 'alert',
        lock: { state: news.flatten ? settings.lockState : 'reducing', until },
      });
    }
    return findings;
  },
  quoteBounds(ctx) {
    const { settings, state } = ctx;
    const now = state.now;
    const reported = ctx.memory('newsBlackout').data ?? {};
    let before = Number.POSITIVE_INFINITY;
    for (const [, until] of Object.entries(reported)) before = Math.min(before, Number(until) + 1);
    for (const news of settings.events) {
      const at = DateTime.fromISO(news.at, { zone: state.config.session.timezone }).toMillis();
      if (Number.isNaN(at)) continue;
      const from = at - news.minutesBefore * 60_000;
      const until = at + news.minutesAfter * 60_000;
      if (now >= from && now <= until && !(`${news.at}|${news.name ?? ''}` in reported)) return 'always';
      if (from > now) before = Math.min(before, from);
    }
    return Number.isFinite(before) ? [{ on: 'time', before }] : [];
  },
};
