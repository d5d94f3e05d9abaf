// The user hub's events (docs/brokers/PROJECTX.md section 3.3), one unit per kind: an account's balance, a trade (a fill), an
// order, a position. Each entity is parsed, left alone when its account is not guarded, and merged into the book,
// whose normalized event is emitted.
import type { z } from 'zod';
import { positionKey } from './book';
import type { FeedContext } from './feed';
import {
  parseEntity,
  positionSchema,
  unwrapUserArgument,
  type PxAccount,
  type PxOrder,
  type PxPosition,
  type PxTrade,
} from './parse';

/** One parsed entity; `drop` logs its frame as not understood and asks for a resync. */
type Update<T> = (update: T, action: number | null, drop: (error: string) => void) => Promise<void> | void;

/** A user hub handler: every entity in the frame (wrapped or bare) parsed and handled in the feed's queue. */
export function userEvent<T>(
  context: FeedContext,
  target: string,
  schema: z.ZodType<T>,
  handle: Update<T>,
): (args: unknown[]) => void {
  return (args) => {
    const argument = args.length === 1 ? args[0] : args;
    void context.queue.run(async () => {
      for (const { entity, action } of unwrapUserArgument(argument)) {
        const drop = (error: string) => {
          context.dropped(target, error, entity);
        };
        const parsed = parseEntity(schema, entity);
        if (parsed.ok) await handle(parsed.value, action, drop);
        else drop(parsed.error);
      }
    });
  };
}

export function accountUpdate(context: FeedContext): Update<PxAccount> {
  return (account, _action, drop) => {
    if (!context.guarded(account.id)) return;
    const mapped = context.book.mergeAccount(account, context.clock.now());
    if (mapped.ok) context.emit(mapped.event);
    else drop(mapped.error);
  };
}

export function tradeUpdate(context: FeedContext): Update<PxTrade> {
  return async (trade) => {
    if (!context.guarded(trade.accountId)) return;
    if (!(await context.ensureInstrument(trade.contractId))) return;
    const fill = context.book.trade(trade, context.clock.now());
    if (fill !== null) context.emit(fill);
  };
}

/** An order update may be partial: its account and contract are then those of the order already known. */
export function orderUpdate(context: FeedContext): Update<PxOrder> {
  return async (order, _action, drop) => {
    const known = context.book.orders.get(order.id);
    const account = order.accountId ?? known?.accountId;
    const contract = order.contractId ?? known?.contractId;
    if (account != null && !context.guarded(account)) return;
    if (contract != null && !(await context.ensureInstrument(contract))) return;
    const mapped = context.book.mergeOrder(order, context.clock.now());
    if (!mapped.ok) {
      drop(mapped.error);
      return;
    }
    if (mapped.event !== null) context.emit(mapped.event);
    context.holdingsChanged();
  };
}

/**
 * Position updates, each reported only after `positionSettleMs` (a newer one for the same position replaces it),
 * so that the trade that caused it is applied first. `supersede` drops the reports still waiting, and those
 * queued behind it, when a REST snapshot newer than them is applied; `stop` drops the waiting ones.
 */
export function createPositionReports(context: FeedContext) {
  const settling = new Map<string, () => void>();
  /** Bumped by each snapshot: a report armed before it is stale. */
  let snapshots = 0;
  const cancelWaiting = () => {
    for (const cancel of settling.values()) cancel();
    settling.clear();
  };
  const update: Update<PxPosition> = async (position, action, drop) => {
    if (position.accountId != null && !context.guarded(position.accountId)) return;
    if (position.contractId != null && !(await context.ensureInstrument(position.contractId))) return;
    const mapped = context.book.mergePosition(position, action, context.clock.now());
    if (!mapped.ok) {
      drop(mapped.error);
      return;
    }
    const report = mapped.event;
    const key = positionKey(report.account, report.symbol);
    settling.get(key)?.();
    const armedAt = snapshots;
    const settled = () => {
      settling.delete(key);
      void context.queue.run(() => {
        if (armedAt === snapshots) context.emit({ ...report, t: context.clock.now() });
      });
    };
    settling.set(key, context.clock.setTimeout(settled, context.positionSettleMs));
    context.holdingsChanged();
  };
  return {
    handler: userEvent(context, 'GatewayUserPosition', positionSchema, update),
    supersede: () => {
      snapshots += 1;
      cancelWaiting();
    },
    stop: cancelWaiting,
  };
}
