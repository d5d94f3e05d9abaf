// The global shortcut for Flatten all: three keys held together (default Ctrl/Cmd+Shift+F12) are one deliberate
// action that works whichever application has focus. Configurable with WARDEN_FLATTEN_SHORTCUT ("none": off).
// On Linux under Wayland a global shortcut goes through the desktop portal (Chromium's GlobalShortcutsPortal,
// switched on before the app is ready); a shortcut that cannot be registered stands as a notice.
import { globalShortcut, type CommandLine } from 'electron';
import type { HostNotice } from '../../shared/ipc';
import type { Logger } from '../platform/logger';
import type { HostNotices } from './host-notices';
import type { DesktopEnvironment } from './options';

export const DEFAULT_FLATTEN_SHORTCUT = 'CommandOrControl+Shift+F12';

/** The accelerator to register, or null when the trader turned it off. */
export function flattenShortcut(env: DesktopEnvironment): string | null {
  const value = env.WARDEN_FLATTEN_SHORTCUT?.trim();
  if (value === undefined || value === '') return DEFAULT_FLATTEN_SHORTCUT;
  return value.toLowerCase() === 'none' ? null : value;
}

export const GLOBAL_SHORTCUTS_PORTAL = 'GlobalShortcutsPortal';

/** A Wayland session: XDG_SESSION_TYPE=wayland or WAYLAND_DISPLAY set. */
export function isWayland(env: DesktopEnvironment): boolean {
  return (
    env.XDG_SESSION_TYPE?.trim().toLowerCase() === 'wayland' || (env.WAYLAND_DISPLAY ?? '').trim() !== ''
  );
}

/**
 * Chromium switches the desktop needs on this OS; must run before the app is ready. On Linux under Wayland:
 * `enable-features=GlobalShortcutsPortal` (merged into an enable-features value already given). Returns the
 * features it added.
 */
export function applyPlatformSwitches(
  platform: NodeJS.Platform,
  env: DesktopEnvironment,
  commandLine: Pick<CommandLine, 'appendSwitch' | 'getSwitchValue' | 'hasSwitch' | 'removeSwitch'>,
): string[] {
  if (platform !== 'linux' || !isWayland(env)) return [];
  const given = commandLine.hasSwitch('enable-features') ? commandLine.getSwitchValue('enable-features') : '';
  const features = given
    .split(',')
    .map((feature) => feature.trim())
    .filter((feature) => feature !== '');
  if (features.includes(GLOBAL_SHORTCUTS_PORTAL)) return [];
  // One enable-features switch: a second one would override the first rather than add to it.
  if (given !== '') commandLine.removeSwitch('enable-features');
  commandLine.appendSwitch('enable-features', [...features, GLOBAL_SHORTCUTS_PORTAL].join(','));
  return [GLOBAL_SHORTCUTS_PORTAL];
}

const HOW_TO_CHANGE =
  'Set WARDEN_FLATTEN_SHORTCUT to another key combination (for example Alt+Shift+F12) and restart Warden; "none" turns it off. Flatten all stays in the tray menu and the window.';

/**
 * Registers it; a shortcut another application holds (or an invalid one) is logged and stands as the 'shortcut'
 * notice, not fatal. A registration that works (or a shortcut turned off) clears that notice.
 */
export function registerFlattenShortcut(
  accelerator: string | null,
  onPress: () => void,
  logger: Logger,
  notices: HostNotices,
): boolean {
  if (accelerator === null) {
    notices.clear('shortcut');
    return false;
  }
  let registered: boolean;
  try {
    registered = globalShortcut.register(accelerator, onPress);
  } catch (error) {
    logger.error('the flatten shortcut is not a valid accelerator', { accelerator, error: String(error) });
    notices.raise(shortcutNotice(`${accelerator} is not a valid key combination.`));
    return false;
  }
  if (!registered) {
    logger.warn('the flatten shortcut is taken by another application', { accelerator });
    notices.raise(
      shortcutNotice(`${accelerator} is taken by another application (or the desktop refused it).`),
    );
    return false;
  }
  notices.clear('shortcut');
  return true;
}

function shortcutNotice(message: string): HostNotice {
  return {
    id: 'shortcut',
    level: 'warning',
    title: 'The Flatten-all shortcut does not work',
    message,
    fix: HOW_TO_CHANGE,
  };
}

export function unregisterShortcuts(): void {
  globalShortcut.unregisterAll();
}
