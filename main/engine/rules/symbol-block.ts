// symbolBlock: a position in a blocked symbol is closed (closePosition) and its working orders cancelled
// (cancelOrders), each reported once: memory keeps what was reported while it lasts.
import type { Breach, Rule } from './types';

export const symbolBlock: Rule<'symbolBlock'> = {
  id: 'symbolBlock',
  triggers: ['fill', 'order', 'position', 'clock', 'configChange'],
  evaluate(ctx) {
    const { account, settings } = ctx;
    const blocked = new Set(settings.symbols);
    const memory = ctx.memory('symbolBlock');
    const before = memory.data ?? {};
    const now: Record<string, number> = {};
    const findings: Breach[] = [];
    for (const position of account.positions.values()) {
      if (!blocked.has(position.symbol)) continue;
      const key = `position:${position.symbol}`;
      now[key] = position.trade.openedAt;
      if (before[key] === position.trade.openedAt) continue;
      findings.push({
        kind: 'breach',
        symbol: position.symbol,
        action: 'closePosition',
        message: `${position.symbol} is blocked: close the ${position.qty > 0 ? 'long' : 'short'} ${Math.abs(position.qty)}`,
      });
    }
    const newOrders = new Map<string, string[]>();
    for (const order of account.orders.values()) {
      if (!blocked.has(order.symbol) || order.status !== 'working') continue;
      const key = `order:${order.id}`;
      now[key] = 1;
      if (key in before) continue;
      newOrders.set(order.symbol, [...(newOrders.get(order.symbol) ?? []), order.id]);
    }
    for (const [symbol, ids] of newOrders) {
      findings.push({
        kind: 'breach',
        symbol,
        action: 'cancelOrders',
        message: `${symbol} is blocked: cancel order ${ids.join(', ')}`,
      });
    }
    memory.data = now;
    return findings;
  },
};
