// The Rules screen's tests share: the editor over a fake core that holds a config (validated as the core would),
// the draft as the screen holds it, and a complete set of rules — every rule, every parameter and every common
// option — with `enterRule`, which types each value into the screen the way a trader would, by the kind the
// catalog gives it.
import { wallTimeOf } from '../../../renderer/src/features/rules/zone-time';
import { fireEvent, screen } from '@testing-library/react';
import type { Draft } from '../../../renderer/src/features/rules/config-draft';
import { ruleDraftStoreOf } from '../../../renderer/src/features/rules/rule-draft-store';
import { RuleEditor } from '../../../renderer/src/features/rules/RuleEditor';
import { ruleCatalog, type ParamEntry, type RuleGroupId } from '../../../shared/config/rule-catalog';
import { weekdays, type RuleId } from '../../../shared/config/rules';
import { validateConfig } from '../../../shared/config/schema';
import { buildFixtureState } from '../../helpers/fixture-state';
import { renderWithState } from './harness';

export const ACCOUNT = 'SIM-50K';

type Options = NonNullable<Parameters<typeof renderWithState>[1]>;
export type Host = ReturnType<typeof renderWithState>;

/** The config as the core keeps it (validated: defaults filled in, numbers as decimal strings). */
export function inForce(document: unknown): Draft {
  const result = validateConfig(document);
  if (!result.ok) throw new Error(`invalid test config:\n${result.errors.join('\n')}`);
  return result.config as unknown as Draft;
}

/** The rule editor alone over a core holding `document`; its preview answers one change unless told otherwise. */
export function renderRules(document: unknown, handlers: Options['handlers'] = {}): Host {
  const config = inForce(document);
  return renderWithState(buildFixtureState(), {
    ui: <RuleEditor />,
    handlers: {
      getConfig: () => ({ ok: true, result: { config: structuredClone(config) } }),
      previewConfig: () => ({
        ok: true,
        result: { valid: true, errors: [], changes: ['changed'], problems: [] },
      }),
      ...handlers,
    },
  });
}

/** The rule editor over `document`, once it shows the rules. */
export async function openRules(document: unknown, handlers: Options['handlers'] = {}): Promise<Host> {
  const host = renderRules(document, handlers);
  await screen.findByTestId('rule-editor');
  return host;
}

export const draftOf = (host: Host): Draft | null => ruleDraftStoreOf(host.stores).getState().draft;

/** The account's own rules in the draft. */
export const ownRules = (host: Host): Record<string, unknown> =>
  draftOf(host)?.accounts?.[ACCOUNT]?.rules ?? {};

