// Puts the write-ahead log on the disk off the event loop. Commits run with synchronous=NORMAL: in WAL mode a
// committed transaction is safe from a crash of the app at once, and only a power cut or an OS crash can lose what
// the disk has not been given yet. This flushes the log from libuv's thread pool every second, so such a cut loses
// at most the last second; SQLite itself syncs the log and the file at each checkpoint.
import { close, fsync, openSync } from 'node:fs';
import type { Logger } from '../platform/logger';

/** How often the log goes to the disk: the most a power cut can take (docs/ARCHITECTURE.md, "Durability"). */
export const DISK_SYNC_MS = 1000;

export type DiskSync = {
  /** Flushes the log now; resolves once the disk has it (or at once when another flush is on its way). */
  flush(): Promise<void>;
  /** No more flushes; the log's handle closes once a flush on its way has ended. */
  stop(): void;
};

export function startDiskSync(file: string, logger: Logger, everyMs = DISK_SYNC_MS): DiskSync {
  const wal = `${file}-wal`;
  let fd: number | null = null;
  let flushing: Promise<void> | null = null;
  let stopped = false;
  let told = false;

  const closeLog = (): void => {
    if (fd === null) return;
    close(fd, () => undefined);
    fd = null;
  };
  const open = (): number | null => {
    try {
      // Read-write without truncating: Windows flushes only a handle that may write. Nothing is written through it.
      fd ??= openSync(wal, 'r+');
    } catch (error) {
      // No log yet (nothing written since it was last checkpointed away): nothing to flush.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && !told) {
        told = true;
        logger.warn('cannot open the write-ahead log to flush it', {
          file: wal,
          reason: (error as Error).message,
        });
      }
    }
    return fd;
  };
  const flush = (): Promise<void> => {
    if (flushing !== null) return flushing;
    const handle = stopped ? null : open();
    if (handle === null) return Promise.resolve();
    flushing = new Promise<void>((resolve) => {
      fsync(handle, (error) => {
        flushing = null;
        if (error !== null && !told) {
          told = true;
          logger.warn('flushing the write-ahead log failed', { file: wal, reason: error.message });
        }
        if (stopped) closeLog();
        resolve();
      });
    });
    return flushing;
  };
  const timer = setInterval(() => void flush(), everyMs);
  timer.unref();
  return {
    flush,
    stop(): void {
      stopped = true;
      clearInterval(timer);
      if (flushing === null) closeLog();
    },
  };
}
