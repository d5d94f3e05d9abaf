// Hub events → BrokerEvents (PROJECTX.md sections 3.3 and 4), one at a time in arrival order. A frame that
// cannot be understood is logged with its content and dropped, and a resync from REST is asked for, so that
// whatever it carried is not lost; it never throws into the hub client nor touches the picture.
import type { BrokerEvent } from '../../../shared/domain/events';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import { instrumentEvent, positionKey, quoteEvent, type Book } from './book';
import type { Contracts } from './contracts';
import {
  accountSchema,
  isObject,
  orderSchema,
  parseEntity,
  positionSchema,
  quoteSchema,
  shortJson,
  tradeSchema,
  unwrapUserArgument,
} from './parse';
import { errorText } from './rest-client';

export type SerialQueue = { run(task: () => Promise<void> | void): Promise<void> };

export function createSerialQueue(logger: Logger): SerialQueue {
  let tail: Promise<void> = Promise.resolve();
  return {
    run(task) {
      const next = tail.then(task).catch((error: unknown) => {
        logger.error('feed task failed', { error: errorText(error) });
      });
      tail = next;
      return next;
    },
  };
}

export type FeedDeps = {
  book: Book;
  contracts: Contracts;
  clock: Clock;
  logger: Logger;
  queue: SerialQueue;
  emit(event: BrokerEvent): void;
  guarded(account: string): boolean;
  /** Position reports wait this long so that the trade that caused them is applied first (its fill is the truth). */
  positionSettleMs: number;
  /** Something was not understood or could not be completed: read the picture again from REST. */
  resync(reason: string): void;
  /** Positions or orders changed: the quote subscriptions may have to follow. */
  holdingsChanged(): void;
  /** The gateway ended the session (GatewayLogout). */
  loggedOut(): void;
};

export type Feed = {
  user: Record<string, (args: unknown[]) => void>;
  market: Record<string, (args: unknown[]) => void>;
  /** Emits the instrument the first time a contract is met; false when its metadata cannot be had. */
  ensureInstrument(contractId: string): Promise<boolean>;
  /** A snapshot emitted this contract's instrument. */
  noteInstrument(contractId: string): void;
  stop(): void;
};

