// What only the desktop app adds to the contract: the host's standing notices (a notification that cannot reach
// the trader, no tray, no flatten shortcut, an unsafe keychain...), a request to open one account (a notification
// clicked) and a test notification. `warden serve` has none of these: the browser does its own notifying.

/** A standing problem of the desktop host that the trader must know about, until it is cleared. */
export type HostNotice = {
  /** Stable per kind of problem ("notifications", "tray", "shortcut", "keychain", ...): a new one replaces it. */
  id: string;
  level: 'warning' | 'critical';
  title: string;
  message: string;
  /** What the trader can do about it, when there is something. */
  fix?: string;
};

export type TestNotificationResult = { ok: true } | { ok: false; error: string };

/** `window.warden.desktop` in the Electron app. */
export type DesktopExtras = {
  /** The current notices, at once and on every change (an empty list when all is well). */
  onNotices(listener: (notices: HostNotice[]) => void): () => void;
  /** A notification about this account was clicked: show it. */
  onOpenAccount(listener: (accountId: string) => void): () => void;
  /** Shows a notification now, so the trader can check that the OS lets Warden's through. */
  testNotification(): Promise<TestNotificationResult>;
};
