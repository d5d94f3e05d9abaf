// The renderer's one door to the host (Electron bridge or `warden serve` WebSocket).
export { connectToHost, isDesktopHost } from './connect';
export { createWsApi, webSocketFactory } from './ws-api';
export type { SocketFactory, SocketHandle, SocketHandlers, WsApiOptions } from './ws-api';
export { fromBridge } from './bridge-api';
export { resolveToken, webSocketUrl, TOKEN_STORAGE_KEY } from './token';
export { CLOSE_UNAUTHORIZED, UNAUTHORIZED_MESSAGE } from './host-api';
export type { HostApi, LinkStatus } from './host-api';
