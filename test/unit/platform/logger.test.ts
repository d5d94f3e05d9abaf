// Log lines are made when logged and written when the turn ends: nothing reaches stderr or the file inside the
// turn that logged it (a breach's command goes out first), everything does after it, in order, and lines still
// held when the process exits are written on the way out.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger, writeHeldLogLines } from '../../../main/platform/logger';

afterEach(() => {
  vi.restoreAllMocks();
});

const messages = (text: string) =>
  text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => (JSON.parse(line) as { message: string }).message);

describe('when log lines are written', () => {
  it('holds the lines of a turn and writes them, in order, when it ends', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'warden-logger-')), 'warden.log');
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const logger = createLogger({ file });
    logger.info('alert');
    logger.child('projectx').info('command');
    expect([written, existsSync(file)]).toEqual([[], false]);
    await new Promise(setImmediate);
    expect(written.length).toBe(1);
    expect(messages(written.join(''))).toEqual(['alert', 'command']);
    expect(messages(readFileSync(file, 'utf8'))).toEqual(['alert', 'command']);
  });

  it('writes the held lines at once when asked (before a blocking error box)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'warden-logger-')), 'warden.log');
    const logger = createLogger({ file, console: false });
    logger.error('the desktop host did not start');
    writeHeldLogLines();
    expect(messages(readFileSync(file, 'utf8'))).toEqual(['the desktop host did not start']);
  });

  it('writes at once a turn that logs more than it holds', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'warden-logger-')), 'warden.log');
    const logger = createLogger({ file, console: false });
    for (let n = 1; n <= 256; n += 1) logger.info(`line ${n}`);
    expect(messages(readFileSync(file, 'utf8')).length).toBe(256);
  });

  it('writes the lines still held when the process exits', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'warden-logger-')), 'warden.log');
    const logger = new URL('../../../main/platform/logger.ts', import.meta.url).pathname;
    const script = `import { createLogger } from ${JSON.stringify(logger)};
const logger = createLogger({ file: ${JSON.stringify(file)}, console: false });
logger.error('going down');
process.exit(3);`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(child.status).toBe(3);
    expect(messages(readFileSync(file, 'utf8'))).toEqual(['going down']);
  });
});
