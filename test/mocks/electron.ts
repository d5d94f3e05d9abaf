// A hand-written fake of the parts of Electron the desktop host uses (the real runtime cannot run here). Each part
// records what was done to it so tests can assert on it; `resetElectronFake()` clears everything between tests.
import { EventEmitter } from 'node:events';
import type {
  BrowserWindowConstructorOptions,
  MenuItemConstructorOptions,
  MessageBoxSyncOptions,
  NotificationConstructorOptions,
} from 'electron';

type AnyListener = (...args: never[]) => unknown;
type Call = (...args: unknown[]) => unknown;

/** An Electron-style event whose default action a listener may cancel. */
export type FakeEvent = { defaultPrevented: boolean; preventDefault(): void };

export function fakeEvent(): FakeEvent {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

/** The order of calls whose sequence matters across parts (the AppUserModelID before the first notification). */
export const callLog: string[] = [];

// ---- app ------------------------------------------------------------------------------------------------------

class FakeApp extends EventEmitter {
  /** Set by `setAppUserModelId` (Windows only in Electron; recorded everywhere here). */
  userModelId: string | null = null;
  appPath = '/opt/warden';
  paths: Record<string, string> = { userData: '/tmp/warden-fake/user-data' };
  singleInstanceLock = true;
  quitRequests = 0;
  quitted = false;
  exitCode: number | null = null;
  loginItem = { openAtLogin: false };
  /** Electron's app.isPackaged: false when run from source, as here (tests of the packaged app set it). */
  isPackaged = false;
  /** Chromium's command line: switches appended before the app is ready. */
  readonly commandLine = new FakeCommandLine();

  getPath(name: string): string {
    return this.paths[name] ?? `/tmp/warden-fake/${name}`;
  }
  getAppPath(): string {
    return this.appPath;
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstanceLock;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  isReady(): boolean {
    return true;
  }
  /** Like Electron: `before-quit` listeners may cancel; otherwise the app quits. */
  quit(): void {
    this.quitRequests += 1;
    const event = fakeEvent();
    this.emit('before-quit', event);
    if (event.defaultPrevented) return;
    this.quitted = true;
    this.emit('will-quit', fakeEvent());
    this.emit('quit', fakeEvent(), 0);
  }
  getLoginItemSettings(): { openAtLogin: boolean } {
    return { ...this.loginItem };
  }
  setLoginItemSettings(settings: { openAtLogin?: boolean }): void {
    if (settings.openAtLogin !== undefined) this.loginItem.openAtLogin = settings.openAtLogin;
  }
  exit(code = 0): void {
    this.exitCode = code;
    this.quitted = true;
  }
  setAppUserModelId(id: string): void {
    this.userModelId = id;
    callLog.push(`app.setAppUserModelId ${id}`);
  }
  reset(): void {
    this.removeAllListeners();
    this.userModelId = null;
    this.appPath = '/opt/warden';
    this.paths = { userData: '/tmp/warden-fake/user-data' };
    this.singleInstanceLock = true;
    this.quitRequests = 0;
    this.quitted = false;
    this.exitCode = null;
    this.loginItem = { openAtLogin: false };
    this.isPackaged = false;
  }
}

/** app.commandLine: the switches, by name (Electron keeps one value per switch; appending again replaces it). */
class FakeCommandLine {
  readonly switches = new Map<string, string>();
  /** Every appendSwitch call, in order. */
  readonly appended: { name: string; value: string }[] = [];
  appendSwitch(name: string, value = ''): void {
    this.switches.set(name, value);
    this.appended.push({ name, value });
  }
  hasSwitch(name: string): boolean {
    return this.switches.has(name);
  }
  getSwitchValue(name: string): string {
    return this.switches.get(name) ?? '';
  }
  removeSwitch(name: string): void {
    this.switches.delete(name);
  }
  reset(): void {
    this.switches.clear();
    this.appended.length = 0;
  }
}

export const app = new FakeApp();

// ---- session --------------------------------------------------------------------------------------------------

export type FakeHeadersDetails = { url: string; responseHeaders?: Record<string, string[]> };
export type FakeHeadersResponse = { cancel?: boolean; responseHeaders?: Record<string, string[] | string> };
type HeadersListener = (
  details: FakeHeadersDetails,
  callback: (response: FakeHeadersResponse) => void,
) => void;
type PermissionHandler = (
  webContents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
) => void;

class FakeSession {
  headersListener: HeadersListener | null = null;
  permissionHandler: PermissionHandler | null = null;
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener): void => {
      this.headersListener = listener;
    },
  };
  setPermissionRequestHandler(handler: PermissionHandler | null): void {
    this.permissionHandler = handler;
  }
  /** Runs a response through the installed header listener, as Chromium would for a loaded document. */
  receiveHeaders(details: FakeHeadersDetails): FakeHeadersResponse {
    let result: FakeHeadersResponse = {};
    if (this.headersListener === null) return { responseHeaders: details.responseHeaders ?? {} };
    this.headersListener(details, (response) => {
      result = response;
    });
    return result;
  }
  /** Asks the installed permission handler; undefined when none is installed (Electron then grants). */
  requestPermission(permission: string): boolean | undefined {
    let granted: boolean | undefined;
    this.permissionHandler?.(null, permission, (answer) => {
      granted = answer;
    });
    return granted;
  }
  reset(): void {
    this.headersListener = null;
    this.permissionHandler = null;
  }
}

