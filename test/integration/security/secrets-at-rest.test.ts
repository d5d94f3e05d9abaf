// docs/SECURITY.md, "Secrets at rest", for `warden serve`: a broker login and the remote alerts' secrets are kept
// as JSON in files only their owner may read (0600), written through a fresh temp file, so a leftover temp file
// (or a link planted in its place) never receives them; the config is 0600 from its first write, and the data folder
// (journal, log, the simulator's book) 0700.
// (The desktop's encrypted store: test/unit/desktop/security-secrets-at-rest.test.ts.)
import {
  chmodSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureConfigFile } from '../../../main/platform/config-file';
import { credentialsFile, fileSecretStore } from '../../../main/platform/secrets';
import { startCore } from '../../../main/core/start';
import { memoryLogger } from '../../../main/platform/logger';
import { ensurePrivateDataDir } from '../../../main/platform/paths';

const dir = () => mkdtempSync(join(tmpdir(), 'warden-at-rest-'));
const mode = (file: string) => statSync(file).mode & 0o777;
const NOTIFY = { broker: 'notify', telegramToken: '7000:AA-SECRET', webhookSecret: 'whsec-SECRET' } as const;

describe("serve's secret files", () => {
  it.each([
    ['a ProjectX login', { userName: 'trader', apiKey: 'px-SECRET' }, 'projectx'],
    [
      'a Tradovate login',
      {
        broker: 'tradovate',
        userName: 'trader',
        password: 'tv-SECRET',
        appId: 'Warden',
        appVersion: '1.0',
        cid: 8123,
        secret: 'tv-sec-SECRET',
        environment: 'demo',
      },
      'tradovate',
    ],
    ['the remote alerts’ secrets', NOTIFY, 'notify'],
  ] as const)('keep %s in a 0600 file of its own, and read it back', async (_what, secrets, owner) => {
    const dataDir = dir();
    const store = fileSecretStore(dataDir);
    await store.write(secrets);
    const file = credentialsFile(dataDir, owner);
    expect(mode(file)).toBe(0o600);
    expect(existsSync(`${file}.tmp`)).toBe(false);
    expect(await store.read(owner)).toEqual(secrets);
  });

  it('never write into a leftover temp file: one that is also another name (a hard link) keeps what it had', async () => {
    const dataDir = dir();
    const file = credentialsFile(dataDir, 'notify');
    const otherName = join(dataDir, 'readable-by-all.txt');
    writeFileSync(otherName, 'left over', { mode: 0o644 });
    linkSync(otherName, `${file}.tmp`);
    await fileSecretStore(dataDir).write(NOTIFY);
    expect(readFileSync(otherName, 'utf8')).toBe('left over');
    expect(mode(otherName)).toBe(0o644);
    expect(mode(file)).toBe(0o600);
    expect(existsSync(`${file}.tmp`)).toBe(false);
  });

  it('never write through a link planted as the temp file: its target is untouched, the file is a real one', async () => {
    const dataDir = dir();
    const elsewhere = join(dir(), 'collected.txt');
    writeFileSync(elsewhere, 'untouched', { mode: 0o644 });
    const file = credentialsFile(dataDir, 'notify');
    symlinkSync(elsewhere, `${file}.tmp`);
    await fileSecretStore(dataDir).write(NOTIFY);
    expect(readFileSync(elsewhere, 'utf8')).toBe('untouched');
    expect(mode(elsewhere)).toBe(0o644);
    expect(lstatSync(file).isSymbolicLink()).toBe(false);
    expect(mode(file)).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(NOTIFY);
  });

  it('write the config file 0600 from its first start (it names the webhook and ntfy URLs)', () => {
    const file = join(dir(), 'config.yaml');
    ensureConfigFile(file);
    expect(mode(file)).toBe(0o600);
  });

  it('keep the data folder to its owner (0700): a new one, and one found open to others', async () => {
    const fresh = join(dir(), 'data');
    const core = await startCore({
      dataDir: fresh,
      broker: 'sim',
      demo: false,
      logger: memoryLogger(),
      newsUrl: null,
    });
    await core.stop();
    expect(mode(fresh)).toBe(0o700);
    const open = dir();
    chmodSync(open, 0o755);
    ensurePrivateDataDir(open);
    expect(mode(open)).toBe(0o700);
  });
});