export function type(testId: string, value: string): void {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

export function click(testId: string): void {
  fireEvent.click(screen.getByTestId(testId));
}

export const inputOf = (testId: string) => screen.getByTestId<HTMLInputElement>(testId);
export const placeholderOf = (testId: string) => inputOf(testId).placeholder;
/** The words of a select's empty choice ("inherited: net: …"). */
export const emptyChoiceOf = (testId: string) =>
  screen.getByTestId<HTMLSelectElement>(testId).options[0]?.text;
export const errorOf = (testId: string) => screen.queryByTestId(`${testId}-error`)?.textContent ?? null;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const toggles = (testId: string, want: boolean) => {
  if (inputOf(testId).checked !== want) click(testId);
};

function enterWindows(windows: unknown[]): void {
  windows.forEach((window, index) => {
    if (!isRecord(window)) throw new Error('a window must be an object');
    click('rule-tradingHours-windows-add');
    const path = `rule-tradingHours-windows-${index}`;
    const days = window['days'] as string[];
    for (const day of weekdays) toggles(`${path}-days-${day}`, days.includes(day));
    type(`${path}-start`, String(window['start']));
    type(`${path}-end`, String(window['end']));
  });
}

function enterEvents(events: unknown[]): void {
  events.forEach((event, index) => {
    if (!isRecord(event)) throw new Error('an event must be an object');
    click('rule-newsBlackout-events-add');
    const path = `rule-newsBlackout-events-${index}`;
    // Typed as the date and time in the session's zone (the documents here leave it at America/Chicago).
    type(`${path}-at`, wallTimeOf(event['at'], 'America/Chicago'));
    type(`${path}-minutesBefore`, String(event['minutesBefore']));
    type(`${path}-minutesAfter`, String(event['minutesAfter']));
    type(`${path}-flatten`, String(event['flatten']));
    if (typeof event['name'] === 'string') type(`${path}-name`, event['name']);
  });
}

/** Presses the chips so that exactly `want` is chosen, typing in those that have no chip. */
function chooseChips(testId: string, want: readonly string[]): void {
  for (const chip of document.querySelectorAll(`[data-testid^="${testId}-"][aria-pressed="true"]`)) {
    const id = chip.getAttribute('data-testid') ?? '';
    if (!want.includes(id.slice(testId.length + 1))) fireEvent.click(chip);
  }
  for (const word of want) {
    const chip = screen.queryByTestId(`${testId}-${word}`);
    if (chip?.getAttribute('aria-pressed') === 'true') continue;
    if (chip !== null) {
      fireEvent.click(chip);
      continue;
    }
    type(`${testId}-input`, word);
    click(`${testId}-add`);
  }
}

function enterCalendar(calendar: unknown): void {
  const path = 'rule-newsBlackout-calendar';
  if (!isRecord(calendar)) {
    if (screen.queryByTestId(`${path}-none`) !== null) click(`${path}-none`);
    return;
  }
  click(`${path}-on`);
  for (const impact of ['High', 'Medium', 'Low', 'Holiday', 'Non-Economic'])
    toggles(`${path}-impacts-${impact}`, (calendar['impacts'] as string[]).includes(impact));
  chooseChips(`${path}-currencies`, calendar['currencies'] as string[]);
  type(`${path}-minutesBefore`, String(calendar['minutesBefore']));
  type(`${path}-minutesAfter`, String(calendar['minutesAfter']));
  type(`${path}-flatten`, String(calendar['flatten']));
}

/** A value as typed: numbers and words as they are. */
const text = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : JSON.stringify(value);

function enterLimits(testId: string, limits: Record<string, string>): void {
  for (const [symbol, limit] of Object.entries(limits)) {
    type(`${testId}-input`, symbol);
    click(`${testId}-add`);
    type(`${testId}-${symbol}`, limit);
  }
}

/** Types one parameter's value into the screen by its kind in the catalog. */
export function enterParam(rule: RuleId, key: string, value: unknown): void {
  const entry = (ruleCatalog[rule].params as Record<string, ParamEntry>)[key];
  const testId = `rule-${rule}-${key}`;
  if (entry === undefined) throw new Error(`${rule}.${key}: not in the catalog`);
  if (value === null) {
    click(`${testId}-none`);
    return;
  }
  switch (entry.kind) {
    case 'windows':
      enterWindows(value as unknown[]);
      break;
    case 'newsEvents':
      enterEvents(value as unknown[]);
      break;
    case 'newsCalendar':
      enterCalendar(value);
      break;
    case 'symbols':
      chooseChips(testId, value as string[]);
      break;
    case 'symbolLimits':
      enterLimits(testId, value as Record<string, string>);
      break;
    case 'lock':
      throw new Error('lock is a common key');
    case 'money':
    case 'decimal':
    case 'percent':
    case 'fraction':
    case 'count':
    case 'timeOfDay':
    case 'choice':
    case 'flag':
      type(testId, text(value));
  }
}

/** A common option through "More": the lock as a kind and its minutes. */
export function enterCommon(rule: RuleId, key: string, value: unknown): void {
  const testId = `rule-${rule}-${key}`;
  if (key === 'enabled') {
    toggles(`rule-${rule}-enabled`, value === true);
  } else if (key === 'lock' && isRecord(value)) {
    type(testId, 'minutes');
    type(`${testId}-minutes`, text(value['minutes']));
  } else {
    type(testId, text(value));
  }
}

const commonKeys = ['enabled', 'action', 'lock', 'lockState', 'warnAt', 'criticalAt'];

/** Turns the rule on and types every key of `block` in: its parameters, then its common options. */
export function enterRule(rule: RuleId, block: Record<string, unknown>): void {
  enterCommon(rule, 'enabled', block['enabled'] ?? true);
  for (const [key, value] of Object.entries(block)) {
    if (!commonKeys.includes(key)) enterParam(rule, key, value);
  }
  for (const key of commonKeys.slice(1)) if (key in block) enterCommon(rule, key, block[key]);
}

const common = (
  action: string,
  lock: unknown,
  lockState: string,
  levels?: { warnAt: string; criticalAt: string },
) => ({ enabled: true, action, lock, lockState, ...levels });

/** Every rule with every parameter and every common option (levels where the rule has them), by group. */
export const everyRule: Record<RuleGroupId, Partial<Record<RuleId, Record<string, unknown>>>> = {
  loss: {
    dailyLoss: {
      amount: '800',
      basis: 'realized',
      ...common('closePosition', 'weekEnd', 'reducing', { warnAt: '0.7', criticalAt: '0.9' }),
    },
    dailyGiveback: {
      amount: '400',
      activateAfter: '600',
      ...common('flatten', { minutes: 45 }, 'halted', { warnAt: '0.6', criticalAt: '0.85' }),
    },
    weeklyLoss: {
      amount: '2500',
      basis: 'net',
      ...common('flatten', 'manual', 'halted', { warnAt: '0.75', criticalAt: '0.96' }),
    },
    trailingDrawdown: {
      amount: '2000',
      mode: 'endOfDay',
      startingBalance: '50000',
      lockThresholdAt: '50100',
      ...common('flatten', 'manual', 'halted', { warnAt: '0.5', criticalAt: '0.8' }),
    },
    positionLoss: {
      amount: '250',
      ...common('closePosition', 'none', 'halted', { warnAt: '0.7', criticalAt: '0.9' }),
    },
    dailyProfitTarget: {
      amount: '1500',
      basis: 'net',
      ...common('alert', 'dayEnd', 'halted', { warnAt: '0.8', criticalAt: '0.99' }),
    },
  },
  size: {
    maxContracts: {
      total: '5',
      perSymbol: { ES: '2', MNQ: '10' },
      countWorkingOrders: false,
      ...common('cancelOrders', 'dayEnd', 'reducing'),
    },
    exposure: {
      maxGross: '600000',
      maxSymbolPct: '70',
      hhiWarning: '0.3',
      ...common('reducePosition', 'none', 'reducing', { warnAt: '0.85', criticalAt: '0.97' }),
    },
    marginLevel: {
      warning: '160',
      critical: '130',
      liquidate: '105',
      ...common('flatten', 'dayEnd', 'halted'),
    },
  },
  behaviour: {
    tradeFrequency: {
      perMinute: 2,
      perHour: 10,
      perDay: 20,
      cooldownMinutes: 15,
      ...common('flatten', { minutes: 20 }, 'reducing'),
    },
    consecutiveLosses: {
      max: 3,
      cooldownMinutes: 30,
      escalate: true,
      resetDaily: false,
      ...common('flatten', 'dayEnd', 'halted'),
    },
    stopRequired: {
      graceSeconds: 5,
      mode: 'attachStop',
      stopTicks: 12,
      ...common('closePosition', 'none', 'halted'),
    },
    trailingStop: {
      activateAfterTicks: 8,
      trailTicks: 4,
      ...common('closePosition', { minutes: 5 }, 'halted'),
    },
  },
  time: {
    tradingHours: {
      windows: [
        { days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], start: '08:30', end: '15:00' },
        { days: ['sunday'], start: '17:00', end: '16:00' },
      ],
      flattenAt: '14:55',
      ...common('closePosition', 'dayEnd', 'halted'),
    },
    newsBlackout: {
      events: [
        { at: '2030-05-08T08:30:00-05:00', minutesBefore: 5, minutesAfter: 10, flatten: true, name: 'CPI' },
        { at: '2030-05-09T13:00:00-05:00', minutesBefore: 0, minutesAfter: 3, flatten: false, name: 'FOMC' },
      ],
      calendar: {
        impacts: ['High', 'Medium'],
        currencies: ['USD', 'EUR'],
        minutesBefore: 3,
        minutesAfter: 4,
        flatten: true,
      },
      ...common('flatten', 'none', 'halted'),
    },
  },
  market: {
    staleData: { maxQuoteAgeSeconds: 20, flatten: true, ...common('alert', 'none', 'halted') },
    symbolBlock: { symbols: ['CL', 'ZN'], ...common('closePosition', 'none', 'halted') },
    brokerLock: common('flatten', 'manual', 'reducing'),
  },
  program: {
    consistency: {
      pct: '40',
      ...common('flatten', 'dayEnd', 'halted', { warnAt: '0.7', criticalAt: '0.9' }),
    },
    profitTarget: { amount: '3000', ...common('alert', 'none', 'halted') },
  },
};

/** Every rule of every group in one `rules` block. */
export const allRules = (): Record<string, Record<string, unknown>> =>
  Object.assign({}, ...Object.values(everyRule)) as Record<string, Record<string, unknown>>;
