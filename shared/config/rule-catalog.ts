// What a trader reads about each rule on the Rules screen: its group, title, one-line explanation and section of
// docs/RULES.md, and per parameter (and per common key) its label, kind of field and unit. The rule specs
// (rule-table.ts) say what is valid; this says how it is shown. A test holds it to every spec's rule and key.
import type { LockUntil, RuleAction, RuleCommon, RuleId, RuleParams } from './rules';

export type RuleGroupId = 'loss' | 'size' | 'behaviour' | 'time' | 'market' | 'program';

export const ruleGroups: readonly { id: RuleGroupId; title: string }[] = [
  { id: 'loss', title: 'Loss limits' },
  { id: 'size', title: 'Size' },
  { id: 'behaviour', title: 'Behaviour' },
  { id: 'time', title: 'Time' },
  { id: 'market', title: 'Market data & broker' },
  { id: 'program', title: 'Program' },
];

/**
 * How a value is entered: figures (money, decimals, percents, fractions of a limit, whole counts), a choice, a
 * flag, a time of day, and the compound values (trading windows, news events, the calendar selection, symbols).
 */
export type ParamKind =
  | 'money'
  | 'decimal'
  | 'percent'
  | 'fraction'
  | 'count'
  | 'choice'
  | 'flag'
  | 'timeOfDay'
  | 'lock'
  | 'windows'
  | 'newsEvents'
  | 'newsCalendar'
  | 'symbols'
  | 'symbolLimits';

export type Choice = { value: string; label: string };

export type ParamEntry = {
  label: string;
  kind: ParamKind;
  /** Shown after the field: "contracts", "minutes", "%". */
  unit?: string;
  choices?: readonly Choice[];
  /** Only for a parameter whose default is null: what null means, in words ("no limit"). */
  none?: string;
};

type ParamEntries<R extends RuleId> = { [K in keyof RuleParams[R]]-?: ParamEntry };

export type RuleEntry<R extends RuleId = RuleId> = {
  group: RuleGroupId;
  title: string;
  /** One line, in plain words. */
  explanation: string;
  /** The heading's anchor in docs/RULES.md. */
  anchor: string;
  params: ParamEntries<R>;
  /** Common keys the rule accepts but does not use (docs/RULES.md section 6 says which). */
  unused?: readonly ('action' | 'lock')[];
  /** What a breach does when the rule decides it itself, in words (instead of its action and lock). */
  fixed?: string;
};

export const rulesDocPath = 'docs/RULES.md';

const money = (label: string): ParamEntry => ({ label, kind: 'money' });
const count = (label: string, unit: string): ParamEntry => ({ label, kind: 'count', unit });
const flag = (label: string): ParamEntry => ({ label, kind: 'flag' });
const basis: ParamEntry = {
  label: 'Counts',
  kind: 'choice',
  choices: [
    { value: 'net', label: 'net: open P&L and fees count' },
    { value: 'realized', label: 'realized: closed trades only' },
  ],
};

const lossRules: { [R in 'dailyLoss' | 'dailyProfitTarget' | 'dailyGiveback' | 'weeklyLoss']: RuleEntry<R> } =
  {
    dailyLoss: {
      group: 'loss',
      title: 'Daily loss',
      explanation: "Stops trading for the day when the day's loss reaches the limit.",
      anchor: '61-dailyloss',
      params: { amount: money('Loss limit'), basis },
    },
    dailyGiveback: {
      group: 'loss',
      title: 'Daily giveback',
      explanation: "Stops the day when you give back this much from the day's best equity.",
      anchor: '63-dailygiveback',
      params: { amount: money('Giveback limit'), activateAfter: money('Only after a gain of') },
    },
    weeklyLoss: {
      group: 'loss',
      title: 'Weekly loss',
      explanation: "Stops trading for the week when the week's loss reaches the limit.",
      anchor: '64-weeklyloss',
      params: { amount: money('Loss limit'), basis },
    },
    dailyProfitTarget: {
      group: 'loss',
      title: 'Daily profit target',
      explanation: "Stops the day once the day's profit reaches the target, so you keep it.",
      anchor: '62-dailyprofittarget',
      params: { amount: money('Profit target'), basis },
    },
  };

