// The global shortcut for Flatten all: three keys held together (default Ctrl/Cmd+Shift+F12) are one deliberate
// action that works whichever application has focus. Configurable with WARDEN_FLATTEN_SHORTCUT ("none": off).
import { globalShortcut } from 'electron';
import type { Logger } from '../platform/logger';
import type { DesktopEnvironment } from './options';

export const DEFAULT_FLATTEN_SHORTCUT = 'CommandOrControl+Shift+F12';

/** The accelerator to register, or null when the trader turned it off. */
export function flattenShortcut(env: DesktopEnvironment): string | null {
  const value = env.WARDEN_FLATTEN_SHORTCUT?.trim();
  if (value === undefined || value === '') return DEFAULT_FLATTEN_SHORTCUT;
  return value.toLowerCase() === 'none' ? null : value;
}

/** Registers it; a shortcut another application holds (or an invalid one) is logged, not fatal. */
export function registerFlattenShortcut(
  accelerator: string | null,
  onPress: () => void,
  logger: Logger,
): boolean {
  if (accelerator === null) return false;
  let registered: boolean;
  try {
    registered = globalShortcut.register(accelerator, onPress);
  } catch (error) {
    logger.error('the flatten shortcut is not a valid accelerator', { accelerator, error: String(error) });
    return false;
  }
  if (!registered) logger.warn('the flatten shortcut is taken by another application', { accelerator });
  return registered;
}

export function unregisterShortcuts(): void {
  globalShortcut.unregisterAll();
}
