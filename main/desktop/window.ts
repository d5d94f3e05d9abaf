// The main window: sandboxed, context-isolated renderer loaded from disk, with its CSP, no navigation away from
// the app, no new windows, no permissions. Everything the page may do goes through the preload's named functions.
// A crashed renderer is reloaded, up to a limit; a hung one is logged.
import { BrowserWindow, type RenderProcessGoneDetails, type Session, type WebPreferences } from 'electron';
import { join } from 'node:path';
import type { Logger } from '../platform/logger';
import { contentSecurityPolicy, rendererIndexPath } from './security';

/** A renderer that ended other than by a clean exit; `reloading` false once the window has given up. */
export type RendererGone = {
  reason: RenderProcessGoneDetails['reason'];
  exitCode: number;
  /** Crashes within the last RENDERER_CRASH_WINDOW_MS, this one included. */
  crashes: number;
  reloading: boolean;
};

/** This many crashes within RENDERER_CRASH_WINDOW_MS and the window stops reloading. */
export const RENDERER_CRASH_LIMIT = 3;
export const RENDERER_CRASH_WINDOW_MS = 60_000;

export type MainWindowOptions = {
  appPath: string;
  iconPath?: string;
  logger: Logger;
  /** Told of every renderer that ended other than by a clean exit (after it was logged). */
  onRendererGone?: (details: RendererGone) => void;
  /** Milliseconds, for counting crashes; defaults to Date.now. */
  now?: () => number;
};

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
  const load = (): void => {
    window.loadFile(indexPath).catch((error: unknown) => {
      options.logger.error('the renderer did not load (run `npm run build`?)', {
        path: indexPath,
        error: String(error),
      });
    });
  };
  recoverRenderer(window, load, options);
  load();
  return window;
}

/**
 * A renderer that crashed (or was killed, ran out of memory, ...) is logged, reported and loaded again; after
 * RENDERER_CRASH_LIMIT crashes within RENDERER_CRASH_WINDOW_MS the window loads nothing more (the report tells the
 * trader; closing the window and showing it again starts afresh). A hung renderer is logged.
 */
export function recoverRenderer(
  window: BrowserWindow,
  load: () => void,
  options: Pick<MainWindowOptions, 'logger' | 'onRendererGone' | 'now'>,
): void {
  const { logger } = options;
  const now = options.now ?? Date.now;
  let crashes: number[] = [];
  let gaveUp = false;
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    const at = now();
    crashes = [...crashes.filter((t) => at - t < RENDERER_CRASH_WINDOW_MS), at];
    if (crashes.length >= RENDERER_CRASH_LIMIT) gaveUp = true;
    const reloading = !gaveUp && !window.isDestroyed();
    logger.error('the window renderer is gone', {
      reason: details.reason,
      exitCode: details.exitCode,
      crashes: crashes.length,
      reloading,
    });
    try {
      options.onRendererGone?.({
        reason: details.reason,
        exitCode: details.exitCode,
        crashes: crashes.length,
        reloading,
      });
    } catch (error) {
      logger.error('reporting the gone renderer failed', { error: String(error) });
    }
    if (reloading) load();
  });
  window.on('unresponsive', () => {
    logger.warn('the window is not responding');
  });
  window.on('responsive', () => {
    logger.info('the window responds again');
  });
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
