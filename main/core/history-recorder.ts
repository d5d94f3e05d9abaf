// What the history screens read later, written as it happens: each closed trade (with its R multiple, and the
// strategy tag of a working order in its symbol where the broker carries one), each step of a trailing stop's
// life (a risk event), and a periodic sample of each account's equity and metrics.
import { moneyString } from '../../shared/domain/money';
import type { ClosedTrade, Decision, ReadonlyEngineState, TrailingStopChange } from '../engine';
import type { Clock } from '../platform/clock';
import type { RiskEvent, Store, TradeRecord } from '../store';
import { equitySampleOf } from './equity-sample';

export const TRAILING_STOP_EVENT = 'trailingStop';

export type HistoryRecorder = ReturnType<typeof createHistoryRecorder>;

export function createHistoryRecorder(store: Store, state: ReadonlyEngineState, clock: Clock) {
  return {
    /** Keeps what a decision leaves for the history (closed trades, trailing stops); the rest is not its business. */
    record(decision: Decision): void {
      if (decision.kind === 'tradeClosed') store.history.addTrade(tradeRow(state, decision.trade));
      else if (decision.kind === 'trailingStop') store.riskEvents.record(trailingStopEvent(decision));
    },
    sampleEquity(): void {
      const t = clock.now();
      store.history.sample([...state.accounts.values()].map((account) => equitySampleOf(state, account, t)));
    },
  };
}

/** A closed trade as the store keeps it, with the strategy tag of a working order in its symbol, if any. */
function tradeRow(state: ReadonlyEngineState, closed: ClosedTrade): TradeRecord {
  const tag = [...(state.accounts.get(closed.account)?.orders.values() ?? [])].find(
    (order) => order.symbol === closed.symbol && order.tag !== null,
  )?.tag;
  return {
    account: closed.account,
    symbol: closed.symbol,
    side: closed.side,
    qty: closed.qty,
    entryPrice: closed.entryPrice.toFixed(),
    exitPrice: closed.exitPrice.toFixed(),
    openedAt: closed.openedAt,
    closedAt: closed.closedAt,
    realizedPnl: closed.realizedPnl.toFixed(2),
    fees: closed.fees.toFixed(2),
    netPnl: closed.netPnl.toFixed(2),
    mfe: closed.mfe.toFixed(2),
    mae: closed.mae.toFixed(2),
    tag: tag ?? null,
    initialRisk: closed.initialRisk === null ? null : moneyString(closed.initialRisk),
    rMultiple: closed.rMultiple === null ? null : moneyString(closed.rMultiple),
  };
}

/** One step of a trailing stop's life, as a risk event. */
function trailingStopEvent(change: TrailingStopChange): RiskEvent {
  return {
    t: change.t,
    account: change.account,
    kind: TRAILING_STOP_EVENT,
    detail: {
      change: change.change,
      symbol: change.symbol,
      side: change.side,
      best: moneyString(change.best),
      stopPrice: change.stopPrice === null ? null : moneyString(change.stopPrice),
    },
  };
}