export const session = { defaultSession: new FakeSession() };

// ---- BrowserWindow and webContents ----------------------------------------------------------------------------

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };
let nextWebContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  readonly session = session.defaultSession;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler: WindowOpenHandler | null = null;
  destroyed = false;
  /** True while a page is loading (a test sets it; emit 'did-finish-load' after clearing it). */
  loading = false;

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isLoading(): boolean {
    return this.loading;
  }
  /** Emits `will-navigate` as a link click would; true when a listener cancelled it. */
  tryNavigate(url: string): boolean {
    const event = fakeEvent();
    this.emit('will-navigate', event, url);
    return event.defaultPrevented;
  }
  /** What `window.open(url)` would get; 'allow' when no handler is installed, as in Electron. */
  tryOpenWindow(url: string): 'allow' | 'deny' {
    return this.windowOpenHandler?.({ url }).action ?? 'allow';
  }
  /** How many times `reload()` was called. */
  reloads = 0;
  reload(): void {
    this.reloads += 1;
  }
  /** The renderer process ends, as Electron reports it ('crashed', 'oom', 'killed', 'clean-exit', ...). */
  renderProcessGone(reason = 'crashed', exitCode = 1): void {
    this.emit('render-process-gone', fakeEvent(), { reason, exitCode });
  }
}

export class BrowserWindow extends EventEmitter {
  static readonly instances: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedFile: string | null = null;
  visible = false;
  focused = false;
  minimized = false;
  destroyed = false;

