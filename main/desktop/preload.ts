// The sandboxed preload: exposes `window.warden`, one named function per command plus push subscriptions, and
// nothing else (never ipcRenderer itself). Bundled to one CommonJS file, so it imports only 'electron' at run time.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { CommandArgs, CommandResponse, PushMessages, WardenApi } from '../../shared/ipc';
// channels.ts is free of zod, so the sandboxed preload bundles only the names.
import { commandNames, ipcChannels, type CommandName } from '../../shared/ipc/channels';

export const preloadChannels = ipcChannels;

export type RendererIpc = {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
};

export function createWardenApi(ipc: RendererIpc): WardenApi {
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
  };
}

contextBridge.exposeInMainWorld('warden', createWardenApi(ipcRenderer));
