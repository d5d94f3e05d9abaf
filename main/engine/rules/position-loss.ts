// positionLoss: one position's unrealized loss reaching `amount` closes that position (the others stay).
// Also the per-position plumbing the price rules share: which positions an event concerns, stale memory.
import { dec, ZERO } from '../../../shared/domain/money';
import type { EngineEvent } from '../../../shared/domain/events';
import type { AccountState, Position } from '../state';
import { positionUnrealized } from '../valuation';
import type { RuleContext, Rule } from './types';
import { allBands, levelBand } from './bands';

/** The positions an event concerns: a quote only its symbol's (so one symbol's ticks never confirm another's). */
export function positionsFor(ctx: Pick<RuleContext, 'account' | 'event'>): Position[] {
  const { account, event } = ctx;
  if (event.type !== 'quote') return [...account.positions.values()];
  const position = account.positions.get(event.symbol);
  return position === undefined ? [] : [position];
}

/**
 * Drops `rule:symbol` memories of positions no longer open, so a new position starts at ok. A quote closes
 * nothing, so on the hot path there is nothing to look for.
 */
export function forgetClosedPositions(account: AccountState, rule: string, event: EngineEvent): void {
  if (event.type === 'quote') return;
  const closed = (key: string) =>
    key.startsWith(`${rule}:`) && !account.positions.has(key.slice(rule.length + 1));
  if (!Object.keys(account.rules).some(closed)) return;
  account.rules = Object.fromEntries(Object.entries(account.rules).filter(([key]) => !closed(key)));
}

export const positionLoss: Rule<'positionLoss'> = {
  id: 'positionLoss',
  triggers: ['quote', 'fill', 'position', 'account', 'clock', 'configChange'],
  evaluate(ctx) {
    forgetClosedPositions(ctx.account, 'positionLoss', ctx.event);
    const amount = dec(ctx.settings.amount);
    return positionsFor(ctx).map((position) => {
      const loss = positionUnrealized(ctx.state, position).negated();
      return {
        kind: 'measure',
        key: `positionLoss:${position.symbol}`,
        symbol: position.symbol,
        value: loss,
        limit: amount,
        describe: (level) =>
          level === 'breach'
            ? `${position.symbol} open loss ${loss.toFixed()} reached ${amount.toFixed()}`
            : `${position.symbol} open loss ${loss.toFixed()} of ${amount.toFixed()}`,
      };
    });
  },
  quoteBounds(ctx) {
    // fraction = −unrealized / amount, per position: unrealized = 0 − f × amount
    const line = { at0: ZERO, slope: dec(ctx.settings.amount).negated() };
    return allBands(
      [...ctx.account.positions.values()].map((position) =>
        levelBand(
          ctx,
          `positionLoss:${position.symbol}`,
          { on: 'unrealized', symbol: position.symbol },
          line,
        ),
      ),
    );
  },
};
