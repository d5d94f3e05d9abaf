// stopRequired: every position needs protective stops (opposite-side stop orders) covering its whole quantity
// within `graceSeconds` of opening or of losing its cover. mode close: closePosition. mode attachStop: first the
// stop to attach (`stopTicks` beyond the entry), which the enforcer places; still uncovered one grace later (the
// broker refused it, or it was cancelled): closePosition.
import { dec } from '../../../shared/domain/money';
import type { ProtectiveStop } from '../decisions';
import type { AccountState, EngineState, Position } from '../state';
import type { Breach, Rule, RuleContext } from './types';
import type { QuoteBound } from './types';

const prefix = 'stopRequired:';

export const stopRequired: Rule<'stopRequired'> = {
  id: 'stopRequired',
  triggers: ['clock', 'quote', 'fill', 'order', 'position', 'configChange'],
  evaluate(ctx) {
    const { account, settings, event } = ctx;
    forgetClosed(account);
    const grace = settings.graceSeconds * 1000;
    const findings: Breach[] = [];
    for (const position of account.positions.values()) {
      const memory = ctx.memory(prefix + position.symbol);
      let data = memory.data;
      if (data === undefined || data['trade'] !== position.trade.openedAt) {
        data = { trade: position.trade.openedAt, since: position.openedAt, step: 0 };
        memory.data = data;
      }
      if (covered(account, position)) {
        data['since'] = -1;
        data['step'] = 0;
        continue;
      }
      if (data['since'] === -1) data['since'] = event.t;
      const since = Number(data['since']);
      const step = Number(data['step']);
      const due = since + grace * (step + 1);
      if (event.t < due) continue;
      const finding = nextStep(ctx, position, step);
      if (finding === null) continue;
      data['step'] = step + 1;
      findings.push(finding);
    }
    return findings;
  },
  quoteBounds(ctx) {
    const { account, settings } = ctx;
    if (
      Object.keys(account.rules).some(
        (key) => key.startsWith(prefix) && !account.positions.has(key.slice(prefix.length)),
      )
    ) {
      return 'always';
    }
    const bounds: QuoteBound[] = [];
    for (const position of account.positions.values()) {
      const data = ctx.memory(prefix + position.symbol).data;
      if (data === undefined || data['trade'] !== position.trade.openedAt) return 'always';
      const isCovered = covered(account, position);
      if (isCovered !== (data['since'] === -1)) return 'always';
      // Uncovered: nothing happens before the grace period (of this step) runs out.
      if (!isCovered) {
        const due = Number(data['since']) + settings.graceSeconds * 1000 * (Number(data['step']) + 1);
        bounds.push({ on: 'time', before: due });
      }
    }
    return bounds;
  },
};

/** Forgets the memory of positions no longer held (a new trade in the symbol starts its own grace). */
function forgetClosed(account: AccountState): void {
  const held = (key: string) => !key.startsWith(prefix) || account.positions.has(key.slice(prefix.length));
  if (Object.keys(account.rules).every(held)) return;
  account.rules = Object.fromEntries(Object.entries(account.rules).filter(([key]) => held(key)));
}

function covered(account: AccountState, position: Position): boolean {
  const protectiveSide = position.qty > 0 ? 'sell' : 'buy';
  let stopped = 0;
  for (const order of account.orders.values()) {
    if (order.symbol === position.symbol && order.kind === 'stop' && order.side === protectiveSide)
      stopped += order.qty;
  }
  return stopped >= Math.abs(position.qty);
}

/** Step 0: close (or, attaching, alert with the stop to attach); step 1 when attaching: close. */
function nextStep(ctx: RuleContext<'stopRequired'>, position: Position, step: number): Breach | null {
  const { settings } = ctx;
  const seconds = settings.graceSeconds;
  if (settings.mode === 'attachStop' && step === 0) {
    const stop = stopToAttach(ctx.state, position, settings.stopTicks);
    return {
      kind: 'breach',
      symbol: position.symbol,
      action: 'alert',
      lock: null,
      attachStop: stop,
      message: `${position.symbol} has no full stop after ${seconds}s: attach ${stop.side} stop ${stop.qty} @ ${stop.stopPrice.toFixed()}`,
    };
  }
  if (step > (settings.mode === 'attachStop' ? 1 : 0)) return null;
  return {
    kind: 'breach',
    symbol: position.symbol,
    message:
      settings.mode === 'attachStop'
        ? `${position.symbol} still has no full stop ${seconds}s after asking to attach one: close it`
        : `${position.symbol} has no full stop after ${seconds}s: close it`,
  };
}

/** The stop to attach (sell stop 2 @ 5797.5): `stopTicks` beyond the average entry, on a tick, away from it. */
function stopToAttach(state: EngineState, position: Position, stopTicks: number): ProtectiveStop {
  const tick = state.instruments.get(position.symbol)?.tickSize ?? dec('0.01');
  const long = position.qty > 0;
  const entryTicks = position.avgPrice.div(tick);
  const stopPrice = long
    ? entryTicks.floor().minus(stopTicks).times(tick)
    : entryTicks.ceil().plus(stopTicks).times(tick);
  return { side: long ? 'sell' : 'buy', qty: Math.abs(position.qty), stopPrice };
}
