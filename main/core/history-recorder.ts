// What the history screens read later, written as it happens: each closed trade (with the strategy tag of a
// working order in its symbol, where the broker carries one) and a periodic equity sample per account.
import { accountMetrics, type ClosedTrade, type EngineState } from '../engine';
import type { Clock } from '../platform/clock';
import type { Store } from '../store';

export function createHistoryRecorder(store: Store, state: EngineState, clock: Clock) {
  return {
    trade(trade: ClosedTrade): void {
      const tag = [...(state.accounts.get(trade.account)?.orders.values() ?? [])].find(
        (order) => order.symbol === trade.symbol && order.tag !== null,
      )?.tag;
      store.history.addTrade({
        account: trade.account,
        symbol: trade.symbol,
        side: trade.side,
        qty: trade.qty,
        entryPrice: trade.entryPrice.toFixed(),
        exitPrice: trade.exitPrice.toFixed(),
        openedAt: trade.openedAt,
        closedAt: trade.closedAt,
        realizedPnl: trade.realizedPnl.toFixed(2),
        fees: trade.fees.toFixed(2),
        netPnl: trade.netPnl.toFixed(2),
        mfe: trade.mfe.toFixed(2),
        mae: trade.mae.toFixed(2),
        tag: tag ?? null,
      });
    },
    sampleEquity(): void {
      const t = clock.now();
      store.history.sample(
        [...state.accounts.values()].map((account) => {
          const metrics = accountMetrics(state, account);
          let openQty = 0;
          for (const position of account.positions.values()) openQty += Math.abs(position.qty);
          return {
            account: account.id,
            t,
            balance: metrics.balance.toFixed(2),
            equity: metrics.equity.toFixed(2),
            dailyNetPnl: metrics.dailyNetPnl.toFixed(2),
            dailyDrawdown: metrics.dailyDrawdown.toFixed(2),
            openQty,
          };
        }),
      );
    },
  };
}