const drawdownRules: { [R in 'trailingDrawdown' | 'positionLoss']: RuleEntry<R> } = {
  trailingDrawdown: {
    group: 'loss',
    title: 'Trailing drawdown',
    explanation:
      'Fails the account when equity falls this far below its high-water mark, as prop firms count it.',
    anchor: '65-trailingdrawdown',
    params: {
      amount: money('Drawdown allowed'),
      mode: {
        label: 'High-water mark',
        kind: 'choice',
        choices: [
          { value: 'intraday', label: 'intraday: highest equity' },
          { value: 'endOfDay', label: 'end of day: balance at the roll' },
          { value: 'static', label: 'static: starting balance' },
        ],
      },
      startingBalance: { ...money('Mark starts at'), none: "the account's starting balance" },
      lockThresholdAt: { ...money('Stops trailing at'), none: 'never stops' },
    },
  },
  positionLoss: {
    group: 'loss',
    title: 'Position loss',
    explanation: "Closes a position whose open loss reaches the limit; the account's other positions stay.",
    anchor: '66-positionloss',
    params: { amount: money('Loss per position') },
  },
};

const sizeRules: { [R in 'maxContracts' | 'exposure' | 'marginLevel']: RuleEntry<R> } = {
  maxContracts: {
    group: 'size',
    title: 'Max contracts',
    explanation: 'Caps the contracts you hold (and could hold with working orders), in total and per symbol.',
    anchor: '67-maxcontracts',
    params: {
      total: { label: 'Total', kind: 'decimal', unit: 'contracts', none: 'no limit' },
      perSymbol: { label: 'Per symbol', kind: 'symbolLimits', unit: 'contracts' },
      countWorkingOrders: flag('Count working entry orders'),
    },
    unused: ['action'],
    fixed: 'reduce the position or cancel the orders over the limit',
  },
  exposure: {
    group: 'size',
    title: 'Exposure',
    explanation:
      'Watches the value you hold and how concentrated it is; above the gross limit you may only reduce.',
    anchor: '612-exposure',
    params: {
      maxGross: { ...money('Max gross exposure'), none: 'no limit' },
      maxSymbolPct: { label: 'Max share of one symbol', kind: 'percent', unit: '%', none: 'no limit' },
      hhiWarning: { label: 'Warn at concentration (HHI)', kind: 'fraction', unit: '0–1' },
    },
  },
  marginLevel: {
    group: 'size',
    title: 'Margin level',
    explanation:
      'Warns as the margin level falls, reduces at the critical level and flattens at liquidation.',
    anchor: '611-marginlevel',
    params: {
      warning: { label: 'Warn at', kind: 'percent', unit: '%' },
      critical: { label: 'Reduce at', kind: 'percent', unit: '%' },
      liquidate: { label: 'Flatten at', kind: 'percent', unit: '%' },
    },
  },
};

const behaviourRules: {
  [R in 'tradeFrequency' | 'consecutiveLosses' | 'stopRequired' | 'trailingStop']: RuleEntry<R>;
} = {
  tradeFrequency: {
    group: 'behaviour',
    title: 'Trade frequency',
    explanation: 'Limits how many trades you open per minute, hour or day, then pauses you.',
    anchor: '68-tradefrequency',
    params: {
      perMinute: { ...count('Per minute', 'trades'), none: 'no limit' },
      perHour: { ...count('Per hour', 'trades'), none: 'no limit' },
      perDay: { ...count('Per day', 'trades'), none: 'no limit' },
      cooldownMinutes: count('Pause for', 'minutes'),
    },
  },
  consecutiveLosses: {
    group: 'behaviour',
    title: 'Losses in a row',
    explanation: 'Pauses trading after a number of losing trades in a row.',
    anchor: '69-consecutivelosses',
    params: {
      max: count('Losses in a row', 'trades'),
      cooldownMinutes: count('Pause for', 'minutes'),
      escalate: flag('Double the pause on each repeat the same day'),
      resetDaily: flag('Count afresh each day'),
    },
  },
  stopRequired: {
    group: 'behaviour',
    title: 'Stop required',
    explanation:
      'Every position needs a protective stop: after a grace period Warden closes it or attaches one.',
    anchor: '610-stoprequired',
    params: {
      graceSeconds: count('Grace period', 'seconds'),
      mode: {
        label: 'Without a stop',
        kind: 'choice',
        choices: [
          { value: 'close', label: 'close the position' },
          { value: 'attachStop', label: 'attach a stop' },
        ],
      },
      stopTicks: count('Attached stop distance', 'ticks'),
    },
  },
  trailingStop: {
    group: 'behaviour',
    title: 'Trailing stop',
    explanation: 'Closes a position that gives back ticks from its best price once it has moved your way.',
    anchor: '618-trailingstop',
    params: {
      activateAfterTicks: count('Starts after a move of', 'ticks'),
      trailTicks: count('Trails by', 'ticks'),
    },
  },
};

