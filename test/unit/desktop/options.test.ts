// The desktop's core options come from the environment and arguments of docs/API.md section 2.
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../../../main/platform/logger';
import { desktopCoreOptions, desktopDataDir } from '../../../main/desktop/options';

const logger = memoryLogger();
const argv = ['/usr/bin/electron', '/opt/warden'];

describe('desktopDataDir', () => {
  it.each([
    [{}, '/home/ann/.config/Warden'],
    [{ WARDEN_DATA_DIR: '/data/warden' }, '/data/warden'],
    [{ WARDEN_DATA_DIR: ' ' }, '/home/ann/.config/Warden'],
  ])('%j → %s', (env, expected) => {
    expect(desktopDataDir(env, '/home/ann/.config/Warden')).toBe(expected);
  });
});

describe('desktopCoreOptions', () => {
  it('defaults to the simulated broker without demo trading', () => {
    expect(desktopCoreOptions({ env: {}, argv, dataDir: '/d', logger })).toEqual({
      dataDir: '/d',
      broker: 'sim',
      demo: false,
      logger,
    });
  });

  it('reads the broker, config file, SQLite binding and --demo', () => {
    const env = {
      WARDEN_BROKER: 'projectx',
      WARDEN_CONFIG: '/etc/warden/rules.yaml',
      WARDEN_SQLITE_BINDING: '/opt/warden/.electron-native/better_sqlite3.node',
    };
    expect(desktopCoreOptions({ env, argv: [...argv, '--demo'], dataDir: '/d', logger })).toEqual({
      dataDir: '/d',
      broker: 'projectx',
      demo: true,
      logger,
      configPath: '/etc/warden/rules.yaml',
      sqliteBinding: '/opt/warden/.electron-native/better_sqlite3.node',
    });
  });

  it('refuses an unknown broker, naming the variable and the value', () => {
    expect(() => desktopCoreOptions({ env: { WARDEN_BROKER: 'ibkr' }, argv, dataDir: '/d', logger })).toThrow(
      'WARDEN_BROKER must be one of sim, projectx, tradovate; got "ibkr"',
    );
  });
});
