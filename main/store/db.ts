// Opens the Warden database: checks it (refusing a newer schema, moving a damaged file aside), sets the
// pragmas the journal's durability depends on, migrates it, and hands out one repository per table family.
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Clock } from '../platform/clock';
import { systemClock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { createAccountEvents, type AccountEvents } from './account-events';
import { createAlerts, type Alerts } from './alerts';
import { createHistory, type History } from './history';
import { createJournal, type Journal } from './journal';
import { createMeta, type Meta } from './meta';
import { assertNotNewer, migrate, schemaVersion } from './migrate';
import { migrations } from './migrations';
import { isDamageError, moveAside, quickCheck } from './recovery';
import { createResponses, type Responses } from './responses';
import { createRiskEvents, type RiskEvents } from './risk-events';
import { startCheckpoints, type CheckpointerState } from './checkpoints';
import { startDiskSync } from './disk-sync';
import { createSnapshots, type Snapshots } from './snapshots';

export type StoreOptions = {
  logger: Logger;
  /** Path of a better-sqlite3 addon built for the host's ABI (the Electron host's), instead of the default. */
  nativeBinding?: string;
  /** How many snapshots to keep (default 20). */
  snapshotsKept?: number;
  /** Days of journal and equity samples kept behind the snapshots (default 30; WARDEN_JOURNAL_RETENTION_DAYS). */
  retentionDays?: number;
  /** Names the moved-aside copy of a damaged file. */
  clock?: Pick<Clock, 'now'>;
  /**
   * Checkpoints on a worker thread instead of inside the commits (checkpoints.ts): what the core runs with. Off, one
   * store is one connection, as tests and tools that open a file briefly want.
   */
  checkpointsInWorker?: boolean;
};

export type Store = {
  readonly file: string;
  /** Where a damaged database found at open was moved; null when the file was fine (or new). */
  readonly recoveredFrom: string | null;
  readonly journal: Journal;
  /** One account's journaled events over a period, read in slices (the what-if, export-events). */
  readonly accountEvents: AccountEvents;
  readonly snapshots: Snapshots;
  readonly alerts: Alerts;
  readonly responses: Responses;
  readonly riskEvents: RiskEvents;
  readonly meta: Meta;
  readonly history: History;
  /** Who copies the write-ahead log into the file: the worker (once open) or the main connection. */
  checkpoints(): CheckpointerState;
  /**
   * Keeps the database small: compacts the journal behind the oldest kept snapshot (market data at once down to
   * its marks, the rest after the retention period) and drops equity samples past it. With `stepSeqs`, one step:
   * market data over at most that many seqs past where the last call stopped, at most that many old rows and
   * samples, and `more` says whether a next step has work.
   * Returns how many rows went.
   */
  compact(now: number, stepSeqs?: number): { journal: number; samples: number; more: boolean };
  /** Closes the database; later calls do nothing. */
  close(): void;
};

export const DEFAULT_RETENTION_DAYS = 30;

/** Lock waits longer than this fail instead of hanging the app (only a second process would hold a lock). */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (creating if needed) the database at `file`. Throws NewerSchemaError, without touching the file, when a
 * newer Warden wrote it. A file that is not a database or fails the integrity check is moved aside and replaced
 * by a fresh one (see `recoveredFrom`).
 */
export function openStore(file: string, options: StoreOptions): Store {
  const logger = options.logger.child('store');
  const recoveredFrom = setAsideIfDamaged(file, options, logger);
  const db = connect(file, options);
  try {
    configure(db, file, logger);
    migrate(db, migrations, { file, logger });
    return assemble(db, file, recoveredFrom, options, logger);
  } catch (error) {
    db.close();
    throw error;
  }
}

function connect(file: string, options: StoreOptions, readonly = false): Database.Database {
  return new Database(file, {
    readonly,
    timeout: BUSY_TIMEOUT_MS,
    ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
  });
}

/** Moves a damaged file aside (returning where to) so a fresh one takes its place; null when it is fine or new. */
function setAsideIfDamaged(file: string, options: StoreOptions, logger: Logger): string | null {
  const problem = existsSync(file) ? inspect(file, options) : null;
  if (problem === null) return null;
  const aside = moveAside(file, (options.clock ?? systemClock).now());
  logger.error('the database was damaged: moved it aside and started a fresh one', {
    file,
    movedTo: aside,
    reason: problem,
  });
  return aside;
}

/**
 * Throws for a newer schema; returns why the file is damaged, or null. Read-only, so nothing is written before the
 * file passes, and closing neither checkpoints a -wal into a damaged file nor deletes it (its data may matter).
 */
function inspect(file: string, options: StoreOptions): string | null {
  const db = connect(file, options, true);
  try {
    assertNotNewer(file, schemaVersion(db), migrations);
    return quickCheck(db);
  } catch (error) {
    if (isDamageError(error)) return error.message;
    throw error;
  } finally {
    db.close();
  }
}

function configure(db: Database.Database, file: string, logger: Logger): void {
  db.pragma('journal_mode = WAL');
  // NORMAL: a commit is safe from a crash of the app at once and waits for no disk flush, so nothing on the way to
  // a broker command waits for the disk; the log reaches the disk within a second (disk-sync.ts).
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // Read back, not echoed: SQLite can refuse WAL (some network file systems), and then commits are slower.
  const settings = {
    journalMode: db.pragma('journal_mode', { simple: true }),
    synchronous: db.pragma('synchronous', { simple: true }),
    foreignKeys: db.pragma('foreign_keys', { simple: true }),
    busyTimeoutMs: db.pragma('busy_timeout', { simple: true }),
  };
  if (settings.journalMode === 'wal') logger.info('opened the database', { file, ...settings });
  else logger.warn('opened the database, but it did not switch to WAL mode', { file, ...settings });
}

function assemble(
  db: Database.Database,
  file: string,
  recoveredFrom: string | null,
  options: StoreOptions,
  logger: Logger,
): Store {
  const journal = createJournal(db, logger.child('journal'));
  const snapshots = createSnapshots(db, options.snapshotsKept);
  const history = createHistory(db);
  const retentionMs = (options.retentionDays ?? DEFAULT_RETENTION_DAYS) * 86_400_000;
  // Market data up to here is down to its marks already; after a restart the first compaction redoes it (the marks
  // of marks are the same rows).
  let marketCompactedThrough = 0;
  const diskSync = startDiskSync(file, logger);
  const checkpointer =
    options.checkpointsInWorker === true
      ? startCheckpoints(db, file, {
          logger,
          ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
        })
      : null;
  return {
    file,
    recoveredFrom,
    journal,
    accountEvents: createAccountEvents(db),
    snapshots,
    history,
    checkpoints: () => checkpointer?.state() ?? 'main thread',
    compact: (now, stepSeqs) => {
      const before = now - retentionMs;
      const samples = history.pruneSamples(before, stepSeqs);
      const behindSeq = snapshots.oldestSeq();
      if (behindSeq === null) return { journal: 0, samples, more: samples === stepSeqs };
      const afterSeq = Math.min(marketCompactedThrough, behindSeq);
      const upToSeq = stepSeqs === undefined ? behindSeq : Math.min(behindSeq, afterSeq + stepSeqs);
      marketCompactedThrough = upToSeq;
      const oldLimit = stepSeqs === undefined ? {} : { oldLimit: stepSeqs };
      const done = journal.compact({ afterSeq, upToSeq, behindSeq, auditBefore: before, ...oldLimit });
      const more = upToSeq < behindSeq || done.old === stepSeqs || samples === stepSeqs;
      return { journal: done.market + done.old, samples, more };
    },
    alerts: createAlerts(db),
    responses: createResponses(db),
    riskEvents: createRiskEvents(db),
    meta: createMeta(db),
    close: () => {
      diskSync.stop();
      checkpointer?.stop();
      // The last connection to close checkpoints the log into the file, syncs both and removes the log.
      if (db.open) db.close();
    },
  };
}