  constructor(readonly options: BrowserWindowConstructorOptions = {}) {
    super();
    BrowserWindow.instances.push(this);
  }
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.instances.filter((window) => !window.destroyed);
  }
  /** Every file loaded, in order (a reload after a crashed renderer loads it again). */
  readonly loadedFiles: string[] = [];
  loadFile(path: string): Promise<void> {
    this.loadedFile = path;
    this.loadedFiles.push(path);
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  focus(): void {
    this.focused = true;
  }
  minimize(): void {
    this.minimized = true;
  }
  restore(): void {
    this.minimized = false;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Closes for good, as the user closing the window does. */
  destroy(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
  /** The user closing the window: a `close` listener may cancel it (Warden hides instead), as in Electron. */
  close(): void {
    const event = fakeEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }
}

// ---- ipcMain --------------------------------------------------------------------------------------------------

export type FakeInvokeEvent = {
  sender: FakeWebContents;
  senderFrame: { url: string; parent: object | null } | null;
  frameId: number;
  processId: number;
};

/** An invoke event as Electron builds it; `url: null` means the frame has gone. */
export function fakeInvokeEvent(input: {
  url: string | null;
  sender: FakeWebContents;
  isMainFrame?: boolean;
}): FakeInvokeEvent {
  const parent = input.isMainFrame === false ? {} : null;
  return {
    sender: input.sender,
    senderFrame: input.url === null ? null : { url: input.url, parent },
    frameId: 1,
    processId: 1,
  };
}

class FakeIpcMain {
  readonly handlers = new Map<string, Call>();
  handle(channel: string, handler: AnyListener): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler as Call);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** What the renderer's `ipcRenderer.invoke(channel, ...args)` would get back, sent by `event`'s frame. */
  async invoke(channel: string, event: FakeInvokeEvent, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
    return await handler(event, ...args);
  }
}

export const ipcMain = new FakeIpcMain();

// ---- renderer side: contextBridge and ipcRenderer -------------------------------------------------------------

class FakeContextBridge {
  readonly exposed = new Map<string, unknown>();
  exposeInMainWorld(key: string, api: unknown): void {
    if (this.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property: ${key}`);
    this.exposed.set(key, api);
  }
}

export const contextBridge = new FakeContextBridge();

class FakeIpcRenderer extends EventEmitter {
  readonly invocations: { channel: string; args: unknown[] }[] = [];
  /** What `invoke` resolves with, per channel (undefined when not set). */
  readonly responses = new Map<string, unknown>();
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ channel, args });
    return Promise.resolve(this.responses.get(channel));
  }
  /** Delivers a message from the main process, with an IPC event first as Electron does. */
  deliver(channel: string, ...args: unknown[]): void {
    this.emit(channel, { sender: this, senderId: 0 }, ...args);
  }
  reset(): void {
    this.removeAllListeners();
    this.invocations.length = 0;
    this.responses.clear();
  }
}

export const ipcRenderer = new FakeIpcRenderer();

// ---- tray, menu, images, notifications, dialogs ---------------------------------------------------------------

export class NativeImage {
  constructor(readonly path: string) {}
  isEmpty(): boolean {
    return this.path === '';
  }
}

export const nativeImage = { createFromPath: (path: string): NativeImage => new NativeImage(path) };

export class Menu {
  constructor(readonly template: MenuItemConstructorOptions[]) {}
  static buildFromTemplate(template: MenuItemConstructorOptions[]): Menu {
    return new Menu(template);
  }
  labels(): string[] {
    return this.template.flatMap((item) => (item.label === undefined ? [] : [item.label]));
  }
  /** The labels of a submenu's items (the submenu given by its item's label). */
  submenuLabels(label: string): string[] {
    const item = this.template.find((candidate) => candidate.label === label);
    const submenu = Array.isArray(item?.submenu) ? item.submenu : [];
    return submenu.flatMap((entry) => (entry.label === undefined ? [] : [entry.label]));
  }
  /** Clicks the item with this label (in the menu or one of its submenus), as the user picking it does. */
  click(label: string): void {
    const all = this.template.flatMap((candidate) => [
      candidate,
      ...(Array.isArray(candidate.submenu) ? candidate.submenu : []),
    ]);
    const item = all.find((candidate) => candidate.label === label);
    if (item?.click === undefined) throw new Error(`no clickable menu item "${label}"`);
    (item.click as Call)({}, undefined, {});
  }
}

export class Tray extends EventEmitter {
  static readonly instances: Tray[] = [];
  tooltip = '';
  menu: Menu | null = null;
  destroyed = false;
  readonly images: NativeImage[] = [];

  constructor(image: NativeImage) {
    super();
    this.images.push(image);
    Tray.instances.push(this);
  }
  get image(): NativeImage | undefined {
    return this.images.at(-1);
  }
  setToolTip(tooltip: string): void {
    this.tooltip = tooltip;
  }
  setContextMenu(menu: Menu | null): void {
    this.menu = menu;
  }
  setImage(image: NativeImage): void {
    this.images.push(image);
  }
  destroy(): void {
    this.destroyed = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

/**
 * A notification: `show()` records it and emits 'show' at once, as the system confirming it; with `failNext` set
 * the next one emits 'failed' with that error instead (as Electron does on Windows), and with `unconfirmed` the
 * system answers nothing at all.
 */
export class Notification extends EventEmitter {
  static supported = true;
  static readonly shown: Notification[] = [];
  static readonly failed: Notification[] = [];
  static failNext: string | null = null;
  static unconfirmed = false;
  constructor(readonly options: NotificationConstructorOptions = {}) {
    super();
  }
  static isSupported(): boolean {
    return Notification.supported;
  }
  show(): void {
    callLog.push(`Notification.show ${this.options.title ?? ''}`);
    const error = Notification.failNext;
    if (error !== null) {
      Notification.failNext = null;
      Notification.failed.push(this);
      this.emit('failed', fakeEvent(), error);
      return;
    }
    Notification.shown.push(this);
    if (!Notification.unconfirmed) this.emit('show', fakeEvent());
  }
  close(): void {
    this.emit('close', fakeEvent());
  }
}

/** globalShortcut: what is registered, and `press` to fire an accelerator as the OS would. */
export const globalShortcut = {
  registered: new Map<string, () => void>(),
  /** Accelerators another application holds: registering them fails, as in Electron. */
  taken: new Set<string>(),
  register(accelerator: string, callback: () => void): boolean {
    if (globalShortcut.taken.has(accelerator)) return false;
    globalShortcut.registered.set(accelerator, callback);
    return true;
  },
  isRegistered(accelerator: string): boolean {
    return globalShortcut.registered.has(accelerator);
  },
  unregister(accelerator: string): void {
    globalShortcut.registered.delete(accelerator);
  },
  unregisterAll(): void {
    globalShortcut.registered.clear();
  },
  press(accelerator: string): void {
    const callback = globalShortcut.registered.get(accelerator);
    if (callback === undefined) throw new Error(`no shortcut registered for ${accelerator}`);
    callback();
  },
};

export const dialog = {
  errorBoxes: [] as { title: string; content: string }[],
  messageBoxes: [] as MessageBoxSyncOptions[],
  /** The button index the next message boxes answer (then 0). */
  answers: [] as number[],
  /** Boxes shown with showMessageBoxSync, which would stop the main process (and the guard) while open. */
  blockingBoxes: 0,
  showMessageBoxSync(...args: unknown[]): number {
    dialog.blockingBoxes += 1;
    return dialog.answer(args);
  },
  /** The async box (the event loop keeps running while it is open); answers from `answers` like the sync one. */
  showMessageBox(...args: unknown[]): Promise<{ response: number; checkboxChecked: boolean }> {
    return Promise.resolve({ response: dialog.answer(args), checkboxChecked: false });
  },
  answer(args: unknown[]): number {
    const options = (args.length > 1 ? args[1] : args[0]) as MessageBoxSyncOptions;
    dialog.messageBoxes.push(options);
    return dialog.answers.shift() ?? 0;
  },
  showErrorBox(title: string, content: string): void {
    dialog.errorBoxes.push({ title, content });
  },
};

/**
 * safeStorage: a reversible stand-in for the OS keychain. The "ciphertext" is the text XOR-ed and base64-ed, so a
 * test can check the file never holds the plain text; `available` turns the keychain off.
 */
export const safeStorage = {
  available: true,
  /** What the next decryptions answer for `shouldReEncrypt` (a rotated key). */
  rotated: false,
  /** What getSelectedStorageBackend answers (Linux's password store; 'basic_text' = a hard-coded key). */
  backend: 'gnome_libsecret' as
    'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown',
  getSelectedStorageBackend():
    'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown' {
    return safeStorage.backend;
  },
  isAsyncEncryptionAvailable(): Promise<boolean> {
    return Promise.resolve(safeStorage.available);
  },
  encryptStringAsync(plainText: string): Promise<Buffer> {
    if (!safeStorage.available) return Promise.reject(new Error('Encryption is not available.'));
    const bytes = Buffer.from(plainText, 'utf8').map((b) => b ^ 0x5a);
    return Promise.resolve(Buffer.from(`fake-enc:${Buffer.from(bytes).toString('base64')}`));
  },
  decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }> {
    const text = encrypted.toString('utf8');
    if (!text.startsWith('fake-enc:'))
      return Promise.reject(new Error('Error while decrypting the ciphertext provided'));
    const result = Buffer.from(Buffer.from(text.slice(9), 'base64').map((b) => b ^ 0x5a)).toString('utf8');
    return Promise.resolve({ shouldReEncrypt: safeStorage.rotated, result });
  },
};

// ---- power ----------------------------------------------------------------------------------------------------

/** powerMonitor: emit 'suspend', 'resume', 'lock-screen', 'unlock-screen', 'shutdown' as the OS would. */
export const powerMonitor = new EventEmitter();

/** powerSaveBlocker: the blockers started and not yet stopped, by id. */
export const powerSaveBlocker = {
  nextId: 1,
  active: new Map<number, 'prevent-app-suspension' | 'prevent-display-sleep'>(),
  started: 0,
  start(type: 'prevent-app-suspension' | 'prevent-display-sleep'): number {
    const id = powerSaveBlocker.nextId++;
    powerSaveBlocker.active.set(id, type);
    powerSaveBlocker.started += 1;
    return id;
  },
  stop(id: number): boolean {
    return powerSaveBlocker.active.delete(id);
  },
  isStarted(id: number): boolean {
    return powerSaveBlocker.active.has(id);
  },
};

/** shell.openPath: the paths opened; resolves with `openPathError` ('' = opened, as Electron). */
export const shell = {
  opened: [] as string[],
  openPathError: '',
  openPath(path: string): Promise<string> {
    shell.opened.push(path);
    return Promise.resolve(shell.openPathError);
  },
};

/** Forgets every window, handler, notification and listener: call in `beforeEach`. */
export function resetElectronFake(): void {
  app.reset();
  session.defaultSession.reset();
  BrowserWindow.instances.length = 0;
  ipcMain.handlers.clear();
  contextBridge.exposed.clear();
  ipcRenderer.reset();
  Tray.instances.length = 0;
  Notification.supported = true;
  Notification.shown.length = 0;
  Notification.failed.length = 0;
  Notification.failNext = null;
  Notification.unconfirmed = false;
  callLog.length = 0;
  dialog.errorBoxes.length = 0;
  dialog.messageBoxes.length = 0;
  dialog.blockingBoxes = 0;
  dialog.answers.length = 0;
  globalShortcut.registered.clear();
  globalShortcut.taken.clear();
  safeStorage.available = true;
  safeStorage.rotated = false;
  safeStorage.backend = 'gnome_libsecret';
  app.commandLine.reset();
  shell.opened.length = 0;
  shell.openPathError = '';
  powerMonitor.removeAllListeners();
  powerSaveBlocker.active.clear();
  powerSaveBlocker.started = 0;
}
