// The desktop log rotates by size in a real folder: warden.log -> warden.log.1 -> ... -> dropped after `keep`.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  LOG_KEEP,
  LOG_MAX_BYTES,
  logDir,
  logFilePath,
  rotatingLogFile,
} from '../../../main/platform/log-file';
import { createLogger } from '../../../main/platform/logger';

let dir: string;
let path: string;

/** Every file in the folder with its contents, by name. */
function files(folder = dir): Record<string, string> {
  return Object.fromEntries(
    readdirSync(folder)
      .sort()
      .map((name) => [name, readFileSync(join(folder, name), 'utf8')]),
  );
}

describe('the rotating log file', () => {
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'warden-logs-'));
    path = join(dir, 'warden.log');
  });

  it('lives in <data dir>/logs/warden.log, 5 MiB per file, five older files kept', () => {
    expect(logDir(join('/data', 'Warden'))).toBe(join('/data', 'Warden', 'logs'));
    expect(logFilePath(join('/data', 'Warden'))).toBe(join('/data', 'Warden', 'logs', 'warden.log'));
    expect(LOG_MAX_BYTES).toBe(5_242_880);
    expect(LOG_KEEP).toBe(5);
  });

  it('moves warden.log to .1, .1 to .2, and drops what would go past `keep`', () => {
    const log = rotatingLogFile({ path, maxBytes: 20, keep: 2 });
    for (const letter of 'abcdefg') log.write(`${letter.repeat(9)}\n`);
    expect(files()).toEqual({
      'warden.log': 'ggggggggg\n',
      'warden.log.1': 'eeeeeeeee\nfffffffff\n',
      'warden.log.2': 'ccccccccc\nddddddddd\n',
    });
  });

  it('fills a file exactly to the limit before rotating', () => {
    const log = rotatingLogFile({ path, maxBytes: 20, keep: 5 });
    log.write('aaaaaaaaa\n');
    log.write('bbbbbbbbb\n');
    expect(files()).toEqual({ 'warden.log': 'aaaaaaaaa\nbbbbbbbbb\n' });
    log.write('c\n');
    expect(files()).toEqual({ 'warden.log': 'c\n', 'warden.log.1': 'aaaaaaaaa\nbbbbbbbbb\n' });
  });

  it('counts bytes, not characters', () => {
    const log = rotatingLogFile({ path, maxBytes: 10, keep: 1 });
    log.write('éééé\n'); // 9 bytes
    log.write('x\n'); // 11 > 10
    expect(files()).toEqual({ 'warden.log': 'x\n', 'warden.log.1': 'éééé\n' });
  });

  it('starts from the size already on disk', () => {
    writeFileSync(path, 'from the last run\n');
    const log = rotatingLogFile({ path, maxBytes: 20, keep: 5 });
    log.write('new run\n');
    expect(files()).toEqual({ 'warden.log': 'new run\n', 'warden.log.1': 'from the last run\n' });
  });

  it('writes a line longer than the limit whole, into a file of its own', () => {
    const log = rotatingLogFile({ path, maxBytes: 5, keep: 5 });
    log.write('a long line\n');
    log.write('b\n');
    expect(files()).toEqual({ 'warden.log': 'b\n', 'warden.log.1': 'a long line\n' });
  });

  it('makes the logs folder when it is missing', () => {
    const nested = join(dir, 'data', 'logs');
    rotatingLogFile({ path: join(nested, 'warden.log') }).write('hello\n');
    expect(files(nested)).toEqual({ 'warden.log': 'hello\n' });
  });

  it('never throws when the file cannot be written', () => {
    writeFileSync(join(dir, 'not-a-folder'), '');
    const log = rotatingLogFile({ path: join(dir, 'not-a-folder', 'warden.log'), maxBytes: 20, keep: 5 });
    expect(() => {
      log.write('lost\n');
    }).not.toThrow();
    expect(files()).toEqual({ 'not-a-folder': '' });
  });
});

describe('the file logger', () => {
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'warden-logs-'));
    path = join(dir, 'warden.log');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-02T03:04:05.000Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('rotates on the bytes its children write too (one count per file)', async () => {
    const time = '"time":"2026-01-02T03:04:05.000Z"';
    const one = `{${time},"level":"info","message":"one"}\n`;
    const two = `{${time},"level":"warn","scope":"tray","message":"two","n":2}\n`;
    const three = `{${time},"level":"error","message":"three"}\n`;
    const four = `{${time},"level":"info","message":"four"}\n`;
    const logger = createLogger({
      file: path,
      console: false,
      maxFileBytes: Buffer.byteLength(one + two),
      keepFiles: 1,
    });
    logger.info('one');
    logger.child('tray').warn('two', { n: 2 });
    logger.error('three');
    logger.info('four');
    logger.debug('below the level: not written');
    // Written when the turn ends (logger.ts); an immediate queued now runs after the logger's.
    await new Promise(setImmediate);
    expect(files()).toEqual({ 'warden.log': three + four, 'warden.log.1': one + two });
  });
});
