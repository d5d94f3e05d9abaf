// The comparisons behind tighten-only (docs/RULES.md section 6): each takes a value before and after a config change
// and says how the change loosens the rule, or null when it keeps or tightens it.
import { Dec } from '../domain/money';
import type { LockUntil, NewsCalendarSelection, RuleParams } from './rules';
import { weekdays } from './values';

/** How `after` loosens `before`, or null. */
export type Compare<T> = (before: T, after: T) => string | null;

const big = (value: string | number) => new Dec(value);

export const lowerIsTighter: Compare<string | number> = (before, after) =>
  big(after).gt(before) ? `raised from ${before} to ${after}` : null;

export const higherIsTighter: Compare<string | number> = (before, after) =>
  big(after).lt(before) ? `lowered from ${before} to ${after}` : null;

/** An optional limit where null is no limit at all (the loosest). */
export const limitOrNone: Compare<string | number | null> = (before, after) => {
  if (before === null) return null;
  if (after === null) return `limit removed (was ${before})`;
  return lowerIsTighter(before, after);
};

/** An optional cap where null is no cap (the tightest), e.g. lockThresholdAt stops the threshold's rise. */
export const capOrNone: Compare<string | null> = (before, after) => {
  if (after === null) return null;
  if (before === null) return `cap added at ${after}`;
  return higherIsTighter(before, after);
};

/** A value where null means "taken from elsewhere": any change to or from null cannot be proven tighter. */
export const fixedHigherIsTighter: Compare<string | null> = (before, after) => {
  if (before === after) return null;
  if (before === null || after === null) return `changed from ${before ?? 'unset'} to ${after ?? 'unset'}`;
  return higherIsTighter(before, after);
};

/** Words or flags in order from the mildest to the strictest; equal strictness shares a rank. */
export function ranked<T extends string | boolean>(...ranks: (T | readonly T[])[]): Compare<T> {
  const rankOf = (value: T) =>
    ranks.findIndex((rank) => (Array.isArray(rank) ? rank.includes(value) : rank === value));
  return (before, after) => (rankOf(after) < rankOf(before) ? `from ${before} to ${after} (milder)` : null);
}

export const trueIsTighter: Compare<boolean> = (before, after) => (before && !after ? 'turned off' : null);
export const falseIsTighter: Compare<boolean> = (before, after) => (!before && after ? 'turned on' : null);

const showLock = (lock: LockUntil) => (typeof lock === 'string' ? lock : `${lock.minutes} minutes`);
/** none < N minutes (by N) < dayEnd < weekEnd < manual: a timed lock is taken as shorter than the day's rest. */
const lockRank = (lock: LockUntil): number =>
  typeof lock === 'object' ? 1 : { none: 0, dayEnd: 2, weekEnd: 3, manual: 4 }[lock];

export const lockLength: Compare<LockUntil> = (before, after) => {
  const shorter =
    typeof before === 'object' && typeof after === 'object'
      ? after.minutes < before.minutes
      : lockRank(after) < lockRank(before);
  return shorter ? `from ${showLock(before)} to ${showLock(after)} (shorter)` : null;
};

/** An earlier "HH:mm" is tighter; null (no time) is the loosest. */
export const earlierOrNone: Compare<string | null> = (before, after) => {
  if (before === null) return null;
  if (after === null) return `removed (was ${before})`;
  return after > before ? `moved later from ${before} to ${after}` : null;
};

export const keepsSymbols: Compare<string[]> = (before, after) => {
  const dropped = before.filter((symbol) => !after.includes(symbol));
  return dropped.length > 0 ? `no longer blocks ${dropped.join(', ')}` : null;
};

export const perSymbolLimits: Compare<Record<string, string>> = (before, after) => {
  const changes = Object.entries(before).flatMap(([symbol, limit]) => {
    const next = after[symbol];
    if (next === undefined) return [`${symbol} limit removed (was ${limit})`];
    return big(next).gt(limit) ? [`${symbol} raised from ${limit} to ${next}`] : [];
  });
  return changes.length > 0 ? changes.join('; ') : null;
};

type Window = RuleParams['tradingHours']['windows'][number];
const weekMinutes = 7 * 1440;
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** Which minutes of the week (Monday 00:00 = 0) the windows allow; an end at or before the start crosses midnight. */
function allowedMinutes(windows: Window[]): boolean[] {
  const allowed = new Array<boolean>(weekMinutes).fill(false);
  for (const window of windows) {
    const start = minutesOf(window.start);
    const end = minutesOf(window.end);
    const length = end > start ? end - start : end + 1440 - start;
    for (const day of window.days) {
      const first = weekdays.indexOf(day) * 1440 + start;
      for (let m = 0; m < length; m++) allowed[(first + m) % weekMinutes] = true;
    }
  }
  return allowed;
}

export const windowsWithin: Compare<Window[]> = (before, after) => {
  const was = allowedMinutes(before);
  const now = allowedMinutes(after);
  const added: string[] = [];
  for (let m = 0; m < weekMinutes; m++) {
    if (!now[m] || was[m] || (m > 0 && now[m - 1] && !was[m - 1])) continue;
    let end = m;
    while (end < weekMinutes && now[end] && !was[end]) end++;
    added.push(`${weekdays[Math.floor(m / 1440)] ?? ''} ${hhmm(m % 1440)}–${hhmm(end % 1440)}`);
  }
  if (added.length === 0) return null;
  const more = added.length > 3 ? ` and ${added.length - 3} more` : '';
  return `widened: now also allows ${added.slice(0, 3).join(', ')}${more}`;
};

type NewsEvent = RuleParams['newsBlackout']['events'][number];

export const keepsBlackouts: Compare<NewsEvent[]> = (before, after) => {
  const changes = before.flatMap((event) => {
    const next = after.find((other) => Date.parse(other.at) === Date.parse(event.at));
    if (next === undefined) return [`the blackout at ${event.at} removed`];
    const lines = [
      ['minutesBefore', higherIsTighter(event.minutesBefore, next.minutesBefore)],
      ['minutesAfter', higherIsTighter(event.minutesAfter, next.minutesAfter)],
      ['flatten', trueIsTighter(event.flatten, next.flatten)],
    ] as const;
    return lines.flatMap(([key, change]) => (change === null ? [] : [`${event.at} ${key} ${change}`]));
  });
  return changes.length > 0 ? changes.join('; ') : null;
};

/** The calendar's windows: dropping an impact or a currency, shorter windows or no flatten loosen them. */
export const keepsCalendar: Compare<NewsCalendarSelection | null> = (before, after) => {
  if (before === null) return null;
  if (after === null) return 'calendar blackouts removed';
  const dropped = (was: string[], now: string[]) => was.filter((value) => !now.includes(value));
  const lines = [
    ...dropped(before.impacts, after.impacts).map((impact) => `impact ${impact} no longer blacked out`),
    ...dropped(before.currencies, after.currencies).map((code) => `currency ${code} no longer blacked out`),
    ...(
      [
        ['minutesBefore', higherIsTighter(before.minutesBefore, after.minutesBefore)],
        ['minutesAfter', higherIsTighter(before.minutesAfter, after.minutesAfter)],
        ['flatten', trueIsTighter(before.flatten, after.flatten)],
      ] as const
    ).flatMap(([key, change]) => (change === null ? [] : [`${key} ${change}`])),
  ];
  return lines.length > 0 ? lines.join('; ') : null;
};
