// The main window: locked-down web preferences, the renderer loaded from disk under a CSP, nowhere else to go.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, resetElectronFake, session } from '../../mocks/electron';
import { memoryLogger } from '../../../main/platform/logger';
import { createMainWindow } from '../../../main/desktop/window';
import { contentSecurityPolicy } from '../../../main/desktop/security';

vi.mock('electron', () => import('../../mocks/electron'));

function openWindow() {
  const logger = memoryLogger();
  createMainWindow({ appPath: '/opt/warden', logger });
  const window = BrowserWindow.instances.at(-1);
  if (window === undefined) throw new Error('no window was created');
  return { window, logger };
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
});
