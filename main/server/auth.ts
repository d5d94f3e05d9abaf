// Access control for `warden serve`: a bearer token (header, ?token= on the page URL, or the cookie the page
// URL sets), compared in constant time; Host and Origin checks against DNS rebinding and cross-site sockets.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'warden_token';

export function generateToken(): string {
  return randomBytes(24).toString('base64url');
}

/** The token to require: the one set (WARDEN_TOKEN), else a fresh one. A blank one counts as unset: it would
 * make `?token=` with no value a valid login. */
export function serverToken(configured: string | undefined): string {
  const token = configured?.trim() ?? '';
  return token === '' ? generateToken() : token;
}

/** Compares digests in constant time, so neither the bytes nor the length of the token leak through timing. */
export function sameToken(presented: string, token: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(token));
}

function cookieToken(request: IncomingMessage): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/** The token a request presents, from wherever it carries it. */
export function presentedToken(request: IncomingMessage, url: URL): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ') === true) return header.slice('Bearer '.length).trim();
  return url.searchParams.get('token') ?? cookieToken(request);
}

export function isAuthorized(request: IncomingMessage, url: URL, token: string): boolean {
  const presented = presentedToken(request, url);
  return presented !== null && sameToken(presented, token);
}

export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;
}

/**
 * Only names that can reach this server may be used as Host: a rebinding page's own domain is refused. Bound to
 * every address (0.0.0.0 or ::), any name can reach it, so then only the token stands (docs/SECURITY.md).
 */
export function allowedHost(hostHeader: string | undefined, listenHost: string): boolean {
  if (hostHeader === undefined) return false;
  const name = hostHeader.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  const local = ['127.0.0.1', 'localhost', '::1'];
  if (local.includes(name)) return true;
  return (
    listenHost !== '127.0.0.1' &&
    listenHost !== 'localhost' &&
    (listenHost === '0.0.0.0' || listenHost === '::' || name === listenHost)
  );
}

/** A WebSocket may come from our own page only (or a non-browser client that sends no Origin). */
export function allowedOrigin(origin: string | undefined, hostHeader: string | undefined): boolean {
  if (origin === undefined) return true;
  return sameHost(origin, hostHeader);
}

/**
 * A state-changing request must come from our own page: its `Origin` (or, when a browser sent none, its
 * `Referer`) must name this server. The token cookie is `SameSite=Strict`, but a page on another port of the
 * same machine is the same *site*, so the cookie alone does not prove the request is ours. A client that sends
 * neither header is not a browser page (curl, a script): the token is its proof.
 */
export function sameOriginRequest(request: IncomingMessage): boolean {
  const { origin, referer, host } = request.headers;
  if (origin !== undefined) return sameHost(origin, host);
  if (referer !== undefined) return sameHost(referer, host);
  return true;
}

function sameHost(address: string, hostHeader: string | undefined): boolean {
  try {
    const url = new URL(address);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === hostHeader;
  } catch {
    return false;
  }
}
