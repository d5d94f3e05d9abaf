// Shared set-up for the group rule tests (docs/RULES.md section 10): accounts A1–A3 in group `apex`, B1 outside
// it, all on Chicago time with 50K; terse events; decisions as tables (rule decisions without their prose and
// figures, lock lifts as { t, lifted }).
import {
  engineConfigOf,
  tradingState,
  type Decision,
  type EngineConfig,
  type EngineState,
} from '../../../../main/engine';
import { validateConfig } from '../../../../shared/config/schema';
import type { EngineEvent } from '../../../../shared/domain/events';
import { ev, instrumentEvents, runEngine } from '../../../helpers/engine';

export const tue = (hhmmss: string) => `2026-05-05T${hhmmss.length === 5 ? `${hhmmss}:00` : hhmmss}-05:00`;
export const at = (hhmmss: string) => Date.parse(tue(hhmmss));
/** Tuesday's trading day ends at 17:00 Chicago. */
export const dayEnd = Date.parse('2026-05-05T22:00:00Z');

/** A document with A1–A3 in group `apex` (the given settings) and B1 outside; account rules per account. */
export function groupConfig(
  apex: Record<string, unknown>,
  accountRules: Record<string, Record<string, unknown>> = {},
): EngineConfig {
  const account = (id: string) => ({ startingBalance: 50000, rules: accountRules[id] ?? {} });
  const result = validateConfig({
    accounts: { A1: account('A1'), A2: account('A2'), A3: account('A3'), B1: account('B1') },
    groups: { apex: { name: 'Apex', accounts: ['A1', 'A2', 'A3'], ...apex } },
  });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return engineConfigOf(result.config);
}

/** The test universe plus micros that weigh 0.1 and share their mini's underlying. */
export const universe: EngineEvent[] = [
  ...instrumentEvents,
  ...[
    ['MNQ', '0.50', 'NQ'],
    ['MES', '1.25', 'ES'],
  ].map(([symbol, tickValue, underlying]) =>
    ev({
      type: 'instrument',
      t: '2026-05-04T08:00:00-05:00',
      symbol,
      tickSize: '0.25',
      tickValue,
      currency: 'USD',
      weight: '0.1',
      underlying,
    }),
  ),
];

let ids = 0;
export const fill = (
  t: string,
  account: string,
  symbol: string,
  side: 'buy' | 'sell',
  qty: number,
  price: string,
) => {
  ids += 1;
  const id = `gf${ids}`;
  return ev({ type: 'fill', t: tue(t), account, id, orderId: id, symbol, side, qty, price, fees: '0' });
};
export const quote = (t: string, symbol: string, last: string) =>
  ev({ type: 'quote', t: tue(t), symbol, last });
export const clock = (t: string) => ev({ type: 'clock', t: tue(t) });
export const order = (
  t: string,
  account: string,
  id: string,
  symbol: string,
  side: 'buy' | 'sell',
  qty: number,
  status: 'working' | 'cancelled' = 'working',
) => ev({ type: 'order', t: tue(t), account, id, symbol, side, kind: 'limit', qty, limitPrice: '1', status });

/** The broker's first report of every account (a group acts only on the members the engine knows). */
export const reports: EngineEvent[] = ['A1', 'A2', 'A3', 'B1'].map((account) =>
  ev({ type: 'account', t: '2026-05-05T08:00:00-05:00', account, balance: '50000' }),
);

export function run(
  events: EngineEvent[],
  config: EngineConfig,
): { state: EngineState; decisions: Decision[] } {
  return runEngine([...universe, ...reports, ...events], config);
}

/** The decisions as a trader's screen and the enforcer read them. */
/** Each account's trading state, by id (undefined for one the engine does not know). */
export function statesOf(state: EngineState, ids: string[]): (string | undefined)[] {
  return ids.map((id) => {
    const account = state.accounts.get(id);
    return account === undefined ? undefined : tradingState(account);
  });
}

export function table(decisions: readonly Decision[]): Record<string, unknown>[] {
  return decisions.flatMap((d): Record<string, unknown>[] => {
    if (d.kind === 'lockLifted') return [{ t: d.t, account: d.account, lifted: d.rule }];
    if (d.kind !== 'rule') return [];
    const { kind: _kind, message: _message, figures: _figures, ...rest } = d;
    return [rest];
  });
}
