// Telling a damaged database file from other open failures, and moving a damaged one aside (never deleting it)
// so a fresh database can take its place and the old bytes stay available for recovery by hand.
import { existsSync, renameSync } from 'node:fs';
import Database from 'better-sqlite3';

/** What PRAGMA quick_check finds wrong (its first few findings), or null when the database passes it. */
export function quickCheck(db: Database.Database): string | null {
  const findings = db.prepare<[], string>('PRAGMA quick_check').pluck().all();
  if (findings.every((finding) => finding === 'ok')) return null;
  // One finding can hold many lines, after a "*** in database main ***" heading.
  const lines = findings.flatMap((finding) => finding.split('\n')).filter((line) => !line.startsWith('***'));
  return `quick_check found ${lines.length} problems, first: ${lines.slice(0, 5).join('; ')}`;
}

/** SQLite's own verdict that the bytes are wrong, as opposed to a missing folder, a lock or a permission. */
export function isDamageError(error: unknown): error is Error {
  if (!(error instanceof Database.SqliteError)) return false;
  return error.code === 'SQLITE_NOTADB' || error.code.startsWith('SQLITE_CORRUPT');
}

/** Renames `file` and its -wal/-shm to `<file>.corrupt-<time>` (+ -wal/-shm, so they still pair); returns it. */
export function moveAside(file: string, now: number): string {
  const aside = freeName(`${file}.corrupt-${new Date(now).toISOString().replace(/[:.]/g, '-')}`);
  // The main file moves last: a fresh database must never find the old one's -wal beside it.
  for (const suffix of ['-wal', '-shm', '']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  }
  return aside;
}

function freeName(base: string): string {
  let name = base;
  for (let n = 1; existsSync(name); n += 1) name = `${base}-${n}`;
  return name;
}
