// Schema migrations: numbered steps applied in order, each in its own transaction, tracked by PRAGMA user_version.
// A database written by a newer Warden (a higher version than this code knows) is refused and never touched.
import type Database from 'better-sqlite3';
import type { Logger } from '../platform/logger';

export type Migration = {
  version: number;
  name: string;
  up(db: Database.Database): void;
};

/** The database's schema is newer than this code: opening it could lose data the newer version relies on. */
export class NewerSchemaError extends Error {
  constructor(file: string, found: number, known: number) {
    super(
      `database ${file} was written by a newer Warden (schema ${found}, this version knows ${known}); ` +
        'update Warden or move the file',
    );
    this.name = 'NewerSchemaError';
  }
}

export function schemaVersion(db: Database.Database): number {
  const version = db.pragma('user_version', { simple: true });
  if (typeof version !== 'number') throw new Error(`PRAGMA user_version returned ${String(version)}`);
  return version;
}

/** The last version of a list, after checking it runs 1, 2, 3, ... with no gap or repeat. */
export function latestVersion(migrations: readonly Migration[]): number {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migration ${migration.name} has version ${migration.version}, expected ${index + 1}`);
    }
  });
  return migrations.length;
}

export function assertNotNewer(file: string, found: number, migrations: readonly Migration[]): void {
  const known = latestVersion(migrations);
  if (found > known) throw new NewerSchemaError(file, found, known);
}

export type MigrateOptions = {
  file: string;
  logger: Logger;
  /** Stop at this version instead of the latest (tests migrate to N−1, seed, then to N). */
  target?: number;
};

/** Brings the schema up to `target` (default: the latest); returns the version it ends at. */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[],
  options: MigrateOptions,
): number {
  const current = schemaVersion(db);
  assertNotNewer(options.file, current, migrations);
  const target = options.target ?? latestVersion(migrations);
  for (const migration of migrations) {
    if (migration.version <= current || migration.version > target) continue;
    applyOne(db, migration, options.file);
    options.logger.info('applied schema migration', {
      file: options.file,
      version: migration.version,
      name: migration.name,
    });
  }
  return schemaVersion(db);
}

function applyOne(db: Database.Database, migration: Migration, file: string): void {
  // user_version lives in the database header, so it commits or rolls back with the migration's own changes.
  const step = db.transaction(() => {
    migration.up(db);
    db.pragma(`user_version = ${migration.version}`);
  });
  try {
    step.immediate();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`migration ${migration.version} (${migration.name}) failed on ${file}: ${reason}`, {
      cause: error,
    });
  }
}
