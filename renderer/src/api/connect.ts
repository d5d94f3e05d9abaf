// Picks the host: the Electron preload bridge when present, else the WebSocket of `warden serve` that served
// this page. The only place in the renderer that looks at `window.warden`, `location` or sessionStorage.
import { fromBridge, type WardenBridge } from './bridge-api';
import type { HostApi } from './host-api';
import { resolveToken, webSocketUrl } from './token';
import { createWsApi } from './ws-api';

type WindowWithBridge = Window & { warden?: WardenBridge };

function sessionStorageOrNull(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** True inside the Electron app (its preload bridge is present). */
export function isDesktopHost(): boolean {
  return (window as WindowWithBridge).warden !== undefined;
}

export function connectToHost(): HostApi {
  const bridge = (window as WindowWithBridge).warden;
  if (bridge !== undefined) return fromBridge(bridge);
  const token = resolveToken(window.location.search, sessionStorageOrNull());
  return createWsApi({ url: webSocketUrl(window.location, token) });
}
