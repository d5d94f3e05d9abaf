// Reconcile and resync: the picture read again from REST (reconcile.ts) in the feed's queue, so hub events that
// arrive meanwhile wait and follow the snapshot in order; a resync is a reconcile asked for shortly (one at a
// time) when something was missed or not understood; a resync that fails loses the connection.
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type { AccountSelection } from './account-selection';
import type { Book } from './book';
import type { Loss } from '../connection';
import type { Feed } from './feed';
import type { Link } from './link';
import type { Outlet } from './outlet';
import { readAccounts, readSnapshot, type ReconcileDeps } from './reconcile';
import type { SerialQueue } from '../serial-queue';

export type ResyncDeps = {
  reads: ReconcileDeps;
  selection: AccountSelection;
  outlet: Outlet;
  queue: SerialQueue;
  clock: Clock;
  logger: Logger;
  timing: { tradeLookbackMs: number; resyncDelayMs: number };
  feed: Pick<Feed, 'noteInstrument' | 'snapshotApplied'>;
  /** The link up now, if any. */
  link(): Link | null;
  lose(loss: Loss): void;
};

export type Resync = {
  /** Reconciles in the feed's queue: null when done, or why not. */
  reconcile(): Promise<string | null>;
  /** Asks for a reconcile shortly, while a link is up; asks that come meanwhile share it. */
  request(reason: string): void;
  /** Drops a reconcile asked for and not yet begun (the link it was for is gone). */
  cancel(): void;
  /** Quotes for the contracts that value something: held, or with working orders. */
  syncQuotes(): void;
};

export function createResync(deps: ResyncDeps): Resync {
  const { clock } = deps;
  let pending: (() => void) | undefined;

  const syncQuotes = (): void => {
    deps.link()?.syncQuotes(quotedContracts(deps.reads.book));
  };

  const reconcileNow = async (): Promise<string | null> => {
    // Balances are read again too: the snapshot's account reports must be as new as its fills.
    const read = await readAccounts(deps.reads);
    if (!read.ok) return read.error;
    const accounts = read.value.filter((account) => deps.selection.isGuarded(account.id));
    const since = (deps.outlet.lastTradeAt() ?? clock.now() - deps.timing.tradeLookbackMs) - 1000;
    const snapshot = await readSnapshot(
      deps.reads,
      accounts,
      since,
      () => clock.now(),
      () => deps.outlet.held(),
    );
    if (!snapshot.ok) return snapshot.error;
    deps.feed.snapshotApplied();
    for (const event of snapshot.value) {
      if (event.type === 'instrument') deps.feed.noteInstrument(event.symbol);
      deps.outlet.send(event);
    }
    syncQuotes();
    return null;
  };

  const reconcile = async (): Promise<string | null> => {
    let error: string | null = 'not run';
    await deps.queue.run(async () => {
      error = await reconcileNow();
    });
    return error;
  };

  return {
    reconcile,
    request(reason) {
      if (pending !== undefined || deps.link() === null) return;
      deps.logger.info('resync from REST requested', { reason });
      pending = clock.setTimeout(() => {
        pending = undefined;
        void reconcile().then((error) => {
          if (error !== null) deps.lose({ reason: `resync failed: ${error}`, planned: false });
        });
      }, deps.timing.resyncDelayMs);
    },
    cancel() {
      pending?.();
      pending = undefined;
    },
    syncQuotes,
  };
}

/** The contracts of open positions and working orders. */
function quotedContracts(book: Book): Set<string> {
  const wanted = new Set<string>();
  for (const p of book.positions.values()) if (p.contractId != null) wanted.add(p.contractId);
  for (const o of book.orders.values()) if (o.contractId != null) wanted.add(o.contractId);
  return wanted;
}
