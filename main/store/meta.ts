// Small named values the app keeps between runs (for example when the store was created), as text.
import type Database from 'better-sqlite3';

export type Meta = {
  get(key: string): string | null;
  set(key: string, value: string): void;
};

export function createMeta(db: Database.Database): Meta {
  const read = db.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck();
  const write = db.prepare<[string, string]>(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  return {
    get: (key) => read.get(key) ?? null,
    set: (key, value) => {
      write.run(key, value);
    },
  };
}
