// What the UI holds of its host: the typed contract (WardenApi) plus the state of the link to the host, which
// the contract itself does not describe (a WebSocket can drop and come back; the Electron bridge cannot).
import type { DesktopExtras, WardenApi } from '../../../shared/ipc';

export type LinkStatus =
  | { kind: 'connecting' }
  | { kind: 'open' }
  | { kind: 'reconnecting'; attempt: number; retryInMs: number }
  | { kind: 'unauthorized' }
  | { kind: 'closed' };

export type HostApi = WardenApi & {
  link(): LinkStatus;
  /** Calls the listener with every change of the link (not with the current one). Returns the unsubscribe. */
  onLink(listener: (status: LinkStatus) => void): () => void;
  /** Stops the link for good (no reconnect); pending requests fail. */
  close(): void;
  /** Only in the desktop app: its standing notices, open-account requests and the test notification. */
  desktop?: DesktopExtras;
};

export const UNAUTHORIZED_MESSAGE = 'Access token missing or wrong — open the URL printed by `warden serve`';

/** The close code `warden serve` uses for a missing or wrong token. */
export const CLOSE_UNAUTHORIZED = 4401;