export function createFeed(deps: FeedDeps): Feed {
  const { book, logger, queue } = deps;
  const emitted = new Set<string>();
  const settling = new Map<string, () => void>();

  const dropped = (target: string, error: string, frame: unknown): void => {
    logger.error('hub frame not understood, dropped', { target, error, frame: shortJson(frame) });
    deps.resync(`${target} frame not understood`);
  };

  const ensureInstrument = async (contractId: string): Promise<boolean> => {
    if (emitted.has(contractId)) return true;
    const lookup = await deps.contracts.get(contractId);
    if (!lookup.ok) {
      logger.error('contract metadata unavailable', { contractId, error: lookup.error });
      deps.resync(`contract ${contractId} unknown`);
      return false;
    }
    emitted.add(contractId);
    deps.emit(instrumentEvent(lookup.contract, deps.clock.now()));
    return true;
  };

  const each = (
    target: string,
    args: unknown[],
    handle: (entity: unknown, action: number | null) => Promise<void>,
  ) => {
    const argument = args.length === 1 ? args[0] : args;
    void queue.run(async () => {
      for (const { entity, action } of unwrapUserArgument(argument)) await handle(entity, action);
    });
  };

  const onAccount = (args: unknown[]) => {
    each('GatewayUserAccount', args, (entity) => {
      const parsed = parseEntity(accountSchema, entity);
      if (!parsed.ok) {
        dropped('GatewayUserAccount', parsed.error, entity);
        return Promise.resolve();
      }
      if (!deps.guarded(parsed.value.id)) return Promise.resolve();
      const mapped = book.mergeAccount(parsed.value, deps.clock.now());
      if (mapped.ok) deps.emit(mapped.event);
      else dropped('GatewayUserAccount', mapped.error, entity);
      return Promise.resolve();
    });
  };

  const onTrade = (args: unknown[]) => {
    each('GatewayUserTrade', args, async (entity) => {
      const parsed = parseEntity(tradeSchema, entity);
      if (!parsed.ok) {
        dropped('GatewayUserTrade', parsed.error, entity);
        return;
      }
      if (!deps.guarded(parsed.value.accountId)) return;
      if (!(await ensureInstrument(parsed.value.contractId))) return;
      const fill = book.trade(parsed.value, deps.clock.now());
      if (fill !== null) deps.emit(fill);
    });
  };

  const onOrder = (args: unknown[]) => {
    each('GatewayUserOrder', args, async (entity) => {
      const parsed = parseEntity(orderSchema, entity);
      if (!parsed.ok) {
        dropped('GatewayUserOrder', parsed.error, entity);
        return;
      }
      const known = book.orders.get(parsed.value.id);
      const account = parsed.value.accountId ?? known?.accountId;
      const contract = parsed.value.contractId ?? known?.contractId;
      if (account != null && !deps.guarded(account)) return;
      if (contract != null && !(await ensureInstrument(contract))) return;
      const mapped = book.mergeOrder(parsed.value, deps.clock.now());
      if (!mapped.ok) {
        dropped('GatewayUserOrder', mapped.error, entity);
        return;
      }
      if (mapped.event !== null) deps.emit(mapped.event);
      deps.holdingsChanged();
    });
  };

  const onPosition = (args: unknown[]) => {
    each('GatewayUserPosition', args, async (entity, action) => {
      const parsed = parseEntity(positionSchema, entity);
      if (!parsed.ok) {
        dropped('GatewayUserPosition', parsed.error, entity);
        return;
      }
      if (parsed.value.accountId != null && !deps.guarded(parsed.value.accountId)) return;
      if (parsed.value.contractId != null && !(await ensureInstrument(parsed.value.contractId))) return;
      const mapped = book.mergePosition(parsed.value, action, deps.clock.now());
      if (!mapped.ok) {
        dropped('GatewayUserPosition', mapped.error, entity);
        return;
      }
      const key = positionKey(mapped.event.account, mapped.event.symbol);
      settling.get(key)?.();
      const report = mapped.event;
      settling.set(
        key,
        deps.clock.setTimeout(() => {
          settling.delete(key);
          void queue.run(() => {
            deps.emit({ ...report, t: deps.clock.now() });
          });
        }, deps.positionSettleMs),
      );
      deps.holdingsChanged();
    });
  };

  const onQuote = (args: unknown[]) => {
    const [contractId, data] = args;
    void queue.run(() => {
      if (typeof contractId !== 'string' || !emitted.has(contractId) || !isObject(data)) {
        if (typeof contractId !== 'string' || !isObject(data))
          logger.warn('quote not understood, dropped', { frame: shortJson(args) });
        return;
      }
      const parsed = parseEntity(quoteSchema, data);
      if (!parsed.ok) {
        logger.warn('quote not understood, dropped', { error: parsed.error, frame: shortJson(args) });
        return;
      }
      const event = quoteEvent(contractId, parsed.value, deps.clock.now());
      if (event !== null) deps.emit(event);
    });
  };

  const ignore = () => undefined;
  return {
    user: {
      GatewayUserAccount: onAccount,
      GatewayUserTrade: onTrade,
      GatewayUserOrder: onOrder,
      GatewayUserPosition: onPosition,
      GatewayLogout: (args) => {
        logger.warn('the gateway ended the session (GatewayLogout)', { frame: shortJson(args) });
        deps.loggedOut();
      },
    },
    market: { GatewayQuote: onQuote, GatewayTrade: ignore, GatewayDepth: ignore },
    ensureInstrument,
    noteInstrument: (contractId) => {
      emitted.add(contractId);
    },
    stop() {
      for (const cancel of settling.values()) cancel();
      settling.clear();
    },
  };
}
