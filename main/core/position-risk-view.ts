// A position's protection as the trader sees it (docs/RULES.md section 3, "per position"): its protective stops and
// whether they cover it, the initial risk and R multiple, and when stopRequired acts if it stays unprotected.
// Read-only over the engine state.
import { moneyString, type Dec } from '../../shared/domain/money';
import type { PositionView } from '../../shared/ipc';
import { rulesFor, type ReadonlyAccountState, type ReadonlyEngineState, type Position } from '../engine';

type Protection = Pick<PositionView, 'stop' | 'stopPrice' | 'initialRisk' | 'rMultiple' | 'stopDueAt'>;

export function protectionView(
  state: ReadonlyEngineState,
  account: ReadonlyAccountState,
  position: Position,
  unrealized: Dec,
): Protection {
  const protectiveSide = position.qty > 0 ? 'sell' : 'buy';
  const stops = [...account.orders.values()]
    .filter((o) => o.symbol === position.symbol && o.kind === 'stop' && o.side === protectiveSide)
    .sort((a, b) => a.placedAt - b.placedAt);
  const stopped = stops.reduce((sum, order) => sum + order.qty, 0);
  const size = Math.abs(position.qty);
  const stop = stopped >= size ? 'full' : stopped > 0 ? 'partial' : 'none';
  const first = stops.find((order) => order.stopPrice !== null)?.stopPrice ?? null;
  const instrument = state.instruments.get(position.symbol);
  const pointValue = instrument === undefined ? null : instrument.tickValue.div(instrument.tickSize);
  const risk =
    first === null || pointValue === null
      ? null
      : position.avgPrice.minus(first).abs().times(size).times(pointValue);
  return {
    stop,
    stopPrice: first === null ? null : first.toFixed(),
    initialRisk: risk === null ? null : moneyString(risk.toDecimalPlaces(2)),
    rMultiple: risk === null || risk.isZero() ? null : unrealized.div(risk).toDecimalPlaces(2).toFixed(2),
    stopDueAt: stop === 'full' ? null : stopDue(state, account, position),
  };
}

/** From the stopRequired rule's memory: when its grace (of the current step) runs out. */
function stopDue(
  state: ReadonlyEngineState,
  account: ReadonlyAccountState,
  position: Position,
): string | null {
  const settings = rulesFor(state.config, account.id).stopRequired;
  if (settings?.enabled !== true) return null;
  const data = account.rules[`stopRequired:${position.symbol}`]?.data;
  const fresh = data === undefined || data['trade'] !== position.trade.openedAt;
  const since = fresh ? position.openedAt : Number(data['since']);
  if (since === -1) return null;
  const step = fresh ? 0 : Number(data['step']);
  return new Date(since + settings.graceSeconds * 1000 * (step + 1)).toISOString();
}
