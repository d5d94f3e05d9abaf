// The what-if in the trader's words: "With these rules you would have been stopped on 3 days and finished
// +1,240.00 instead of -310.00", money as the screen shows it (signed, grouped, 2 places).
import type { WhatIfDay } from '../../shared/ipc/what-if';
import { formatMoney, type Dec } from '../../shared/domain/money';

export type SentenceFigures = {
  days: readonly WhatIfDay[];
  actualNetPnl: Dec;
  whatIfNetPnl: Dec;
  daysStopped: number;
  /** How many days were asked for. */
  span: number;
};

/** P&L as the screen shows it: "+1,240.00", "-310.00", "0.00". */
export function signedMoney(value: Dec): string {
  const rounded = value.toDecimalPlaces(2);
  if (rounded.isZero()) return '0.00';
  const text = formatMoney(rounded, 2);
  return rounded.isPositive() ? `+${text}` : text;
}

export function whatIfSentence(f: SentenceFigures): string {
  const span = `the last ${f.span === 1 ? 'day' : `${f.span} days`}`;
  if (f.days.length === 0) return `Nothing to compare: the account did not trade in ${span}.`;
  const changed = f.daysStopped > 0 || f.days.some((day) => day.flattens > 0);
  const sameMoney = f.actualNetPnl.eq(f.whatIfNetPnl);
  const actual = signedMoney(f.actualNetPnl);
  if (!changed && sameMoney)
    return `With these rules nothing would have changed in ${span}: you finished ${actual}.`;
  const finished = sameMoney
    ? `finished ${actual} all the same`
    : `finished ${signedMoney(f.whatIfNetPnl)} instead of ${actual}`;
  if (f.daysStopped === 0)
    return `With these rules you would not have been stopped, and would have ${finished}.`;
  const stopped = `${f.daysStopped} ${f.daysStopped === 1 ? 'day' : 'days'}`;
  return `With these rules you would have been stopped on ${stopped} and ${finished}.`;
}
