// "Start at login" on every OS. macOS and Windows keep it in the OS (app.setLoginItemSettings); on Linux that call
// does nothing, so Warden writes (or removes) an XDG autostart entry, the file every desktop session reads at login:
// $XDG_CONFIG_HOME/autostart/warden.desktop (default ~/.config/autostart).
import { app } from 'electron';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import type { DesktopEnvironment } from './options';

export type LoginItem = {
  /** Whether Warden starts when the user logs in. */
  get(): boolean;
  /** Turns it on or off; throws when the setting cannot be written. */
  set(on: boolean): void;
  /** Where the setting lives, for the log and for messages. */
  readonly where: string;
};

export type LoginItemPaths = {
  /** The user's home folder (the default of XDG_CONFIG_HOME is `<home>/.config`). */
  home?: string;
  /** The program to start when APPIMAGE is not set. */
  execPath?: string;
};

export function loginItem(
  platform: NodeJS.Platform,
  env: DesktopEnvironment,
  paths: LoginItemPaths = {},
): LoginItem {
  if (platform !== 'linux') {
    return {
      get: () => app.getLoginItemSettings().openAtLogin,
      set: (on) => {
        app.setLoginItemSettings({ openAtLogin: on });
      },
      where: platform === 'darwin' ? 'the login items of macOS' : 'the startup apps of Windows',
    };
  }
  const file = autostartFile(env, paths.home ?? homedir());
  // An AppImage runs from a temporary mount: the login must start the AppImage file itself.
  const program = nonEmpty(env.APPIMAGE) ?? paths.execPath ?? process.execPath;
  return {
    get: () => existsSync(file),
    set: (on) => {
      if (!on) {
        rmSync(file, { force: true });
        return;
      }
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, autostartEntry(program));
    },
    where: file,
  };
}

/** `$XDG_CONFIG_HOME/autostart/warden.desktop`; a relative XDG_CONFIG_HOME is ignored, as the spec says. */
export function autostartFile(env: DesktopEnvironment, home: string): string {
  const configHome = nonEmpty(env.XDG_CONFIG_HOME);
  const base = configHome !== undefined && isAbsolute(configHome) ? configHome : join(home, '.config');
  return join(base, 'autostart', 'warden.desktop');
}

/** The autostart entry that starts `program` at login. */
export function autostartEntry(program: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Warden',
    'Comment=Risk guard for futures traders',
    `Exec=${desktopExecArgument(program)}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

// The Desktop Entry spec's reserved characters: an argument holding one must be quoted.
const RESERVED = /[ \t\n\r"'\\><~|&;$*?#()`]/;

/**
 * One Exec argument per the Desktop Entry spec: `%` doubled (field codes), the argument double-quoted when it holds
 * a reserved character with `"`, `` ` ``, `$` and `\` backslash-escaped inside the quotes, then the string-value
 * escapes applied to the whole (`\` → `\\`, newline → `\n`, tab → `\t`, carriage return → `\r`).
 */
export function desktopExecArgument(argument: string): string {
  const percent = argument.replaceAll('%', '%%');
  const quoted = RESERVED.test(argument) ? `"${percent.replace(/["`$\\]/g, '\\$&')}"` : percent;
  return quoted
    .replaceAll('\\', '\\\\')
    .replaceAll('\n', '\\n')
    .replaceAll('\t', '\\t')
    .replaceAll('\r', '\\r');
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
