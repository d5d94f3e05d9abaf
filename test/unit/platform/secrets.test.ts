// Stored broker credentials: a 0600 file, read back as written; a broken file is refused without echoing it.
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { credentialsFile, readCredentials, writeCredentials } from '../../../main/platform/secrets';

const dir = () => mkdtempSync(join(tmpdir(), 'warden-secrets-'));

describe('stored credentials', () => {
  it('are written owner-only and read back', () => {
    const file = credentialsFile(dir());
    writeCredentials(file, { userName: 'trader', apiKey: 'k-123' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readCredentials(file)).toEqual({ userName: 'trader', apiKey: 'k-123' });
  });

  it('are null when there is no file', () => {
    expect(readCredentials(credentialsFile(dir()))).toBeNull();
  });

  it('refuse a broken file without repeating what it holds', () => {
    const file = credentialsFile(dir());
    writeFileSync(file, '{"userName": "trader", "apiKey": "secret-key-999", ');
    expect(() => readCredentials(file)).toThrow(`${file} is not valid JSON: fix or delete it`);
    writeFileSync(file, '{"userName": "trader", "key": "secret-key-999"}');
    expect(() => readCredentials(file)).toThrow(`${file} must hold {"userName": "...", "apiKey": "..."}`);
  });
});
