// The what-if's figures as the Rules screen shows them: each day's difference the rules make, whether they changed
// the day, the moments they fired read in the session's time zone ("09:47"), and the rules by their titles.
import { ruleCatalog } from '../../../../shared/config/rule-catalog';
import type { RuleId } from '../../../../shared/config/rules';
import { validateConfig } from '../../../../shared/config/schema';
import { dec, moneyString } from '../../../../shared/domain/money';
import type { WhatIfDay, WhatIfFiring } from '../../../../shared/ipc/what-if';

const defaults = validateConfig({});
export const DEFAULT_ZONE = defaults.ok ? defaults.config.session.timezone : 'America/Chicago';

/** The session's time zone of a config document (the default one when it names none, or one Intl rejects). */
export function sessionZoneOf(document: unknown): string {
  const session = isRecord(document) ? document['session'] : undefined;
  const zone = isRecord(session) ? session['timezone'] : undefined;
  if (typeof zone !== 'string') return DEFAULT_ZONE;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return zone;
  } catch {
    return DEFAULT_ZONE;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What the rules would have made of the day's P&L: with them − as it happened, as a decimal string. */
export function differenceOf(figures: { actualNetPnl: string; whatIfNetPnl: string }): string {
  return moneyString(dec(figures.whatIfNetPnl).minus(dec(figures.actualNetPnl)));
}

/** The rules changed the day: they would have stopped the account, flattened it, or its P&L differs. */
export function changedDay(day: WhatIfDay): boolean {
  return day.stoppedAt !== null || day.flattens > 0 || !dec(day.actualNetPnl).eq(dec(day.whatIfNetPnl));
}

/** The session's wall time of an instant, "09:47"; "17:00 (day before)" for a moment before the day's date. */
export function sessionTime(iso: string, day: string, zone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const time = `${part('hour')}:${part('minute')}`;
  const date = `${part('year')}-${part('month')}-${part('day')}`;
  return date < day ? `${time} (day before)` : time;
}

/** Rules the catalog does not list (the engine's own locks), by name. */
const otherRules: Record<string, string> = {
  selfLock: 'Self lock',
  dayStart: 'Day start',
  groupDailyLoss: 'Group daily loss',
  groupMaxContracts: 'Group max contracts',
};

/** A rule's title as the Rules screen shows it: "Daily loss"; the id itself for a rule nobody named. */
export function ruleTitle(rule: string): string {
  if (Object.hasOwn(ruleCatalog, rule)) return ruleCatalog[rule as RuleId].title;
  return otherRules[rule] ?? rule;
}

/** "Daily loss breach at 09:47". */
export function firingWords(firing: WhatIfFiring, day: string, zone: string): string {
  return `${ruleTitle(firing.rule)} ${firing.level} at ${sessionTime(firing.at, day, zone)}`;
}
