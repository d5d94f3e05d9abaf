// The Electron host: the preload bridge already is a WardenApi, and its link never drops while the window lives.
import type { WardenApi } from '../../../shared/ipc';
import type { HostApi, LinkStatus } from './host-api';

/** Wraps the preload bridge; each call is delegated so the bridge object itself is never copied or mutated. */
export function fromBridge(bridge: WardenApi): HostApi {
  const open: LinkStatus = { kind: 'open' };
  return {
    placeOrder: (args) => bridge.placeOrder(args),
    cancelOrder: (args) => bridge.cancelOrder(args),
    closePosition: (args) => bridge.closePosition(args),
    flatten: (args) => bridge.flatten(args),
    lock: (args) => bridge.lock(args),
    resetLock: (args) => bridge.resetLock(args),
    setDemo: (args) => bridge.setDemo(args),
    getState: (args) => bridge.getState(args),
    onState: (listener) => bridge.onState(listener),
    onAlert: (listener) => bridge.onAlert(listener),
    link: () => open,
    onLink: () => () => undefined,
    close: () => undefined,
  };
}
