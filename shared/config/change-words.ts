// The words of a config change as the trader reads them on the Rules screen: rule titles and setting labels from the
// rule catalog, values written like the UI writes them (money with thousands separators and 2 places, counts plain,
// times as written). Groups, copiers, plans and the document's own settings are not in the catalog: their labels
// are here.
import { Dec, formatMoney } from '../domain/money';
import type { CopierSettings, GroupRuleId, GroupRuleParams } from './groups';
import type { PlanSettings } from './plan';
import { commonCatalog, lockWords, ruleCatalog, type ParamEntry } from './rule-catalog';
import type { LockUntil, RuleCommon, RuleId } from './rules';

/** How a setting is labelled and its value written: a catalog entry, or one of the kinds only a change needs. */
export type SettingWords = ParamEntry | { label: string; kind: 'text' | 'list' | 'ladder'; none?: string };

/** A rule's (or a group rule's, a copier's, a plan's) title and its settings' words. */
export type Worded = { title: string; keys: Record<string, SettingWords> };

/** The setting a rule's title stands for: "Daily loss 1,000.00 → 800.00" rather than "Daily loss loss limit …". */
const mainFigure: Partial<Record<RuleId, string>> = {
  dailyLoss: 'amount',
  dailyProfitTarget: 'amount',
  dailyGiveback: 'amount',
  weeklyLoss: 'amount',
  trailingDrawdown: 'amount',
  positionLoss: 'amount',
  maxContracts: 'total',
  consecutiveLosses: 'max',
  tradingHours: 'windows',
  symbolBlock: 'symbols',
  consistency: 'pct',
  profitTarget: 'amount',
};

/** A label as it reads after a title: "Pause for" → "pause for". */
const inline = (entry: SettingWords): SettingWords => ({
  ...entry,
  label: entry.label.charAt(0).toLowerCase() + entry.label.slice(1),
});

/** The keys every rule has besides `enabled` (which is said as "turned on" or "turned off"). */
export const commonWords: { [K in Exclude<keyof RuleCommon, 'enabled'>]-?: SettingWords } = {
  warnAt: inline(commonCatalog.warnAt),
  criticalAt: inline(commonCatalog.criticalAt),
  action: inline(commonCatalog.action),
  lock: inline(commonCatalog.lock),
  lockState: inline(commonCatalog.lockState),
};

/** A rule's title and its own parameters' words, from the catalog. */
export function ruleWords(id: RuleId): Worded {
  const entry = ruleCatalog[id];
  const keys = Object.entries<ParamEntry>(entry.params).map(([key, param]): [string, SettingWords] => [
    key,
    mainFigure[id] === key ? { ...param, label: '' } : inline(param),
  ]);
  return { title: entry.title, keys: Object.fromEntries(keys) };
}

/** A group's rules and copier (docs/RULES.md section 10), said after "Group <id>". */
export const groupRuleWords: {
  [G in GroupRuleId]: Worded & { keys: Record<keyof GroupRuleParams[G], SettingWords> };
} = {
  groupDailyLoss: {
    title: 'daily loss',
    keys: { amount: { label: '', kind: 'money' }, basis: inline(ruleCatalog.dailyLoss.params.basis) },
  },
  groupMaxContracts: { title: 'max contracts', keys: { total: { label: '', kind: 'decimal' } } },
};

export const copierWords: Worded & { keys: Record<keyof CopierSettings, SettingWords> } = {
  title: 'copier',
  keys: {
    leader: { label: 'leader', kind: 'text' },
    graceSeconds: { label: 'grace period', kind: 'count', unit: 'seconds' },
    onHedge: {
      label: 'on a hedge',
      kind: 'choice',
      choices: [
        { value: 'alert', label: 'alert' },
        { value: 'close', label: 'close the side against the leader' },
      ],
    },
    haltWithLeader: { label: 'halt with the leader', kind: 'flag' },
  },
};

export const groupWords = {
  name: { label: 'name', kind: 'text' },
  accounts: { label: 'members', kind: 'list' },
} as const satisfies Record<string, SettingWords>;

export const planWords: Worded & { keys: Record<keyof PlanSettings, SettingWords> } = {
  title: 'Plan',
  keys: {
    name: { label: 'name', kind: 'text' },
    profitTarget: { label: 'profit target', kind: 'money' },
    consistencyPct: { label: 'consistency', kind: 'percent' },
    minTradingDays: { label: 'minimum trading days', kind: 'count' },
    scaling: { label: 'scaling', kind: 'ladder' },
  },
};