const timeRules: { [R in 'tradingHours' | 'newsBlackout']: RuleEntry<R> } = {
  tradingHours: {
    group: 'time',
    title: 'Trading hours',
    explanation: 'Closes trades opened outside your windows, and can flatten everything at a set time.',
    anchor: '613-tradinghours',
    params: {
      windows: { label: 'Trading windows', kind: 'windows' },
      flattenAt: { label: 'Flatten everything at', kind: 'timeOfDay', none: 'no flatten time' },
    },
  },
  newsBlackout: {
    group: 'time',
    title: 'News blackout',
    explanation: "Keeps you out of the market around news: your own events and the news calendar's.",
    anchor: '614-newsblackout',
    params: {
      events: { label: 'Your news events', kind: 'newsEvents' },
      calendar: { label: 'From the news calendar', kind: 'newsCalendar', none: 'no calendar' },
    },
    unused: ['action', 'lock'],
    fixed: 'flatten (or alert) at each window, locked until it ends',
  },
};

const marketRules: { [R in 'staleData' | 'symbolBlock' | 'brokerLock']: RuleEntry<R> } = {
  staleData: {
    group: 'market',
    title: 'Stale data',
    explanation: "Alerts (or flattens) when a held symbol's quotes stop coming.",
    anchor: '617-staledata',
    params: {
      maxQuoteAgeSeconds: count('Quotes older than', 'seconds'),
      flatten: flag('Flatten instead of only alerting'),
    },
  },
  symbolBlock: {
    group: 'market',
    title: 'Blocked symbols',
    explanation: 'Closes positions and cancels orders in symbols you have blocked.',
    anchor: '615-symbolblock',
    params: { symbols: { label: 'Symbols', kind: 'symbols' } },
    unused: ['action'],
    fixed: 'close the position or cancel the order',
  },
  brokerLock: {
    group: 'market',
    title: 'Broker lock',
    explanation: 'Halts the account while the broker says it cannot trade.',
    anchor: '616-brokerlock',
    params: {},
    unused: ['lock'],
    fixed: 'flatten, halted until the broker allows trading',
  },
};

const programRules: { [R in 'consistency' | 'profitTarget']: RuleEntry<R> } = {
  consistency: {
    group: 'program',
    title: 'Consistency',
    explanation: "Warns before today's profit makes your best day too large a share of the total.",
    anchor: 'rules-from-a-plan',
    params: {
      pct: { label: 'Best day at most', kind: 'percent', unit: '% of the total', none: "the plan's" },
    },
  },
  profitTarget: {
    group: 'program',
    title: 'Profit target',
    explanation: "Tells you when the total profit reaches the program's target, so you can stop and pass.",
    anchor: 'rules-from-a-plan',
    params: { amount: { ...money('Target'), none: "the plan's" } },
  },
};

export const ruleCatalog: { [R in RuleId]: RuleEntry<R> } = {
  ...lossRules,
  ...drawdownRules,
  ...sizeRules,
  ...behaviourRules,
  ...timeRules,
  ...marketRules,
  ...programRules,
};

