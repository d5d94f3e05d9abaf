// Says plainly when the screen is not connected to Warden: reconnecting, or refused for a bad token.
import { useLink } from '../../state';
import { UNAUTHORIZED_MESSAGE } from '../../api';

export function LinkBanner() {
  const status = useLink((s) => s.status);
  switch (status.kind) {
    case 'open':
      return null;
    case 'connecting':
      return (
        <div className="banner banner-warn" role="status" data-testid="link-banner">
          Connecting to Warden…
        </div>
      );
    case 'reconnecting':
      return (
        <div className="banner banner-warn" role="alert" data-testid="link-banner">
          <strong>Reconnecting to Warden…</strong> The figures below are frozen and may be out of date
          (attempt {status.attempt}).
        </div>
      );
    case 'unauthorized':
      return (
        <div className="banner banner-bad" role="alert" data-testid="link-banner">
          {UNAUTHORIZED_MESSAGE}
        </div>
      );
    case 'closed':
      return (
        <div className="banner banner-bad" role="alert" data-testid="link-banner">
          Disconnected from Warden. Reload the page to connect again.
        </div>
      );
  }
}
