// Replay `--enforce` (docs/RULES.md section 9): a close or flatten fills at the current mark with the same fee per
// contract as the position's opening fills; afterwards recorded fills that would have reduced what enforcement
// already closed are dropped (up to the quantity it closed), and while halted, fills that open or add are dropped.
import type { EngineEvent, FillEvent } from '../../shared/domain/events';
import { ZERO, type Dec } from '../../shared/domain/money';
import { positionMark, type EngineState, type ReadonlyAccountState, type RuleDecision } from '../engine';

/**
 * Halted at `t`: a lock whose time has come by then no longer counts, though no event has lifted it yet (events
 * without clock ticks between them: a fill the next day is not dropped by the day's lock).
 */
function haltedAt(account: ReadonlyAccountState, t: number): boolean {
  return account.locks.some(
    (lock) => lock.state === 'halted' && !(typeof lock.until === 'number' && lock.until <= t),
  );
}

export function createEnforcementSimulator(state: EngineState) {
  /** Fee per contract of the latest opening fill, per account:symbol. */
  const openingFee = new Map<string, Dec>();
  /** Contracts enforcement closed that recorded fills would still try to close, per account:symbol. */
  const alreadyClosed = new Map<string, { side: FillEvent['side']; qty: number }>();
  let sequence = 0;

  const closeFill = (decision: RuleDecision, symbol: string, qty: number): FillEvent | null => {
    const position = state.accounts.get(decision.account)?.positions.get(symbol);
    if (position === undefined || qty <= 0) return null;
    const side = position.qty > 0 ? 'sell' : 'buy';
    const key = `${decision.account}:${symbol}`;
    const previous = alreadyClosed.get(key);
    alreadyClosed.set(key, { side, qty: (previous?.side === side ? previous.qty : 0) + qty });
    sequence += 1;
    return {
      type: 'fill',
      t: decision.t,
      account: decision.account,
      id: `enforce-${sequence}`,
      orderId: `enforce-${sequence}`,
      symbol,
      side,
      qty,
      price: positionMark(state, position),
      fees: (openingFee.get(key) ?? ZERO).times(qty),
    };
  };

  return {
    /** The simulated fills (and cancels) that carry out a decision. */
    consequences(decision: RuleDecision): EngineEvent[] {
      const account = state.accounts.get(decision.account);
      if (account === undefined) return [];
      const positions = [...account.positions.values()];
      const targets =
        decision.action === 'flatten' ? positions : positions.filter((p) => p.symbol === decision.symbol);
      const cancels: EngineEvent[] = [...account.orders.values()]
        .filter(
          (o) =>
            decision.action === 'flatten' ||
            (decision.action === 'cancelOrders' &&
              (decision.symbol === undefined || o.symbol === decision.symbol)),
        )
        .map((o) => ({
          type: 'order',
          t: decision.t,
          account: account.id,
          id: o.id,
          symbol: o.symbol,
          side: o.side,
          kind: o.kind,
          qty: o.qty,
          status: 'cancelled',
        }));
      if (decision.action === 'alert' || decision.action === 'cancelOrders') return cancels;
      const fills = targets.flatMap((p) => {
        const held = Math.abs(p.qty);
        const qty =
          decision.action === 'reducePosition' ? Math.min(held, decision.qty ?? Math.ceil(held / 2)) : held;
        const fill = closeFill(decision, p.symbol, qty);
        return fill === null ? [] : [fill];
      });
      return [...cancels, ...fills];
    },
    /** Whether a recorded event is one enforcement would have prevented; notes opening fees on the way. */
    drops(event: EngineEvent): boolean {
      if (event.type !== 'fill' || event.voided === true) return false;
      const key = `${event.account}:${event.symbol}`;
      const account = state.accounts.get(event.account);
      const held = account?.positions.get(event.symbol)?.qty ?? 0;
      const signed = event.side === 'buy' ? event.qty : -event.qty;
      const opens = held === 0 || Math.sign(held) === Math.sign(signed);
      const closed = alreadyClosed.get(key);
      if (closed !== undefined && closed.side === event.side && !(held !== 0 && !opens)) {
        const remaining = closed.qty - event.qty;
        if (remaining > 0) alreadyClosed.set(key, { side: closed.side, qty: remaining });
        else alreadyClosed.delete(key);
        return true;
      }
      if (account !== undefined && opens && haltedAt(account, event.t)) return true;
      if (opens) openingFee.set(key, event.fees.dividedBy(event.qty));
      return false;
    },
  };
}