/** The document's own settings that the engine uses (the session cannot change while Warden runs). */
export const documentWords = {
  markPrice: { label: 'Mark price', kind: 'text' },
  maxJumpPct: { label: 'Bad-tick jump', kind: 'percent' },
  confirmQuotes: { label: 'Confirming quotes', kind: 'count' },
  hysteresisPct: { label: 'Alert hysteresis', kind: 'percent' },
} as const satisfies Record<string, SettingWords>;

const dayNames: Record<string, string> = {
  monday: 'Mon',
  tuesday: 'Tue',
  wednesday: 'Wed',
  thursday: 'Thu',
  friday: 'Fri',
  saturday: 'Sat',
  sunday: 'Sun',
};

type Row = Record<string, unknown>;
const items = (value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : []);
const rows = (value: unknown): Row[] => items(value) as Row[];
const text = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));
const joined = (each: string[], separator = ', '): string =>
  each.length === 0 ? 'none' : each.join(separator);

const minutesAround = (row: Row): string =>
  `−${text(row['minutesBefore'])}/+${text(row['minutesAfter'])} min${row['flatten'] === true ? ' flatten' : ''}`;

function windowsText(value: unknown): string {
  return joined(
    rows(value).map((window) => {
      const days = items(window['days']).map((day) => dayNames[text(day)] ?? text(day));
      return `${days.join(' ')} ${text(window['start'])}–${text(window['end'])}`;
    }),
    '; ',
  );
}

function eventsText(value: unknown): string {
  return joined(
    rows(value).map((event) => {
      const name = typeof event['name'] === 'string' ? `${event['name']} ` : '';
      return `${name}${text(event['at'])} ${minutesAround(event)}`;
    }),
    '; ',
  );
}

function calendarText(calendar: Row): string {
  const impacts = items(calendar['impacts']).map(text).join('/');
  const currencies = items(calendar['currencies']).map(text).join('/');
  return `${impacts} ${currencies} ${minutesAround(calendar)}`;
}

/** A count in its unit: "15 min", "30 s", "8 ticks"; trades and contracts plain. */
function countText(value: unknown, unit: string | undefined): string {
  const n = text(value);
  if (unit === 'minutes') return `${n} min`;
  if (unit === 'seconds') return `${n} s`;
  if (unit === 'ticks') return `${n} tick${n === '1' ? '' : 's'}`;
  return n;
}

/** A choice by its label's first words: "end of day: highest balance at a day roll" says "end of day". */
function choiceText(entry: ParamEntry, value: unknown): string {
  const label = entry.choices?.find((choice) => choice.value === value)?.label;
  return label === undefined ? text(value) : (label.split(':')[0] ?? label);
}

/**
 * A value as the trader reads it: "1,000.00", "3", "80%", "15 min", "until the day ends", "Mon Tue 08:30–15:00";
 * null is the setting's own word for none ("no limit") or "none".
 */
export function valueWords(words: SettingWords, value: unknown): string {
  if (value === null || value === undefined) return words.none ?? 'none';
  switch (words.kind) {
    case 'money':
      return formatMoney(text(value));
    case 'percent':
      return `${text(value)}%`;
    case 'fraction':
      // A fraction of the limit (warnAt) reads as a percentage; a fraction on its own (HHI) as written.
      return words.unit === 'of the limit' ? `${new Dec(text(value)).times(100).toFixed()}%` : text(value);
    case 'count':
      return countText(value, words.unit);
    case 'choice':
      return choiceText(words, value);
    case 'flag':
      return value === true ? 'on' : 'off';
    case 'lock':
      return lockWords(value as LockUntil);
    case 'windows':
      return windowsText(value);
    case 'newsEvents':
      return eventsText(value);
    case 'newsCalendar':
      return calendarText(value as Row);
    case 'symbolLimits':
      return joined(Object.entries(value as Row).map(([symbol, limit]) => `${symbol} ${text(limit)}`));
    case 'symbols':
    case 'list':
      return joined(items(value).map(text));
    case 'ladder':
      return joined(
        rows(value).map((tier) => `${text(tier['maxContracts'])} from ${formatMoney(text(tier['from']))}`),
      );
    case 'decimal':
    case 'timeOfDay':
    case 'text':
      return text(value);
  }
}

/**
 * "Daily loss 1,000.00 → 800.00", "Trailing drawdown high-water mark intraday → end of day"; a flag says how it
 * was turned: "Stale data flatten instead of only alerting: turned on".
 */
export function changeWords(title: string, words: SettingWords, before: unknown, after: unknown): string {
  const subject = words.label === '' ? title : `${title} ${words.label}`;
  if (words.kind === 'flag') return switchWords(subject, after === true);
  return `${subject} ${valueWords(words, before)} → ${valueWords(words, after)}`;
}

/** "Trade frequency: turned on". */
export function switchWords(title: string, on: boolean): string {
  return `${title}: turned ${on ? 'on' : 'off'}`;
}
