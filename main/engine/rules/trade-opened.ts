// Shared by the rules that act when a round trip opens (tradeFrequency, tradingHours): was a trade opened by
// this fill, seen for the first time by this rule?
import type { RuleContext } from './types';

/** The symbol whose trade this fill opened, once per trade per rule; null for any other event. */
export function tradeOpenedBy(ctx: RuleContext, rule: string): string | null {
  const { event, account } = ctx;
  if (event.type !== 'fill' || event.voided === true) return null;
  const position = account.positions.get(event.symbol);
  if (position?.trade.openedAt !== event.t) return null;
  const memory = ctx.memory(`${rule}:opened:${event.symbol}`);
  if (memory.data?.['openedAt'] === event.t) return null;
  memory.data = { openedAt: event.t };
  return event.symbol;
}
