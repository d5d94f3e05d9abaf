// Validation errors ("accounts.A1.rules.tradingHours.windows[0].end: must differ from start") matched to the field
// that shows them beside itself: a rule's parameter or common key, a part of a window, news event or the calendar
// selection, a blocked symbol, a per-symbol limit, or the rule as a whole. What no field shows is listed below.
import {
  newsCalendarParts,
  newsEventParts,
  ruleCatalog,
  windowParts,
} from '../../../../shared/config/rule-catalog';
import { ruleSpecs } from '../../../../shared/config/rule-table';
import { ruleIds, type RuleId } from '../../../../shared/config/rules';

/** "accounts.A1.rules.dailyLoss": where an account's own rule sits in the document, as errors name it. */
export const rulePath = (account: string, rule: string): string => `accounts.${account}.rules.${rule}`;

function split(error: string): { path: string; message: string } {
  const at = error.indexOf(': ');
  return at < 0 ? { path: '', message: error } : { path: error.slice(0, at), message: error.slice(at + 2) };
}

/**
 * The path of the field that shows an error at `path`: a list's items are shown with the list (a window's days,
 * the calendar's impacts and currencies, the blocked symbols).
 */
function shownAt(path: string): string {
  return path.replace(/\.(days|impacts|currencies|symbols)\[\d+\]$/, '.$1');
}

/** The messages for the field at `path` (several when a list has several bad items), joined; null when none. */
export function errorAt(errors: readonly string[], path: string): string | null {
  const found = errors.map(split).filter((e) => e.path === path || shownAt(e.path) === path);
  if (found.length === 0) return null;
  return [
    ...new Set(found.map((e) => (e.path === path ? e.message : `${itemOf(e.path)}: ${e.message}`))),
  ].join('; ');
}

/** "item 2" for a list item's error shown with its list. */
function itemOf(path: string): string {
  const index = /\[(\d+)\]$/.exec(path)?.[1];
  return index === undefined ? path : `item ${Number(index) + 1}`;
}

const isRule = (id: string): id is RuleId => (ruleIds as readonly string[]).includes(id);

export type MoreKey = 'action' | 'lock' | 'lockState' | 'warnAt' | 'criticalAt';

/** The common keys under a rule's "More": warnAt and criticalAt only where the rule has levels. */
export function moreKeys(rule: RuleId): MoreKey[] {
  return ruleSpecs[rule].levels
    ? ['action', 'lock', 'lockState', 'warnAt', 'criticalAt']
    : ['action', 'lock', 'lockState'];
}

/** The keys shown as a field of the rule: on/off, its parameters and the common keys under "More". */
function ruleKeys(rule: RuleId): string[] {
  return ['enabled', ...Object.keys(ruleCatalog[rule].params), ...moreKeys(rule)];
}

/** The parts of compound parameters that a field shows, relative to the rule. */
const either = (parts: object) => Object.keys(parts).join('|');
const partPatterns: Partial<Record<RuleId, RegExp>> = {
  tradingHours: new RegExp(`^windows\\[\\d+\\]\\.(${either(windowParts)})$`),
  newsBlackout: new RegExp(
    `^(events\\[\\d+\\]\\.(${either(newsEventParts)})|calendar\\.(${either(newsCalendarParts)}))$`,
  ),
  maxContracts: /^perSymbol\.\S+$/,
};

/** Whether a field of the account's rules shows this error (the rule as a whole counts as one). */
export function isShownBeside(error: string, account: string): boolean {
  const prefix = `accounts.${account}.rules.`;
  const { path } = split(error);
  if (!path.startsWith(prefix)) return false;
  const rest = shownAt(path.slice(prefix.length));
  const dot = rest.search(/[.[]/);
  const rule = dot < 0 ? rest : rest.slice(0, dot);
  if (!isRule(rule)) return false;
  if (dot < 0) return true;
  const key = rest.slice(dot + 1);
  return ruleKeys(rule).includes(key) || partPatterns[rule]?.test(key) === true;
}

/**
 * A refusal's list of errors back into lines: "a.b: must …; c.d: is required" (a message may itself hold "; "
 * but never "; " followed by a path and ": ").
 */
export function splitErrorList(text: string): string[] {
  return text.split(/; (?=[A-Za-z(][^\s:;]*: )/);
}
