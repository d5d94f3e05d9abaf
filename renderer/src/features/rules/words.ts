// A rule's values in the trader's words, for placeholders: "inherited: 1,000", "inherited: no limit",
// "inherited: 0.8 (80%)", "inherited: for 30 minutes", "inherited: yes".
import { Dec } from '../../../../shared/domain/money';
import { lockWords, type ParamEntry } from '../../../../shared/config/rule-catalog';
import type { LockUntil } from '../../../../shared/config/rules';
import { shown } from './config-draft';
import { figureText } from './plan-draft';

/** "80" for "0.8"; the text itself when it is no decimal. */
function percentOf(value: unknown): string {
  const text = shown(value);
  return /^-?\d+(\.\d+)?$/.test(text) ? new Dec(text).times(100).toFixed() : text;
}

/** "Mon", "Tue", …: a day's short name. */
export const dayShort = (day: string): string => `${day.charAt(0).toUpperCase()}${day.slice(1, 3)}`;

/** A value of a parameter (or common key) in words; `entry.none` for null. Lists are shown as lists, not here. */
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
    case 'decimal':
    case 'percent':
    case 'count':
    case 'timeOfDay':
    case 'windows':
    case 'newsEvents':
    case 'newsCalendar':
    case 'symbols':
    case 'symbolLimits':
      return shown(value);
  }
}

/** The placeholder of a field the account leaves empty: "inherited: 1,000", or "required" when nothing gives it. */
export function inheritedWords(entry: ParamEntry, value: unknown): string {
  return value === undefined ? 'required' : `inherited: ${valueWords(entry, value)}`;
}
