// The central IPC registry: one handler per command channel, each dropping messages that do not come from our own
// window's renderer before the core sees them; and the core's pushes forwarded to that window, each page it
// loads subscribing anew (so it first hears the recent alerts). Beside the core's channels, the desktop's own:
// the host's standing notices (on every change, and to each page as it loads), a request to open an account,
// and the test notification (sender-checked like a command).
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import {
  commandNames,
  desktopChannels,
  ipcChannels,
  type CommandName,
  type CommandResponse,
  type HostNotice,
  type TestNotificationResult,
} from '../../shared/ipc';
import type { PushMessage, WardenCore } from '../core/types';
import type { Logger } from '../platform/logger';
import type { HostNotices } from './host-notices';
import { isAllowedSender, type IpcSender } from './security';

export type IpcRegistryOptions = {
  core: WardenCore;
  /** The window whose renderer may send commands; null while there is none. */
  window: () => BrowserWindow | null;
  /** The renderer document's URL (security.rendererUrl). */
  rendererUrl: string;
  logger: Logger;
  /** The host's standing notices, shown in the window. */
  notices: HostNotices;
  /** Shows a test notification (the notifier's `test`). */
  testNotification: () => Promise<TestNotificationResult>;
};

export const unknownSenderResponse = { ok: false, error: 'unknown sender' } as const;

export type IpcRegistry = {
  /**
   * Follows the pages `window` loads: each one is a new subscriber to the core's pushes, and so hears the
   * recent alerts first (a page starts with none).
   */
  followPages(window: BrowserWindow): void;
  /** Tells the window's page to show this account (a notification about it was clicked). */
  openAccount(accountId: string): void;
  /** Unregisters every handler and the push forwarding. */
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
  const stopNotices = options.notices.onChange((notices) => {
    sendNotices(options.window(), notices);
  });
  ipcMain.handle(desktopChannels.testNotification, (event) => handleTestNotification(options, event));
  // An account to open while no page is ready to hear it (the window just created, or reloading).
  let pendingAccount: string | null = null;
  return {
    followPages(window) {
      window.webContents.on('did-finish-load', () => {
        unsubscribe();
        unsubscribe = subscribe();
        // A page starts with no notices: it hears the standing ones as it loads.
        sendNotices(window, options.notices.list());
        if (pendingAccount !== null) sendToWindow(window, desktopChannels.openAccount, pendingAccount);
        pendingAccount = null;
      });
    },
    openAccount(accountId) {
      const window = options.window();
      if (window === null || window.isDestroyed() || window.webContents.isLoading()) {
        pendingAccount = accountId;
        return;
      }
      sendToWindow(window, desktopChannels.openAccount, accountId);
    },
    dispose() {
      unsubscribe();
      stopNotices();
      for (const name of commandNames) ipcMain.removeHandler(ipcChannels.command(name));
      ipcMain.removeHandler(desktopChannels.testNotification);
    },
  };
}

/** True when `event` comes from the main frame of our window showing our renderer; logs the ones dropped. */
function fromOurRenderer(options: IpcRegistryOptions, event: IpcMainInvokeEvent, what: string): boolean {
  const window = options.window();
  const sender = describeSender(event);
  const allowed =
    window !== null &&
    !window.isDestroyed() &&
    isAllowedSender(sender, { webContentsId: window.webContents.id, rendererUrl: options.rendererUrl });
  if (!allowed) options.logger.warn('dropped a message from an unknown sender', { command: what, ...sender });
  return allowed;
}

async function handleCommand(
  options: IpcRegistryOptions,
  name: CommandName,
  event: IpcMainInvokeEvent,
  args: unknown,
): Promise<CommandResponse<CommandName>> {
  if (!fromOurRenderer(options, event, name)) return unknownSenderResponse;
  try {
    return await options.core.command(name, args);
  } catch (error) {
    // The core promises not to throw; if it ever does, the renderer still gets an answer instead of a rejection.
    options.logger.error('command failed', { command: name, error: String(error) });
    return { ok: false, error: `${name} failed: ${String(error)}` };
  }
}

async function handleTestNotification(
  options: IpcRegistryOptions,
  event: IpcMainInvokeEvent,
): Promise<TestNotificationResult> {
  if (!fromOurRenderer(options, event, 'testNotification')) return unknownSenderResponse;
  try {
    return await options.testNotification();
  } catch (error) {
    options.logger.error('the test notification failed', { error: String(error) });
    return { ok: false, error: `test notification failed: ${String(error)}` };
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
  sendToWindow(window, ipcChannels.push(message.type), message.payload);
}

function sendNotices(window: BrowserWindow | null, notices: HostNotice[]): void {
  sendToWindow(window, desktopChannels.notices, notices);
}

/** Sends on `channel` to the window's renderer, if there is a live one to receive it. */
function sendToWindow(window: BrowserWindow | null, channel: string, payload: unknown): void {
  if (window === null || window.isDestroyed() || window.webContents.isDestroyed()) return;
  window.webContents.send(channel, payload);
}
