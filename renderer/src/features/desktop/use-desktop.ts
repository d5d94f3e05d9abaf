// The desktop app's extras (standing notices, open-account requests, the test notification), read from the host
// in the context. Only the Electron host has them: under `warden serve` these hooks find nothing.
import { useEffect, useState } from 'react';
import type { DesktopExtras, HostNotice, WardenApi } from '../../../../shared/ipc';
import type { HostApi } from '../../api';
import { useApi } from '../../state';

/** The host's desktop extras, when it has them. */
export function desktopOf(api: WardenApi): DesktopExtras | undefined {
  // The context holds the whole HostApi (app/main.tsx); only the Electron bridge's carries `desktop`.
  return (api as Partial<HostApi>).desktop;
}

export function useDesktop(): DesktopExtras | undefined {
  return desktopOf(useApi());
}

/** The host's standing notices (none outside the desktop app), kept current. */
export function useHostNotices(): HostNotice[] {
  const desktop = useDesktop();
  const [notices, setNotices] = useState<HostNotice[]>([]);
  useEffect(() => {
    if (desktop === undefined) return undefined;
    const unsubscribe = desktop.onNotices(setNotices);
    return () => {
      unsubscribe();
      setNotices([]);
    };
  }, [desktop]);
  return notices;
}
