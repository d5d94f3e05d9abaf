// Notifications in the side column: a test notification (native in the desktop app, the browser's own under
// `warden serve`) with its outcome, and how to let Warden through the system's quiet modes.
import { useState } from 'react';
import type { DesktopExtras, TestNotificationResult } from '../../../../shared/ipc';
import { useDesktop } from './use-desktop';
import './desktop.css';

export const TEST_TITLE = 'Warden test notification';
export const SENT_MESSAGE = 'Sent: check that it appeared';
const TEST_BODY = "If you can read this, Warden's alerts can reach you.";

/** The browser's notification, asking for permission first when it has not been asked. */
export async function browserTestNotification(): Promise<TestNotificationResult> {
  if (typeof Notification === 'undefined') return { ok: false, error: 'this browser has no notifications' };
  let permission = Notification.permission;
  if (permission === 'default') permission = await Notification.requestPermission();
  if (permission !== 'granted')
    return {
      ok: false,
      error: "notifications are blocked for this page: allow them in the browser's site settings",
    };
  try {
    new Notification(TEST_TITLE, { body: TEST_BODY, tag: 'warden-test' });
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

async function runTest(desktop: DesktopExtras | undefined): Promise<TestNotificationResult> {
  try {
    return await (desktop === undefined ? browserTestNotification() : desktop.testNotification());
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Shown in the desktop app and in a browser host; nothing elsewhere. */
export function NotificationSettings({ browserHost = false }: { browserHost?: boolean }) {
  const desktop = useDesktop();
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<TestNotificationResult | null>(null);
  if (desktop === undefined && !browserHost) return null;
  const test = (): void => {
    setPending(true);
    setOutcome(null);
    void runTest(desktop).then((result) => {
      setPending(false);
      setOutcome(result);
    });
  };
  return (
    <section
      className="panel notification-settings"
      aria-labelledby="notification-settings-title"
      data-testid="notification-settings"
    >
      <div className="panel-head">
        <h2 id="notification-settings-title" className="panel-title">
          Notifications
        </h2>
        <button
          type="button"
          className="btn btn-quiet"
          data-testid="test-notification"
          disabled={pending}
          aria-busy={pending}
          onClick={test}
        >
          Test notification
        </button>
      </div>
      {outcome === null ? null : (
        <p
          className={`notification-outcome notification-outcome-${outcome.ok ? 'ok' : 'bad'}`}
          role="status"
          data-testid="test-notification-outcome"
        >
          {outcome.ok ? SENT_MESSAGE : `Not shown: ${outcome.error}`}
        </p>
      )}
      <NotificationHelp browserHost={desktop === undefined} />
    </section>
  );
}

function NotificationHelp({ browserHost }: { browserHost: boolean }) {
  return (
    <details className="notification-help" data-testid="notification-help">
      <summary>Not seeing notifications?</summary>
      <ul>
        {browserHost ? (
          <li>
            <strong>Browser:</strong> allow notifications for this page in the browser&apos;s site settings,
            and for the browser itself in the system settings below.
          </li>
        ) : null}
        <li>
          <strong>Windows:</strong> Settings &gt; System &gt; Notifications: turn notifications on and allow
          Warden. Focus Assist / Do Not Disturb holds them back: add Warden to its priority list (Set priority
          notifications) or turn it off while trading.
        </li>
        <li>
          <strong>macOS:</strong> System Settings &gt; Notifications &gt; Warden: allow notifications, as
          Alerts so they stay on screen. Then System Settings &gt; Focus: in each Focus you use, add Warden to
          the allowed apps.
        </li>
        <li>
          <strong>Linux:</strong> turn Do Not Disturb off in your desktop&apos;s notification settings (GNOME:
          Settings &gt; Notifications; KDE: System Settings &gt; Notifications), or let Warden through.
        </li>
      </ul>
    </details>
  );
}
