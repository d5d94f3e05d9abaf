// Shared set-up for the count, event and time rule tests: account A1 on Chicago time, terse events, decisions
// as tables (rule decisions without their prose; lock lifts as { lifted: rule }).
import type { AccountRules, RuleId, RuleSettings } from '../../../../shared/config/rules';
import { ruleDefaults } from '../../../../shared/config/rules';
import type { Decision, EngineConfig } from '../../../../main/engine';
import type { EngineEvent } from '../../../../shared/domain/events';
import { dec } from '../../../../shared/domain/money';
import { ev, instrumentEvents, runEngine } from '../../../helpers/engine';

export const session = { timezone: 'America/Chicago', dayStart: '17:00', weekStartDay: 'sunday' as const };

/** One rule on, with its own default consequence unless overridden. */
export function only<R extends RuleId>(
  id: R,
  params: Omit<RuleSettings<R>, 'enabled' | 'warnAt' | 'criticalAt' | 'action' | 'lock' | 'lockState'> &
    Partial<RuleSettings<R>>,
): EngineConfig {
  const rules: AccountRules = {
    [id]: { enabled: true, warnAt: '0.8', criticalAt: '0.95', ...ruleDefaults[id], ...params },
  };
  return { session, markPrice: 'last', accounts: { A1: { startingBalance: dec('50000'), rules } } };
}

let ids = 0;
const nextId = (prefix: string) => `${prefix}${(ids += 1)}`;

export const fill = (t: string, symbol: string, side: 'buy' | 'sell', qty: number, price: string) => {
  const id = nextId('f');
  return ev({ type: 'fill', t, account: 'A1', id, orderId: id, symbol, side, qty, price, fees: '0' });
};

/** A closed round trip: in at `t1`, out at `t2` (long when side is buy). */
export const roundTrip = (
  t1: string,
  t2: string,
  symbol: string,
  side: 'buy' | 'sell',
  entry: string,
  exit: string,
) => [fill(t1, symbol, side, 1, entry), fill(t2, symbol, side === 'buy' ? 'sell' : 'buy', 1, exit)];

export const order = (
  t: string,
  id: string,
  symbol: string,
  side: 'buy' | 'sell',
  kind: 'market' | 'limit' | 'stop',
  qty: number,
  status: 'working' | 'filled' | 'cancelled' = 'working',
) => ev({ type: 'order', t, account: 'A1', id, symbol, side, kind, qty, status });

export const clock = (t: string) => ev({ type: 'clock', t });
export const brokerReport = (t: string, canTrade: boolean) =>
  ev({ type: 'account', t, account: 'A1', balance: '50000', canTrade });
export const at = (t: string) => Date.parse(t);

/** The rule's decisions as a trader reads them; lock lifts as { t, lifted }. */
export function decisionsOf(events: EngineEvent[], config: EngineConfig) {
  return runEngine(withInstruments(events), config).decisions.flatMap(table);
}

/** The instruments, known from the first event's time on (the engine's clock never runs backwards). */
function withInstruments(events: EngineEvent[]): EngineEvent[] {
  const t = Math.min(...events.map((e) => e.t));
  return [...instrumentEvents.map((e) => ({ ...e, t: Math.min(e.t, t) })), ...events];
}

function table(d: Decision): Record<string, unknown>[] {
  if (d.kind === 'lockLifted') return [{ t: d.t, lifted: d.rule }];
  if (d.kind !== 'rule') return [];
  const { kind: _kind, account: _account, message: _message, ...rest } = d;
  return [rest];
}

/** The prose of the rule decisions (for the few tests about what the trader is told). */
export function messagesOf(events: EngineEvent[], config: EngineConfig): string[] {
  return runEngine(withInstruments(events), config).decisions.flatMap((d) =>
    d.kind === 'rule' ? [d.message] : [],
  );
}
