// Whether the desktop can show a tray icon at all. Windows and macOS always can; on Linux Electron's tray is a
// StatusNotifierItem, shown only when a StatusNotifier host runs (KDE Plasma, most panels; on GNOME only with the
// AppIndicator extension). Without one the icon is invisible, so hiding the window to the tray would lose it.
import { execFile as nodeExecFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { HostNotice } from '../../shared/ipc';
import type { Logger } from '../platform/logger';

export type TrayHost = 'present' | 'absent' | 'unknown';

/** Runs a program and resolves with its output; rejects like node's execFile (code 'ENOENT', killed on timeout). */
export type ExecFile = (
  file: string,
  args: readonly string[],
  options: { timeout: number },
) => Promise<{ stdout: string }>;

export type TrayHostDeps = {
  platform: NodeJS.Platform;
  logger: Logger;
  /** Defaults to node's execFile. */
  execFile?: ExecFile;
  /** How long the session bus may take to answer; default 2 s. */
  timeoutMs?: number;
};

export const TRAY_WATCHER = 'org.kde.StatusNotifierWatcher';

/** The session bus's answer to "does the StatusNotifier watcher have an owner?", with gdbus (part of GLib). */
export const nameHasOwnerCommand = [
  'gdbus',
  [
    'call',
    '--session',
    '--dest',
    'org.freedesktop.DBus',
    '--object-path',
    '/org/freedesktop/DBus',
    '--method',
    'org.freedesktop.DBus.NameHasOwner',
    TRAY_WATCHER,
  ],
] as const;

/**
 * 'present' on Windows and macOS, and on Linux when the watcher has an owner ("(true,)"); 'absent' when the bus
 * says it has none ("(false,)"); 'unknown' when it cannot be asked (no gdbus, no session bus, no answer in time):
 * treat 'unknown' as present, which the log says.
 */
export async function detectTrayHost(deps: TrayHostDeps): Promise<TrayHost> {
  if (deps.platform !== 'linux') return 'present';
  const execFile = deps.execFile ?? defaultExecFile;
  const timeout = deps.timeoutMs ?? 2000;
  const [file, args] = nameHasOwnerCommand;
  let stdout: string;
  try {
    ({ stdout } = await execFile(file, args, { timeout }));
  } catch (error) {
    deps.logger.warn('cannot tell whether a system tray is shown; assuming it is', {
      reason: whyNot(error, timeout),
    });
    return 'unknown';
  }
  const answer = stdout.trim();
  if (answer === '(true,)') return 'present';
  if (answer === '(false,)') {
    deps.logger.warn('no system tray: nothing owns the StatusNotifier watcher on the session bus', {
      name: TRAY_WATCHER,
    });
    return 'absent';
  }
  deps.logger.warn('cannot tell whether a system tray is shown; assuming it is', {
    reason: `unexpected answer from gdbus: ${answer}`,
  });
  return 'unknown';
}

/** The notice to raise when there is no tray host (the window then stays in the task bar when minimised). */
export function noTrayNotice(): HostNotice {
  return {
    id: 'tray',
    level: 'warning',
    title: 'No system tray on this desktop',
    message:
      "Warden's tray icon cannot be shown here, so minimising keeps the window in the task bar instead of hiding it.",
    fix: "Install/enable an AppIndicator/StatusNotifier extension, e.g. GNOME's AppIndicator extension (gnome-shell-extension-appindicator), then restart Warden.",
  };
}

function whyNot(error: unknown, timeout: number): string {
  const failure = (error ?? {}) as { code?: unknown; killed?: unknown; signal?: unknown; message?: unknown };
  if (failure.code === 'ENOENT') return 'gdbus is not installed';
  if (failure.killed === true || failure.code === 'ETIMEDOUT')
    return `the session bus did not answer within ${timeout} ms`;
  return typeof failure.message === 'string' ? failure.message.trim() : String(error);
}

const execFileAsync = promisify(nodeExecFile);

async function defaultExecFile(
  file: string,
  args: readonly string[],
  options: { timeout: number },
): Promise<{ stdout: string }> {
  const { stdout } = await execFileAsync(file, args, { timeout: options.timeout, encoding: 'utf8' });
  return { stdout };
}
