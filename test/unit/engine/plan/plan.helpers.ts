// Shared set-up for the plan tests (docs/RULES.md section 11): account A1 (50,000) with a plan, configured through the
// real config document (validation and merge), ES at 50 a point, trades by the trading day they fall in.
import { engineConfigOf, planFigures, type EngineConfig, type EngineState } from '../../../../main/engine';
import { validateConfig } from '../../../../shared/config/schema';
import { moneyString, type Dec } from '../../../../shared/domain/money';
import { ev } from '../../../helpers/engine';

/** A1's config: the plan and rules given, startingBalance 50,000, Chicago days rolling at 17:00. */
export function planConfig(plan: object, rules: object = {}): EngineConfig {
  const result = validateConfig({ accounts: { A1: { startingBalance: 50000, plan, rules } } });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return engineConfigOf(result.config);
}

/** 09:00 etc. on a trading day in May 2026 (Chicago, CDT): `day` is the date the trading day is labelled by. */
export const on = (day: string, hhmm: string) => `2026-05-${day}T${hhmm}:00-05:00`;

let ids = 0;
export const fill = (t: string, side: 'buy' | 'sell', qty: number, price: string, account = 'A1') => {
  ids += 1;
  return ev({
    type: 'fill',
    t,
    account,
    id: `p${ids}`,
    orderId: `p${ids}`,
    symbol: 'ES',
    side,
    qty,
    price,
    fees: '0',
  });
};
export const quote = (t: string, last: string) => ev({ type: 'quote', t, symbol: 'ES', last });
export const clock = (t: string) => ev({ type: 'clock', t });

/** A closed long round trip of one ES on `day`: in at 09:00 at 5800, out at 10:00 `points` away (50 a point). */
export function dayOf(day: string, points: string) {
  const exit = (5800 + Number(points)).toFixed(2);
  return [fill(on(day, '09:00'), 'buy', 1, '5800'), fill(on(day, '10:00'), 'sell', 1, exit)];
}

/** A1's plan figures with money as the strings a trader sees. */
export function figuresOf(state: EngineState) {
  const account = state.accounts.get('A1');
  if (account === undefined) throw new Error('no account A1');
  const f = planFigures(state, account);
  if (f === null) throw new Error('A1 has no plan');
  const money = (value: Dec | null) => (value === null ? null : moneyString(value));
  return {
    totalProfit: moneyString(f.totalProfit),
    targetRemaining: money(f.targetRemaining),
    bestDayProfit: moneyString(f.bestDayProfit),
    consistencyPct: money(f.consistencyPct),
    consistencyCapToday: money(f.consistencyCapToday),
    consistencyCapLeft: money(f.consistencyCapLeft),
    profitNeededForConsistency: money(f.profitNeededForConsistency),
    tradingDays: f.tradingDays,
    contractsAllowed: f.contractsAllowed,
    nextTier: f.nextTier === null ? null : [moneyString(f.nextTier.from), f.nextTier.maxContracts],
  };
}
