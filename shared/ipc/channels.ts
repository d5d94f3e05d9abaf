// The contract's names, free of schemas (so the sandboxed Electron preload can bundle them without zod).
export const commandNames = [
  'placeOrder',
  'cancelOrder',
  'closePosition',
  'flatten',
  'lock',
  'resetLock',
  'confirmDayStart',
  'setDemo',
  'getState',
  'setConfig',
  'previewConfig',
  'lockSettings',
  'getConfig',
  'setCredentials',
  'setAccountGuarded',
  'getHistory',
  'reconnect',
  'whatIf',
  'whatIfStatus',
  'cancelWhatIf',
  'setNotifySecrets',
  'testNotify',
  'detectTelegramChats',
] as const;
export type CommandName = (typeof commandNames)[number];

/** Electron IPC channel names: one per command, one per push (no generic "method + args" channel). */
export const ipcChannels = {
  command: (name: CommandName) => `warden:${name}`,
  push: (name: 'state' | 'alerts' | 'alert') => `warden:push:${name}`,
} as const;

/** The desktop app's own channels (shared/ipc/desktop.ts), beside the core's. */
export const desktopChannels = {
  notices: 'warden:desktop:notices',
  openAccount: 'warden:desktop:open-account',
  testNotification: 'warden:desktop:test-notification',
} as const;