export const actionChoices: readonly (Choice & { value: RuleAction })[] = [
  { value: 'alert', label: 'alert only' },
  { value: 'cancelOrders', label: 'cancel working orders' },
  { value: 'closePosition', label: 'close the position' },
  { value: 'reducePosition', label: 'reduce the position' },
  { value: 'flatten', label: 'flatten the account' },
];

/** The lock's kinds; `minutes` stands for `{ minutes: N }`. */
export const lockChoices: readonly Choice[] = [
  { value: 'none', label: 'no lock' },
  { value: 'dayEnd', label: 'until the day ends' },
  { value: 'weekEnd', label: 'until the week ends' },
  { value: 'manual', label: 'until reset by hand' },
  { value: 'minutes', label: 'for some minutes' },
];

export const commonCatalog: { [K in keyof RuleCommon]-?: ParamEntry } = {
  enabled: flag('On'),
  action: { label: 'When breached', kind: 'choice', choices: actionChoices },
  lock: { label: 'Then lock', kind: 'lock', choices: lockChoices },
  lockState: {
    label: 'Locked as',
    kind: 'choice',
    choices: [
      { value: 'halted', label: 'halted: no trading' },
      { value: 'reducing', label: 'reducing: closing only' },
    ],
  },
  warnAt: { label: 'Warn at', kind: 'fraction', unit: 'of the limit' },
  criticalAt: { label: 'Critical at', kind: 'fraction', unit: 'of the limit' },
};

/** The labels of the parts of the compound parameters (a trading window, a news event, the calendar selection). */
export type PartLabels<K extends string> = { readonly [P in K]: string };

export const windowParts: PartLabels<'days' | 'start' | 'end'> = { days: 'Days', start: 'From', end: 'To' };

export const newsEventParts: PartLabels<'at' | 'minutesBefore' | 'minutesAfter' | 'flatten' | 'name'> = {
  at: 'Release time',
  minutesBefore: 'Minutes before',
  minutesAfter: 'Minutes after',
  flatten: 'Flatten first',
  name: 'Name',
};

export const newsCalendarParts: PartLabels<
  'impacts' | 'currencies' | 'minutesBefore' | 'minutesAfter' | 'flatten'
> = {
  impacts: 'Impacts',
  currencies: 'Currencies',
  minutesBefore: 'Minutes before',
  minutesAfter: 'Minutes after',
  flatten: 'Flatten first',
};

/** The news calendar's impact names (the feed's spelling, matched exactly). */
export const newsImpacts: readonly string[] = ['High', 'Medium', 'Low', 'Holiday', 'Non-Economic'];

/** The rules of a group, in the catalog's order. */
export function rulesOfGroup(group: RuleGroupId): RuleId[] {
  return (Object.keys(ruleCatalog) as RuleId[]).filter((id) => ruleCatalog[id].group === group);
}

/** "until the day ends", "for 30 minutes", "no lock". */
export function lockWords(lock: LockUntil): string {
  if (typeof lock === 'object') return `for ${lock.minutes} minute${lock.minutes === 1 ? '' : 's'}`;
  return lockChoices.find((choice) => choice.value === lock)?.label ?? lock;
}

const shortActions: Record<RuleAction, string> = {
  alert: 'alert',
  cancelOrders: 'cancel orders',
  closePosition: 'close the position',
  reducePosition: 'reduce the position',
  flatten: 'flatten',
};

/**
 * What a breach does, in words: "flatten, halted until day end"; "close the position, no lock". A lock of
 * undefined is the one that follows the rule's cooldown, not yet known.
 */
export function consequenceWords(rule: {
  action: RuleAction;
  lock: LockUntil | undefined;
  lockState: RuleCommon['lockState'];
}): string {
  const { action, lock, lockState } = rule;
  if (lock === 'none' || (typeof lock === 'object' && lock.minutes === 0))
    return `${shortActions[action]}, no lock`;
  const until =
    lock === undefined
      ? 'for the pause'
      : typeof lock === 'object'
        ? `for ${lock.minutes} min`
        : { dayEnd: 'until day end', weekEnd: 'until week end', manual: 'until reset by hand' }[lock];
  return `${shortActions[action]}, ${lockState} ${until}`;
}
