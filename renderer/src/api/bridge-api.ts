// The Electron host: the preload bridge already is a WardenApi, and its link never drops while the window lives.
import { commandNames, type CommandName, type DesktopExtras, type WardenApi } from '../../../shared/ipc';
import type { HostApi, LinkStatus } from './host-api';

/** `window.warden` in the desktop app: the contract plus the desktop's extras. */
export type WardenBridge = WardenApi & { desktop?: DesktopExtras };

/** One delegating function per command of the contract. */
function commandsOf(bridge: WardenApi): Pick<WardenApi, CommandName> {
  const entries = commandNames.map((name) => [name, (args: never) => bridge[name](args)] as const);
  return Object.fromEntries(entries) as unknown as Pick<WardenApi, CommandName>;
}

/** Wraps the preload bridge; each call is delegated so the bridge object itself is never copied or mutated. */
export function fromBridge(bridge: WardenBridge): HostApi {
  const open: LinkStatus = { kind: 'open' };
  const desktop = bridge.desktop;
  return {
    ...(desktop === undefined ? {} : { desktop: desktopOf(desktop) }),
    ...commandsOf(bridge),
    onState: (listener) => bridge.onState(listener),
    onAlerts: (listener) => bridge.onAlerts(listener),
    onAlert: (listener) => bridge.onAlert(listener),
    link: () => open,
    onLink: () => () => undefined,
    close: () => undefined,
  };
}

function desktopOf(desktop: DesktopExtras): DesktopExtras {
  return {
    onNotices: (listener) => desktop.onNotices(listener),
    onOpenAccount: (listener) => desktop.onOpenAccount(listener),
    testNotification: () => desktop.testNotification(),
  };
}
