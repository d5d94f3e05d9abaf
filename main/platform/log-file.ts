// The log file, rotated by size: when the next line would take warden.log past the limit, warden.log.4 becomes
// warden.log.5 (the oldest, .5, is deleted), ... warden.log becomes warden.log.1, and a new warden.log starts. The
// size is counted from the bytes written (one stat when the file is first written), not asked of the disk per line.
// Rotation is by this process's count: the desktop app runs one instance per user (single-instance lock).
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** 5 MiB per file. */
export const LOG_MAX_BYTES = 5 * 1024 * 1024;
/** Rotated files kept beside the current one: warden.log.1 (newest) to warden.log.5 (oldest). */
export const LOG_KEEP = 5;

/** The desktop app's log folder, `<data dir>/logs` (the tray's "Open logs folder"). */
export function logDir(dataDir: string): string {
  return join(dataDir, 'logs');
}

/** The desktop app's current log file, `<data dir>/logs/warden.log`. */
export function logFilePath(dataDir: string): string {
  return join(logDir(dataDir), 'warden.log');
}

export type LogFileOptions = { path: string; maxBytes?: number; keep?: number };

export type LogFile = {
  /** Appends the text (whole lines), rotating first when it would take the file past the limit. Never throws. */
  write(text: string): void;
};

export function rotatingLogFile(options: LogFileOptions): LogFile {
  const maxBytes = options.maxBytes ?? LOG_MAX_BYTES;
  const keep = options.keep ?? LOG_KEEP;
  let size: number | null = null;
  return {
    write(text) {
      const bytes = Buffer.byteLength(text);
      try {
        size ??= opened(options.path);
        if (size > 0 && size + bytes > maxBytes) size = rotated(options.path, keep, size);
        appendFileSync(options.path, text);
        size += bytes;
      } catch {
        // A full disk or a removed folder must not stop the guard (stderr still has the line); ask the disk again
        // next time.
        size = null;
      }
    },
  };
}

/** The file's size, its folder made first when missing (the first line, or the first after a failed write). */
function opened(path: string): number {
  mkdirSync(dirname(path), { recursive: true });
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** The size after trying to rotate: 0, or the old size when rotating failed (a file held open by another program):
 * the line then goes to the current file and the next line tries again. */
function rotated(path: string, keep: number, size: number): number {
  try {
    rotate(path, keep);
    return 0;
  } catch {
    return size;
  }
}

/** path.{keep} is dropped, path.{n} becomes path.{n+1}, path becomes path.1. */
function rotate(path: string, keep: number): void {
  if (keep < 1) {
    rmSync(path, { force: true });
    return;
  }
  rmSync(`${path}.${keep}`, { force: true });
  for (let n = keep - 1; n >= 1; n -= 1) {
    try {
      renameSync(`${path}.${n}`, `${path}.${n + 1}`);
    } catch {
      // Not there yet (fewer rotations so far).
    }
  }
  renameSync(path, `${path}.1`);
}
