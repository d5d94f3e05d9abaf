// Killed during a migration: opens RECOVERY_DB (schema 2) and applies migration 3, SIGKILLing itself after the
// migration's statements ran and before its transaction could commit.
import Database from 'better-sqlite3';
import { memoryLogger } from '../../main/platform/logger';
import { migrate, type Migration } from '../../main/store/migrate';
import { migrations } from '../../main/store/migrations';

const db = new Database(process.env.RECOVERY_DB ?? '');
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
const killed: Migration[] = migrations.map((migration) =>
  migration.version !== 3
    ? migration
    : {
        ...migration,
        up(raw) {
          migration.up(raw);
          raw.prepare("INSERT INTO equity_samples VALUES ('A1', 1, '1', '1', '0', '0', 0)").run();
          process.kill(process.pid, 'SIGKILL');
        },
      },
);
migrate(db, killed, { file: db.name, logger: memoryLogger() });
