// Broker credentials kept for `warden serve`: a JSON file in the data dir that only the owner may read (0600),
// written atomically. Its content is never logged; the UI is never sent it.
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export type StoredCredentials = { userName: string; apiKey: string };

const schema = z.object({ userName: z.string().min(1), apiKey: z.string().min(1) });

export const credentialsFile = (dataDir: string) => join(dataDir, 'projectx-credentials.json');

/** The stored credentials, or null when there are none; a file that cannot be read says why (not what it holds). */
export function readCredentials(file: string): StoredCredentials | null {
  if (!existsSync(file)) return null;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new Error(`${file} is not valid JSON: fix or delete it`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new Error(`${file} must hold {"userName": "...", "apiKey": "..."}`);
  return parsed.data;
}

export function writeCredentials(file: string, credentials: StoredCredentials): void {
  const temp = `${file}.tmp`;
  writeFileSync(temp, `${JSON.stringify(schema.parse(credentials))}\n`, { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, file);
}
