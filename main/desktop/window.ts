// The main window: sandboxed, context-isolated renderer loaded from disk, with its CSP, no navigation away from
// the app, no new windows, no permissions. Everything the page may do goes through the preload's named functions.
import { BrowserWindow, type Session, type WebPreferences } from 'electron';
import { join } from 'node:path';
import type { Logger } from '../platform/logger';
import { contentSecurityPolicy, rendererIndexPath } from './security';

export type MainWindowOptions = { appPath: string; iconPath?: string; logger: Logger };

/** The renderer gets no Node, no Electron internals and Chromium's full sandbox; only the preload bridges. */
export function secureWebPreferences(appPath: string): WebPreferences {
  return {
    preload: join(appPath, 'dist', 'desktop', 'preload.cjs'),
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Warden',
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#0f1115',
    ...(options.iconPath === undefined ? {} : { icon: options.iconPath }),
    webPreferences: secureWebPreferences(options.appPath),
  });
  applySessionPolicy(window.webContents.session);
  guardNavigation(window, options.logger);
  window.once('ready-to-show', () => {
    window.show();
  });
  const indexPath = rendererIndexPath(options.appPath);
  window.loadFile(indexPath).catch((error: unknown) => {
    options.logger.error('the renderer did not load (run `npm run build`?)', {
      path: indexPath,
      error: String(error),
    });
  });
  return window;
}

/** CSP as a response header (the renderer's meta tag is the second line of defence) and no permission grants. */
export function applySessionPolicy(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] },
    });
  });
  session.setPermissionRequestHandler((_webContents, _permission, callback) => {
    callback(false);
  });
}

/** The window shows the app and nothing else: links and scripts cannot navigate it or open others. */
export function guardNavigation(window: BrowserWindow, logger: Logger): void {
  const contents = window.webContents;
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    logger.warn('blocked navigation', { url });
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('blocked a webview');
  });
  contents.setWindowOpenHandler(({ url }) => {
    logger.warn('blocked a new window', { url });
    return { action: 'deny' };
  });
}
