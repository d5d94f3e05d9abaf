// The critical-alert sound switch (remembered), and in the browser the permission for notifications.
import { useState } from 'react';
import { useSound } from '../../state';

export function SoundToggle() {
  const muted = useSound((s) => s.muted);
  const setMuted = useSound((s) => s.setMuted);
  return (
    <button
      type="button"
      className="btn btn-quiet"
      aria-pressed={!muted}
      data-testid="sound-toggle"
      onClick={() => {
        setMuted(!muted);
      }}
    >
      {muted ? 'Sound off' : 'Sound on'}
    </button>
  );
}

/** Shown only in a browser that has not been asked yet; the desktop app notifies natively. */
export function BrowserNotificationsButton() {
  const [permission, setPermission] = useState(() =>
    typeof Notification === 'undefined' ? 'unsupported' : Notification.permission,
  );
  if (permission !== 'default') return null;
  return (
    <button
      type="button"
      className="btn btn-quiet"
      data-testid="enable-notifications"
      onClick={() => {
        void Notification.requestPermission().then(setPermission);
      }}
    >
      Enable notifications
    </button>
  );
}
