// The Electron host: the preload bridge already is a WardenApi, and its link never drops while the window lives.
import { commandNames, type CommandName, type WardenApi } from '../../../shared/ipc';
import type { HostApi, LinkStatus } from './host-api';

/** One delegating function per command of the contract. */
function commandsOf(bridge: WardenApi): Pick<WardenApi, CommandName> {
  const entries = commandNames.map((name) => [name, (args: never) => bridge[name](args)] as const);
  return Object.fromEntries(entries) as unknown as Pick<WardenApi, CommandName>;
}

/** Wraps the preload bridge; each call is delegated so the bridge object itself is never copied or mutated. */
export function fromBridge(bridge: WardenApi): HostApi {
  const open: LinkStatus = { kind: 'open' };
  return {
    ...commandsOf(bridge),
    onState: (listener) => bridge.onState(listener),
    onAlerts: (listener) => bridge.onAlerts(listener),
    onAlert: (listener) => bridge.onAlert(listener),
    link: () => open,
    onLink: () => () => undefined,
    close: () => undefined,
  };
}
