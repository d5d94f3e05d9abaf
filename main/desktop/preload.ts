// The sandboxed preload: exposes `window.warden`, one named function per command plus push subscriptions and the
// desktop's own extras (`desktop`), and nothing else (never ipcRenderer itself). Bundled to one CommonJS file, so
// it imports only 'electron' at run time.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type {
  CommandArgs,
  CommandResponse,
  DesktopExtras,
  HostNotice,
  PushMessages,
  TestNotificationResult,
  WardenApi,
} from '../../shared/ipc';
// channels.ts is free of zod, so the sandboxed preload bundles only the names.
import { commandNames, desktopChannels, ipcChannels, type CommandName } from '../../shared/ipc/channels';

export const preloadChannels = ipcChannels;

export type RendererIpc = {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
};

/** What the desktop app's page finds as `window.warden`. */
export type DesktopBridge = WardenApi & { desktop: DesktopExtras };

/**
 * The desktop extras over their channels, listened to from the start (before the page's own scripts run): a
 * notices listener added later still gets the current list at once, and an account to open that arrived before
 * any listener is given to the first one.
 */
export function createDesktopExtras(ipc: RendererIpc): DesktopExtras {
  let current: HostNotice[] = [];
  const noticeListeners = new Set<(notices: HostNotice[]) => void>();
  ipc.on(desktopChannels.notices, (_event, payload) => {
    current = payload as HostNotice[];
    for (const listener of noticeListeners) listener(current);
  });
  let pendingAccount: string | null = null;
  const openListeners = new Set<(accountId: string) => void>();
  ipc.on(desktopChannels.openAccount, (_event, payload) => {
    const accountId = payload as string;
    if (openListeners.size === 0) pendingAccount = accountId;
    for (const listener of openListeners) listener(accountId);
  });
  return {
    onNotices(listener) {
      noticeListeners.add(listener);
      listener(current);
      return () => {
        noticeListeners.delete(listener);
      };
    },
    onOpenAccount(listener) {
      openListeners.add(listener);
      if (pendingAccount !== null) listener(pendingAccount);
      pendingAccount = null;
      return () => {
        openListeners.delete(listener);
      };
    },
    testNotification: () =>
      // The main process answers with the notifier's TestNotificationResult.
      ipc.invoke(desktopChannels.testNotification) as Promise<TestNotificationResult>,
  };
}

export function createWardenApi(ipc: RendererIpc): DesktopBridge {
  const invoker =
    <N extends CommandName>(name: N) =>
    (args: CommandArgs<N>): Promise<CommandResponse<N>> =>
      // The main process answers every command channel with the core's CommandResponse for that command.
      ipc.invoke(preloadChannels.command(name), args) as Promise<CommandResponse<N>>;
  const subscriber =
    <K extends keyof PushMessages>(type: K) =>
    (listener: (payload: PushMessages[K]) => void): (() => void) => {
      // The IPC event (with its sender) stays on this side of the bridge; the page sees only the payload.
      const handler = (_event: IpcRendererEvent, payload: unknown): void => {
        listener(payload as PushMessages[K]);
      };
      ipc.on(preloadChannels.push(type), handler);
      return () => {
        ipc.removeListener(preloadChannels.push(type), handler);
      };
    };
  const commands = Object.fromEntries(commandNames.map((name) => [name, invoker(name)])) as {
    [N in CommandName]: ReturnType<typeof invoker<N>>;
  };
  return {
    ...commands,
    onState: subscriber('state'),
    onAlerts: subscriber('alerts'),
    onAlert: subscriber('alert'),
    desktop: createDesktopExtras(ipc),
  };
}

contextBridge.exposeInMainWorld('warden', createWardenApi(ipcRenderer));
