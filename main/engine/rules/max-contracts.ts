// maxContracts: weighted contracts (a micro counts its instrument `weight`, e.g. 0.1) against `total` and
// `perSymbol` limits; the limit itself is allowed. Open quantity over a limit: reducePosition with the symbol;
// working entry orders that would take it over (countWorkingOrders): cancelOrders with the symbol. A plan's scaling
// tier caps the total too (docs/RULES.md section 11): the effective total is the smaller of the two.
import { compareDec, dec, ZERO, type Dec } from '../../../shared/domain/money';
import type { RiskAction } from '../decisions';
import { contractsAllowed } from '../plan';
import type { ReadonlyAccountState, ReadonlyEngineState } from '../readonly';
import type { Breach, Rule, RuleContext } from './types';

/** Per symbol: weighted open contracts, and the weighted largest position its working orders could make. */
export type Exposure = { symbol: string; open: Dec; potential: Dec };

export const maxContracts: Rule<'maxContracts'> = {
  id: 'maxContracts',
  // A clock tick or a rebuilt day start can roll the day, and with it the scaling tier (held positions may now
  // be over it); otherwise they change nothing here, and an excess already reported is not reported again.
  triggers: ['fill', 'order', 'position', 'instrument', 'configChange', 'clock', 'dayStart'],
  evaluate(ctx) {
    const { settings, state, account } = ctx;
    const exposures = exposuresOf(state, account, settings.countWorkingOrders);
    const findings: Breach[] = [];
    for (const e of exposures) {
      const limit = settings.perSymbol[e.symbol];
      if (limit !== undefined)
        findings.push(...check(ctx, `maxContracts:${e.symbol}`, e, dec(limit), e.symbol));
    }
    const limit = effectiveTotal(state, account, settings.total);
    if (limit !== null) {
      const sum = (pick: (e: Exposure) => Dec) => exposures.reduce((acc, e) => acc.plus(pick(e)), ZERO);
      const total = { symbol: 'total', open: sum((e) => e.open), potential: sum((e) => e.potential) };
      findings.push(...check(ctx, 'maxContracts', total, limit.total, culprit(ctx, exposures), limit.byTier));
    }
    return findings;
  },
};

/**
 * The total in force: min(total, the scaling tier's contracts), either alone where the other is absent; null
 * when neither limits it. `byTier`: the tier is the one that binds (the message says so).
 */
export function effectiveTotal(
  state: ReadonlyEngineState,
  account: ReadonlyAccountState,
  total: string | null,
): { total: Dec; byTier: boolean } | null {
  const allowed = contractsAllowed(state, account);
  const tier = allowed === null ? null : dec(allowed);
  if (total === null) return tier === null ? null : { total: tier, byTier: true };
  const written = dec(total);
  if (tier === null) return { total: written, byTier: false };
  return compareDec(tier, written) < 0 ? { total: tier, byTier: true } : { total: written, byTier: false };
}

/** The account's exposure per symbol it holds or has orders in (groupMaxContracts sums them over members). */
export function exposuresOf(
  state: ReadonlyEngineState,
  account: ReadonlyAccountState,
  countOrders: boolean,
): Exposure[] {
  const symbols = new Set([
    ...account.positions.keys(),
    ...[...account.orders.values()].map((o) => o.symbol),
  ]);
  return [...symbols].map((symbol) => {
    const weight = state.instruments.get(symbol)?.weight ?? dec(1);
    const held = account.positions.get(symbol)?.qty ?? 0;
    let buys = 0;
    let sells = 0;
    for (const order of account.orders.values()) {
      if (order.symbol !== symbol || order.status !== 'working') continue;
      if (order.side === 'buy') buys += order.qty;
      else sells += order.qty;
    }
    const potential = countOrders ? Math.max(Math.abs(held + buys), Math.abs(held - sells)) : Math.abs(held);
    return { symbol, open: weight.times(Math.abs(held)), potential: weight.times(potential) };
  });
}

/** The symbol to act on for the total: the event's own when it is involved, else the largest. */
function culprit(ctx: RuleContext, exposures: Exposure[]): string {
  const { event } = ctx;
  if ('symbol' in event && exposures.some((e) => e.symbol === event.symbol)) return event.symbol;
  const largest = [...exposures].sort((a, b) => b.potential.comparedTo(a.potential))[0];
  return largest?.symbol ?? '';
}

/**
 * Reports an excess once, and again only when it grows: memory keeps the excess last reported, open and with
 * orders, and forgets it when back within the limit.
 */
function check(
  ctx: RuleContext,
  key: string,
  e: Exposure,
  limit: Dec,
  symbol: string,
  byTier = false,
): Breach[] {
  const memory = ctx.memory(key);
  const data = (memory.data ??= {});
  const found: Breach[] = [];
  const excess = (value: Dec, name: 'open' | 'orders', action: RiskAction, what: string) => {
    const over = value.minus(limit);
    const reported = dec(data[name] ?? 0);
    if (over.lessThanOrEqualTo(0)) {
      data[name] = '0';
    } else if (over.greaterThan(reported)) {
      data[name] = over.toFixed();
      const scope = e.symbol === 'total' ? 'total' : symbol;
      found.push({
        kind: 'breach',
        symbol,
        action,
        message: `${scope}: ${value.toFixed()} contracts ${what} above the ${byTier ? "scaling tier's " : ''}limit of ${limit.toFixed()}`,
      });
    }
  };
  excess(e.open, 'open', 'reducePosition', 'open');
  if (e.potential.greaterThan(e.open)) excess(e.potential, 'orders', 'cancelOrders', 'with working orders');
  else data['orders'] = '0';
  return found;
}
