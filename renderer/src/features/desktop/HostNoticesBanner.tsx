// The desktop host's standing problems (notifications that cannot reach the trader, no tray, no shortcut...), each
// a banner under the header until the host clears it: a critical one is announced at once, a warning politely.
import { useHostNotices } from './use-desktop';
import './desktop.css';

export function HostNoticesBanner() {
  const notices = useHostNotices();
  if (notices.length === 0) return null;
  return (
    <div className="host-notices" data-testid="host-notices">
      {notices.map((notice) => {
        const critical = notice.level === 'critical';
        return (
          <div
            key={notice.id}
            className={`banner host-notice ${critical ? 'banner-bad' : 'banner-warn'}`}
            role={critical ? 'alert' : 'status'}
            data-testid={`host-notice-${notice.id}`}
          >
            <strong className="host-notice-title">{notice.title}</strong>{' '}
            <span className="host-notice-message">{notice.message}</span>
            {notice.fix !== undefined ? <span className="host-notice-fix">{notice.fix}</span> : null}
          </div>
        );
      })}
    </div>
  );
}
