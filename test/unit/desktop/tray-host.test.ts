// Whether a tray icon can be shown: always on Windows and macOS; on Linux the session bus is asked (with a fake
// gdbus here) whether a StatusNotifier watcher runs.
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../../../main/platform/logger';
import { detectTrayHost, noTrayNotice, type ExecFile } from '../../../main/desktop/tray-host';

type Call = { file: string; args: readonly string[]; timeout: number };

function fakeExecFile(answer: () => Promise<{ stdout: string }>): { execFile: ExecFile; calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    execFile: (file, args, options) => {
      calls.push({ file, args, timeout: options.timeout });
      return answer();
    },
  };
}

const failure = (message: string, fields: Record<string, unknown>) =>
  Object.assign(new Error(message), fields);

const GDBUS_ARGS = [
  'call',
  '--session',
  '--dest',
  'org.freedesktop.DBus',
  '--object-path',
  '/org/freedesktop/DBus',
  '--method',
  'org.freedesktop.DBus.NameHasOwner',
  'org.kde.StatusNotifierWatcher',
];

describe('detectTrayHost', () => {
  it.each(['win32', 'darwin'] as const)('is present on %s without asking anything', async (platform) => {
    const { execFile, calls } = fakeExecFile(() => Promise.resolve({ stdout: '(false,)\n' }));
    expect(await detectTrayHost({ platform, logger: memoryLogger(), execFile })).toBe('present');
    expect(calls).toEqual([]);
  });

  it('on Linux asks the session bus whether the StatusNotifier watcher has an owner: (true,) → present', async () => {
    const { execFile, calls } = fakeExecFile(() => Promise.resolve({ stdout: '(true,)\n' }));
    const logger = memoryLogger();
    expect(await detectTrayHost({ platform: 'linux', logger, execFile })).toBe('present');
    expect(calls).toEqual([{ file: 'gdbus', args: GDBUS_ARGS, timeout: 2000 }]);
    expect(logger.lines).toEqual([]);
  });

  it('(false,) → absent, and the log says why', async () => {
    const { execFile } = fakeExecFile(() => Promise.resolve({ stdout: '(false,)\n' }));
    const logger = memoryLogger();
    expect(await detectTrayHost({ platform: 'linux', logger, execFile, timeoutMs: 500 })).toBe('absent');
    expect(logger.lines).toEqual([
      {
        level: 'warn',
        message: 'no system tray: nothing owns the StatusNotifier watcher on the session bus',
        context: { name: 'org.kde.StatusNotifierWatcher' },
      },
    ]);
  });

  it.each([
    [
      'gdbus missing',
      failure('spawn gdbus ENOENT', { code: 'ENOENT', errno: -2, path: 'gdbus' }),
      'gdbus is not installed',
    ],
    [
      'no answer in time',
      failure('Command failed: gdbus call', { killed: true, signal: 'SIGTERM', code: null }),
      'the session bus did not answer within 2000 ms',
    ],
    [
      'no session bus',
      failure('Error: Cannot autolaunch D-Bus without X11 $DISPLAY\n', { code: 1, killed: false }),
      'Error: Cannot autolaunch D-Bus without X11 $DISPLAY',
    ],
  ])('%s → unknown (treated as present), and the log says so', async (_name, error, reason) => {
    const { execFile } = fakeExecFile(() => Promise.reject(error));
    const logger = memoryLogger();
    expect(await detectTrayHost({ platform: 'linux', logger, execFile })).toBe('unknown');
    expect(logger.lines).toEqual([
      {
        level: 'warn',
        message: 'cannot tell whether a system tray is shown; assuming it is',
        context: { reason },
      },
    ]);
  });

  it('an answer it does not understand → unknown', async () => {
    const { execFile } = fakeExecFile(() => Promise.resolve({ stdout: 'garbage\n' }));
    const logger = memoryLogger();
    expect(await detectTrayHost({ platform: 'linux', logger, execFile })).toBe('unknown');
    expect(logger.lines.map((line) => line.context)).toEqual([
      { reason: 'unexpected answer from gdbus: garbage' },
    ]);
  });

  it('runs a real program by default: a missing gdbus on PATH → unknown', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/warden-no-such-dir';
    try {
      const logger = memoryLogger();
      expect(await detectTrayHost({ platform: 'linux', logger })).toBe('unknown');
      expect(logger.lines.map((line) => line.context)).toEqual([{ reason: 'gdbus is not installed' }]);
    } finally {
      process.env.PATH = path;
    }
  });

  it('the notice says what is lost and how to get a tray', () => {
    expect(noTrayNotice()).toEqual({
      id: 'tray',
      level: 'warning',
      title: 'No system tray on this desktop',
      message:
        "Warden's tray icon cannot be shown here, so minimising keeps the window in the task bar instead of hiding it.",
      fix: "Install/enable an AppIndicator/StatusNotifier extension, e.g. GNOME's AppIndicator extension (gnome-shell-extension-appindicator), then restart Warden.",
    });
  });
});
