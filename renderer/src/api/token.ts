// The `warden serve` access token: taken from the page URL's `?token=` and kept in sessionStorage, so a reload
// of the same tab without it still connects.
export const TOKEN_STORAGE_KEY = 'warden.token';

type TokenStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The token from the URL query if present (remembered), else the remembered one, else null. */
export function resolveToken(search: string, storage: TokenStorage | null): string | null {
  const fromUrl = new URLSearchParams(search).get('token');
  if (fromUrl !== null && fromUrl !== '') {
    try {
      storage?.setItem(TOKEN_STORAGE_KEY, fromUrl);
    } catch {
      // Storage can be disabled (privacy mode); the token still works for this page load.
    }
    return fromUrl;
  }
  try {
    return storage?.getItem(TOKEN_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

/** The WebSocket URL of the host that served the page. */
export function webSocketUrl(location: Pick<Location, 'protocol' | 'host'>, token: string | null): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`;
  return `${scheme}://${location.host}/ws${query}`;
}
