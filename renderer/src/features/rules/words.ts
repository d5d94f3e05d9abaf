// A rule's values in the trader's words, for placeholders and summaries: "inherited: 1,000", "inherited: no limit",
// "inherited: 0.8 (80%)", "Mon–Fri 08:30–15:00", "High USD, 2 min before, 2 after".
import { Dec } from '../../../../shared/domain/money';
import { lockWords, type ParamEntry } from '../../../../shared/config/rule-catalog';
import { weekdays, type LockUntil } from '../../../../shared/config/rules';
import { shown } from './config-draft';
import { figureText } from './plan-draft';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** "80" for "0.8"; the text itself when it is no decimal. */
function percentOf(value: unknown): string {
  const text = shown(value);
  return /^-?\d+(\.\d+)?$/.test(text) ? new Dec(text).times(100).toFixed() : text;
}

/** "Mon", "Tue", …: a day's short name. */
export const dayShort = (day: string): string => `${day.charAt(0).toUpperCase()}${day.slice(1, 3)}`;

/** "Mon–Fri" for a run of days in week order, else "Mon, Wed". */
export function daysText(days: readonly unknown[]): string {
  const order = weekdays.filter((day) => days.includes(day));
  if (order.length === 0) return 'no days';
  const first = weekdays.indexOf(order[0] ?? 'monday');
  const run = order.every((day, i) => weekdays.indexOf(day) === first + i);
  const last = order[order.length - 1] ?? 'monday';
  return run && order.length > 2
    ? `${dayShort(order[0] ?? '')}–${dayShort(last)}`
    : order.map(dayShort).join(', ');
}

function windowsText(value: unknown): string {
  const windows = listOf(value).filter(isRecord);
  if (windows.length === 0) return 'no windows';
  return windows
    .map((w) => `${daysText(listOf(w['days']))} ${shown(w['start'])}–${shown(w['end'])}`)
    .join('; ');
}

function calendarText(value: unknown): string {
  if (!isRecord(value)) return 'no calendar';
  const what = [...listOf(value['impacts']), ...listOf(value['currencies'])].map(shown).join(' ');
  const before = shown(value['minutesBefore'] ?? 2);
  const after = shown(value['minutesAfter'] ?? 2);
  return `${what}, ${before} min before, ${after} after${value['flatten'] === true ? ', flatten' : ''}`;
}

/** A value of a parameter (or common key) in words; `entry.none` for null. */
export function valueWords(entry: ParamEntry, value: unknown): string {
  if (value === null) return entry.none ?? 'none';
  switch (entry.kind) {
    case 'money':
      return figureText(value);
    case 'fraction':
      return `${shown(value)} (${percentOf(value)}%)`;
    case 'choice':
      return entry.choices?.find((c) => c.value === value)?.label ?? shown(value);
    case 'flag':
      return value === true ? 'yes' : 'no';
    case 'lock':
      return lockWords(value as LockUntil);
    case 'windows':
      return windowsText(value);
    case 'newsEvents': {
      const n = listOf(value).length;
      return n === 0 ? 'no events' : `${n} event${n === 1 ? '' : 's'}`;
    }
    case 'newsCalendar':
      return calendarText(value);
    case 'symbols':
      return listOf(value).length === 0 ? 'none' : listOf(value).map(shown).join(', ');
    case 'symbolLimits': {
      const limits = isRecord(value) ? Object.entries(value) : [];
      return limits.length === 0 ? 'none' : limits.map(([s, n]) => `${s} ${shown(n)}`).join(', ');
    }
    case 'decimal':
    case 'percent':
    case 'count':
    case 'timeOfDay':
      return shown(value);
  }
}

/** The placeholder of a field the account leaves empty: "inherited: 1,000", or "required" when nothing gives it. */
export function inheritedWords(entry: ParamEntry, value: unknown): string {
  return value === undefined ? 'required' : `inherited: ${valueWords(entry, value)}`;
}
