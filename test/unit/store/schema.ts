// Test helper: a plain description of a database's schema (tables, columns, STRICT, indexes) to compare
// before and after a migration, and a way to step a raw database to a given schema version.
import type Database from 'better-sqlite3';
import { memoryLogger } from '../../../main/platform/logger';
import { migrate } from '../../../main/store/migrate';
import { migrations } from '../../../main/store/migrations';

export type TableShape = { strict: boolean; columns: string[]; indexes: string[] };

type TableListRow = { name: string; strict: number };
type ColumnRow = { name: string; type: string; notnull: number; pk: number };
type IndexRow = { name: string };

export function describeSchema(db: Database.Database): Record<string, TableShape> {
  const tables = db
    .prepare<[], TableListRow>(
      "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all();
  return Object.fromEntries(tables.map((table) => [table.name, shapeOf(db, table)]));
}

function shapeOf(db: Database.Database, table: TableListRow): TableShape {
  const columns = db
    .prepare<[string], ColumnRow>('SELECT name, type, "notnull", pk FROM pragma_table_info(?)')
    .all(table.name);
  const indexes = db
    .prepare<[string], IndexRow>("SELECT name FROM pragma_index_list(?) WHERE origin = 'c' ORDER BY name")
    .all(table.name);
  return {
    strict: table.strict === 1,
    columns: columns.map(
      (c) => `${c.name} ${c.type}${c.notnull === 1 ? ' NOT NULL' : ''}${c.pk > 0 ? ' PK' : ''}`,
    ),
    indexes: indexes.map((index) => index.name),
  };
}

/** Migrates a raw connection to exactly `version` with the app's own migrations. */
export function migrateTo(db: Database.Database, version: number): void {
  migrate(db, migrations, { file: db.name, logger: memoryLogger(), target: version });
}
