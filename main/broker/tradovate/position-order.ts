// Position reports after the fills that made them (docs/brokers/TRADOVATE.md section 5). One change at the broker
// comes as several `props` pushes, and nothing promises that a fill comes before the position it moves: a closing
// fill applied after the flat position already was would turn the engine's position around (a halted account
// then looks as if it opened a new position, and a flatten can never see it flat). So the adapter keeps what the
// reports and fills it passed on imply for each position; a report that disagrees waits for the fills that explain
// it and goes out right after them, or after `settleMs` all the same (then it corrects the picture, as it should).
// A snapshot replaces everything it knew.
import type { BrokerEvent, FillEvent, PositionEvent } from '../../../shared/domain/events';
import type { Clock } from '../../platform/clock';
import type { SerialQueue } from '../serial-queue';

export type PositionOrderDeps = {
  clock: Clock;
  /** Where a report released later is handed on from (in order with the pushes). */
  queue: SerialQueue;
  settleMs: number;
  emit(events: readonly BrokerEvent[]): void;
};

export type PositionOrder = {
  /** A snapshot's events, passed on as they are; what is known is what they say. */
  snapshot(events: readonly BrokerEvent[]): void;
  /** A push's events: a position report ahead of its fills is held back. */
  push(events: readonly BrokerEvent[]): void;
  /** Drops the reports held back (the link is gone: the next snapshot tells the truth). */
  stop(): void;
};

const FILLS_KEPT = 50_000;

export function createPositionOrder(deps: PositionOrderDeps): PositionOrder {
  /** Per account and symbol: the position the last report passed on and the fills since make. */
  const implied = new Map<string, number>();
  /** The signed quantity each fill added (so that a bust takes it back, and a repeat adds nothing). */
  const counted = new Map<string, number>();
  const held = new Map<string, { report: PositionEvent; cancel: () => void }>();
  const keyOf = (event: { account: string; symbol: string }) => `${event.account}|${event.symbol}`;

  const release = (key: string): PositionEvent | null => {
    const waiting = held.get(key);
    if (waiting === undefined) return null;
    waiting.cancel();
    held.delete(key);
    implied.set(key, waiting.report.qty);
    return { ...waiting.report, t: deps.clock.now() };
  };

  const count = (fill: FillEvent): void => {
    const key = keyOf(fill);
    const known = counted.get(fill.id);
    const signed = fill.side === 'buy' ? fill.qty : -fill.qty;
    if (fill.voided === true) {
      if (known === undefined) return;
      counted.set(fill.id, 0);
      implied.set(key, (implied.get(key) ?? 0) - known);
      return;
    }
    if (known !== undefined) return;
    if (counted.size >= FILLS_KEPT) counted.clear();
    counted.set(fill.id, signed);
    implied.set(key, (implied.get(key) ?? 0) + signed);
  };

  const hold = (report: PositionEvent): void => {
    const key = keyOf(report);
    held.get(key)?.cancel();
    const cancel = deps.clock.setTimeout(() => {
      void deps.queue.run(() => {
        if (held.get(key)?.report !== report) return;
        const due = release(key);
        if (due !== null) deps.emit([due]);
      });
    }, deps.settleMs);
    held.set(key, { report, cancel });
  };

  const stop = (): void => {
    for (const { cancel } of held.values()) cancel();
    held.clear();
  };

  return {
    snapshot(events) {
      stop();
      implied.clear();
      for (const event of events) {
        if (event.type === 'fill' && !counted.has(event.id))
          counted.set(event.id, event.voided === true ? 0 : event.side === 'buy' ? event.qty : -event.qty);
        if (event.type === 'position') implied.set(keyOf(event), event.qty);
      }
      deps.emit(events);
    },
    push(events) {
      const out: BrokerEvent[] = [];
      for (const event of events) {
        if (event.type === 'position') {
          const key = keyOf(event);
          held.get(key)?.cancel();
          held.delete(key);
          if ((implied.get(key) ?? 0) === event.qty) out.push(event);
          else hold(event);
          continue;
        }
        out.push(event);
        if (event.type !== 'fill') continue;
        count(event);
        const key = keyOf(event);
        if (held.get(key)?.report.qty === implied.get(key)) {
          const due = release(key);
          if (due !== null) out.push(due);
        }
      }
      if (out.length > 0) deps.emit(out);
    },
    stop,
  };
}
