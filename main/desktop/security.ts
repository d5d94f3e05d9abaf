// The desktop host's security policy as pure functions: the renderer's CSP and who may talk to the core over IPC.
// Kept free of 'electron' so every rule here is unit-tested directly.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The renderer is a built bundle loaded from disk: scripts only from the app itself, no eval, no plugins, no
 * framing, no form posts. Inline styles stay allowed because React and the chart library set them.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The renderer's built entry inside the app folder (`app.getAppPath()`, possibly an asar archive). */
export function rendererIndexPath(appPath: string): string {
  return join(appPath, 'dist', 'renderer', 'index.html');
}

/** The URL Chromium reports for the renderer's document once `loadFile(rendererIndexPath(...))` has run. */
export function rendererUrl(appPath: string): string {
  return pathToFileURL(rendererIndexPath(appPath)).href;
}

/** What an IPC message says about where it came from; `frameUrl` is null when the frame is gone. */
export type IpcSender = { webContentsId: number; frameUrl: string | null; isMainFrame: boolean };

/** The only sender the core answers: the main frame of our window, showing our own renderer document. */
export type AllowedSender = { webContentsId: number; rendererUrl: string };

export function isAllowedSender(sender: IpcSender, allowed: AllowedSender): boolean {
  if (sender.webContentsId !== allowed.webContentsId || !sender.isMainFrame || sender.frameUrl === null) {
    return false;
  }
  return isSameDocument(sender.frameUrl, allowed.rendererUrl);
}

/** Same file: URL, ignoring query and fragment (the renderer may route by hash); percent-encoding normalized. */
export function isSameDocument(actualUrl: string, expectedUrl: string): boolean {
  const actual = parseUrl(actualUrl);
  const expected = parseUrl(expectedUrl);
  if (actual === null || expected === null) return false;
  if (actual.protocol !== 'file:' || expected.protocol !== 'file:' || actual.host !== expected.host)
    return false;
  const actualPath = decodePath(actual.pathname);
  return actualPath !== null && actualPath === decodePath(expected.pathname);
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

function decodePath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}
