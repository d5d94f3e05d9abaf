// A migration is one transaction: a process SIGKILLed in the middle of one leaves the database exactly at the
// previous schema with its rows, and the next start migrates it fully.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../../main/platform/logger';
import { openStore } from '../../main/store';
import { migrate, schemaVersion } from '../../main/store/migrate';
import { migrations } from '../../main/store/migrations';
import { describeSchema } from '../unit/store/schema';

function run(script: string, env: Record<string, string>): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      env: { ...process.env, ...env },
      stdio: 'ignore',
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve(signal));
  });
}

describe('a kill during a migration', () => {
  it('leaves schema 2 and its rows untouched; the next open migrates to the latest', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'warden-migrate-kill-')), 'warden.db');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    migrate(db, migrations, { file, logger: memoryLogger(), target: 2 });
    db.prepare("INSERT INTO journal (t, type, account, body) VALUES (1, 'clock', NULL, '{}')").run();
    const schemaBefore = describeSchema(db);
    db.close();

    const signal = await run(join(import.meta.dirname, '..', 'recovery', 'migrate-child.ts'), {
      RECOVERY_DB: file,
    });
    expect(signal).toBe('SIGKILL');

    const after = new Database(file, { readonly: true });
    expect(schemaVersion(after)).toBe(2);
    expect(describeSchema(after)).toEqual(schemaBefore);
    expect(after.prepare('SELECT count(*) FROM journal').pluck().get()).toBe(1);
    after.close();

    const store = openStore(file, { logger: memoryLogger() });
    expect(store.journal.count()).toBe(1);
    expect(store.history.samples('A1', 0, 10)).toEqual([]);
    store.close();
    const reopened = new Database(file, { readonly: true });
    expect(schemaVersion(reopened)).toBe(5);
    reopened.close();
  });
});
