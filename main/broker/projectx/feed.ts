// Hub events → BrokerEvents (docs/brokers/PROJECTX.md sections 3.3 and 4), one at a time in arrival order, each kind in its
// own unit (user-events.ts, market-events.ts). A frame that cannot be understood is logged with its content and
// dropped, and a resync from REST is asked for, so that whatever it carried is not lost; it never throws into the
// hub client nor touches the picture.
import type { BrokerEvent } from '../../../shared/domain/events';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import { instrumentEvent, type Book } from './book';
import type { Contracts } from './contracts';
import { createQuoteUpdates } from './market-events';
import { accountSchema, orderSchema, shortJson, tradeSchema } from './parse';
import type { SerialQueue } from '../serial-queue';
import { accountUpdate, createPositionReports, orderUpdate, tradeUpdate, userEvent } from './user-events';

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
  ensureInstrument: (contractId: string) => Promise<boolean>;
  /** A snapshot emitted this contract's instrument. */
  noteInstrument: (contractId: string) => void;
  /**
   * A REST snapshot is applied now (in the queue): position reports still waiting are older, and dropped; quote
   * timestamps are judged afresh.
   */
  snapshotApplied: () => void;
  stop(): void;
};

/** What the units of each hub event kind share. */
export type FeedContext = FeedDeps & {
  ensureInstrument: Feed['ensureInstrument'];
  /** Whether this contract's instrument was emitted (quotes of others are of no use yet). */
  instrumentKnown(contractId: string): boolean;
  /** Logs a frame that cannot be understood and asks for a resync. */
  dropped(target: string, error: string, frame: unknown): void;
};

export function createFeed(deps: FeedDeps): Feed {
  const context = feedContext(deps);
  const positions = createPositionReports(context);
  const quotes = createQuoteUpdates(context);
  const ignore = () => undefined;
  return {
    user: {
      GatewayUserAccount: userEvent(context, 'GatewayUserAccount', accountSchema, accountUpdate(context)),
      GatewayUserTrade: userEvent(context, 'GatewayUserTrade', tradeSchema, tradeUpdate(context)),
      GatewayUserOrder: userEvent(context, 'GatewayUserOrder', orderSchema, orderUpdate(context)),
      GatewayUserPosition: positions.handler,
      GatewayLogout: (args) => {
        deps.logger.warn('the gateway ended the session (GatewayLogout)', { frame: shortJson(args) });
        deps.loggedOut();
      },
    },
    market: { GatewayQuote: quotes.handler, GatewayTrade: ignore, GatewayDepth: ignore },
    ensureInstrument: context.ensureInstrument,
    noteInstrument: context.noteInstrument,
    snapshotApplied: () => {
      positions.supersede();
      quotes.reset();
    },
    stop: positions.stop,
  };
}

function feedContext(deps: FeedDeps): FeedContext & Pick<Feed, 'noteInstrument'> {
  const emitted = new Set<string>();
  const dropped = (target: string, error: string, frame: unknown): void => {
    deps.logger.error('hub frame not understood, dropped', { target, error, frame: shortJson(frame) });
    deps.resync(`${target} frame not understood`);
  };
  const ensureInstrument = async (contractId: string): Promise<boolean> => {
    if (emitted.has(contractId)) return true;
    const lookup = await deps.contracts.get(contractId);
    if (!lookup.ok) {
      deps.logger.error('contract metadata unavailable', { contractId, error: lookup.error });
      deps.resync(`contract ${contractId} unknown`);
      return false;
    }
    emitted.add(contractId);
    deps.emit(instrumentEvent(lookup.contract, deps.clock.now()));
    return true;
  };
  return {
    ...deps,
    dropped,
    ensureInstrument,
    instrumentKnown: (contractId) => emitted.has(contractId),
    noteInstrument: (contractId) => {
      emitted.add(contractId);
    },
  };
}
