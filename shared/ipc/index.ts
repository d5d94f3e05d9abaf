// The typed contract between the core and the UI, used by the Electron IPC and the serve WebSocket alike.
export * from './commands';
export type * from './view';
export type * from './history';
export type * from './what-if';
export type * from './desktop';
export { desktopChannels } from './channels';
