// The central IPC registry: one handler per command channel, each dropping messages that do not come from our own
// window's renderer before the core sees them; and the core's pushes forwarded to that window, each page it
// loads subscribing anew (so it first hears the recent alerts).
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { commandNames, ipcChannels, type CommandName, type CommandResponse } from '../../shared/ipc';
import type { PushMessage, WardenCore } from '../core/types';
import type { Logger } from '../platform/logger';
import { isAllowedSender, type IpcSender } from './security';

export type IpcRegistryOptions = {
  core: WardenCore;
  /** The window whose renderer may send commands; null while there is none. */
  window: () => BrowserWindow | null;
  /** The renderer document's URL (security.rendererUrl). */
  rendererUrl: string;
  logger: Logger;
};

export const unknownSenderResponse = { ok: false, error: 'unknown sender' } as const;

export type IpcRegistry = {
  /**
   * Follows the pages `window` loads: each one is a new subscriber to the core's pushes, and so hears the
   * recent alerts first (a page starts with none).
   */
  followPages(window: BrowserWindow): void;
  /** Unregisters every command handler and the push forwarding. */
  dispose(): void;
};

/** Registers every command handler and the push forwarding to the window. */
export function registerIpc(options: IpcRegistryOptions): IpcRegistry {
  for (const name of commandNames) {
    ipcMain.handle(ipcChannels.command(name), (event, args: unknown) =>
      handleCommand(options, name, event, args),
    );
  }
  const subscribe = () =>
    options.core.subscribe((message) => {
      forwardPush(options.window(), message);
    });
  let unsubscribe = subscribe();
  return {
    followPages(window) {
      window.webContents.on('did-finish-load', () => {
        unsubscribe();
        unsubscribe = subscribe();
      });
    },
    dispose() {
      unsubscribe();
      for (const name of commandNames) ipcMain.removeHandler(ipcChannels.command(name));
    },
  };
}

async function handleCommand(
  options: IpcRegistryOptions,
  name: CommandName,
  event: IpcMainInvokeEvent,
  args: unknown,
): Promise<CommandResponse<CommandName>> {
  const window = options.window();
  const sender = describeSender(event);
  const allowed =
    window !== null &&
    !window.isDestroyed() &&
    isAllowedSender(sender, { webContentsId: window.webContents.id, rendererUrl: options.rendererUrl });
  if (!allowed) {
    options.logger.warn('dropped a message from an unknown sender', { command: name, ...sender });
    return unknownSenderResponse;
  }
  try {
    return await options.core.command(name, args);
  } catch (error) {
    // The core promises not to throw; if it ever does, the renderer still gets an answer instead of a rejection.
    options.logger.error('command failed', { command: name, error: String(error) });
    return { ok: false, error: `${name} failed: ${String(error)}` };
  }
}

/** Reads the sender defensively: a frame that navigated away or closed throws or reads as null. */
export function describeSender(event: IpcMainInvokeEvent): IpcSender {
  try {
    const frame = event.senderFrame;
    return {
      webContentsId: event.sender.id,
      frameUrl: frame?.url ?? null,
      isMainFrame: frame !== null && frame.parent === null,
    };
  } catch {
    return { webContentsId: -1, frameUrl: null, isMainFrame: false };
  }
}

/** Sends one push to the window's renderer, if there is a live one to receive it. */
export function forwardPush(window: BrowserWindow | null, message: PushMessage): void {
  if (window === null || window.isDestroyed() || window.webContents.isDestroyed()) return;
  window.webContents.send(ipcChannels.push(message.type), message.payload);
}
