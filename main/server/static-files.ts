// Serves the built renderer (dist/renderer) with safe paths, content types and a CSP header: only files inside the
// root, by their real path (a symlink pointing out of it is not followed out), never a directory or a name that
// does not decode.
import { readFile, realpath } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
};

export const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** Whether `file` is `root` itself or lies under it. */
function inside(root: string, file: string): boolean {
  const path = relative(root, file);
  return path !== '' && path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path);
}

/** The file `pathname` names under `root` (its real path, and that path from the root), or null when none may be served. */
async function fileFor(root: string, pathname: string): Promise<{ file: string; name: string } | null> {
  let name: string;
  try {
    name = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
  } catch {
    return null; // malformed percent-encoding
  }
  if (name.includes('\0')) return null;
  const base = resolve(root);
  const file = resolve(base, name);
  if (!inside(base, file)) return null;
  try {
    const [realBase, realFile] = await Promise.all([realpath(base), realpath(file)]);
    return inside(realBase, realFile) ? { file: realFile, name: relative(realBase, realFile) } : null;
  } catch {
    return null; // no such file
  }
}

/** Answers a GET for a file under `root`; false when there is no such file (the caller answers 404). */
export async function serveStatic(
  root: string,
  pathname: string,
  response: ServerResponse,
): Promise<boolean> {
  const found = await fileFor(root, pathname);
  if (found === null) return false;
  const { file, name } = found;
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return false; // a directory, or gone since
  }
  response.writeHead(200, {
    'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'cache-control': name === 'index.html' ? 'no-store' : 'public, max-age=3600',
  });
  response.end(body);
  return true;
}
