// The main window: locked-down web preferences, the renderer loaded from disk under a CSP, nowhere else to go.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, resetElectronFake, session } from '../../mocks/electron';
import { memoryLogger } from '../../../main/platform/logger';
import { createMainWindow, type RendererGone } from '../../../main/desktop/window';
import { contentSecurityPolicy } from '../../../main/desktop/security';

vi.mock('electron', () => import('../../mocks/electron'));

const index = '/opt/warden/dist/renderer/index.html';

function openWindow() {
  const logger = memoryLogger();
  const gone: RendererGone[] = [];
  let clock = 1_000_000;
  createMainWindow({
    appPath: '/opt/warden',
    logger,
    onRendererGone: (details) => gone.push(details),
    now: () => clock,
  });
  const window = BrowserWindow.instances.at(-1);
  if (window === undefined) throw new Error('no window was created');
  const advance = (ms: number): void => {
    clock += ms;
  };
  return { window, logger, gone, advance };
}

describe('the main window', () => {
  beforeEach(() => {
    resetElectronFake();
  });

  it('is sandboxed and context-isolated, with no Node and web security on, and nothing else', () => {
    const { window } = openWindow();
    expect(window.options.webPreferences).toEqual({
      preload: '/opt/warden/dist/desktop/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
  });

  it('uses the bundled CommonJS preload and loads the built renderer from disk', () => {
    const { window } = openWindow();
    expect(window.options.webPreferences?.preload).toBe('/opt/warden/dist/desktop/preload.cjs');
    expect(window.loadedFile).toBe('/opt/warden/dist/renderer/index.html');
  });

  it('stays hidden until the page is ready, then shows', () => {
    const { window } = openWindow();
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });

  it('adds the CSP header to every response and keeps the other headers', () => {
    openWindow();
    const response = session.defaultSession.receiveHeaders({
      url: 'file:///opt/warden/dist/renderer/index.html',
      responseHeaders: { 'Content-Type': ['text/html'] },
    });
    expect(response.responseHeaders).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [contentSecurityPolicy],
    });
  });

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read'])(
    'denies the %s permission',
    (permission) => {
      openWindow();
      expect(session.defaultSession.requestPermission(permission)).toBe(false);
    },
  );

  it.each(['https://evil.example/', 'file:///etc/passwd', 'file:///opt/warden/dist/renderer/index.html'])(
    'cancels navigation to %s and logs it',
    (url) => {
      const { window, logger } = openWindow();
      expect(window.webContents.tryNavigate(url)).toBe(true);
      expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'warn', context: { url } }));
    },
  );

  it.each(['https://evil.example/', 'about:blank'])('denies window.open(%s)', (url) => {
    const { window } = openWindow();
    expect(window.webContents.tryOpenWindow(url)).toBe('deny');
  });

  it('refuses to attach webviews', () => {
    const { window } = openWindow();
    const event = { defaultPrevented: false, preventDefault: vi.fn() };
    window.webContents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  describe('when the renderer process goes', () => {
    it('logs the reason and exit code, reports it and loads the page again', () => {
      const { window, logger, gone } = openWindow();
      window.webContents.renderProcessGone('crashed', 139);
      expect(logger.lines).toEqual([
        {
          level: 'error',
          message: 'the window renderer is gone',
          context: { reason: 'crashed', exitCode: 139, crashes: 1, reloading: true },
        },
      ]);
      expect(gone).toEqual([{ reason: 'crashed', exitCode: 139, crashes: 1, reloading: true }]);
      expect(window.loadedFiles).toEqual([index, index]);
    });

    it('ignores a clean exit', () => {
      const { window, logger, gone } = openWindow();
      window.webContents.renderProcessGone('clean-exit', 0);
      expect(logger.lines).toEqual([]);
      expect(gone).toEqual([]);
      expect(window.loadedFiles).toEqual([index]);
    });

    it('stops reloading at the third crash within 60 s and loads nothing more', () => {
      const { window, gone, advance, logger } = openWindow();
      window.webContents.renderProcessGone('crashed', 1);
      advance(30_000);
      window.webContents.renderProcessGone('oom', 2);
      advance(29_999);
      window.webContents.renderProcessGone('killed', 9);
      advance(120_000);
      window.webContents.renderProcessGone('crashed', 1);
      expect(gone).toEqual([
        { reason: 'crashed', exitCode: 1, crashes: 1, reloading: true },
        { reason: 'oom', exitCode: 2, crashes: 2, reloading: true },
        { reason: 'killed', exitCode: 9, crashes: 3, reloading: false },
        { reason: 'crashed', exitCode: 1, crashes: 1, reloading: false },
      ]);
      expect(window.loadedFiles).toEqual([index, index, index]);
      expect(logger.lines.map((line) => line.context?.['reloading'])).toEqual([true, true, false, false]);
    });

    it('keeps reloading when the crashes are more than 60 s apart', () => {
      const { window, gone, advance } = openWindow();
      window.webContents.renderProcessGone('crashed', 1);
      advance(30_000);
      window.webContents.renderProcessGone('crashed', 1);
      advance(30_000);
      window.webContents.renderProcessGone('crashed', 1);
      expect(gone.map((details) => [details.crashes, details.reloading])).toEqual([
        [1, true],
        [2, true],
        [2, true],
      ]);
      expect(window.loadedFiles).toEqual([index, index, index, index]);
    });
  });

  it('logs when the window stops and starts responding', () => {
    const { window, logger } = openWindow();
    window.emit('unresponsive');
    window.emit('responsive');
    expect(logger.lines).toEqual([
      { level: 'warn', message: 'the window is not responding' },
      { level: 'info', message: 'the window responds again' },
    ]);
  });
});
