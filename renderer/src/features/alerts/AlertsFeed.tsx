// What Warden has told the trader, newest first; the level sets the colour (info quiet, warning amber,
// critical red).
import { useShallow } from 'zustand/react/shallow';
import { EmptyState } from '../../components/EmptyState';
import { formatClock } from '../../lib/format';
import { useAlerts, useView } from '../../state';
import { BrowserNotificationsButton, SoundToggle } from './SoundToggle';

const SHOWN = 50;

export function AlertsFeed({ browserHost = false }: { browserHost?: boolean }) {
  const alerts = useAlerts((s) => s.alerts);
  const idsAndNames = useView(useShallow((s) => s.view?.accounts.flatMap((a) => [a.id, a.name]) ?? []));
  const nameOf = (id: string): string => {
    const index = idsAndNames.findIndex((value, i) => i % 2 === 0 && value === id);
    return index < 0 ? id : (idsAndNames[index + 1] ?? id);
  };
  return (
    <section className="panel alerts" aria-labelledby="alerts-title">
      <div className="panel-head">
        <h2 id="alerts-title" className="panel-title">
          Alerts
        </h2>
        {browserHost ? <BrowserNotificationsButton /> : null}
        <SoundToggle />
      </div>
      {alerts.length === 0 ? (
        <EmptyState text="Nothing to report" testId="alerts-empty" />
      ) : (
        <ol className="alert-list" data-testid="alerts-feed" aria-live="polite">
          {alerts.slice(0, SHOWN).map((alert) => (
            <li key={alert.id} className={`alert alert-${alert.level}`} data-testid={`alert-${alert.id}`}>
              <div className="alert-meta">
                <time className="num" dateTime={alert.t}>
                  {formatClock(alert.t)}
                </time>
                <span className="alert-level">{alert.level}</span>
                {alert.account !== null ? (
                  <span className="alert-account">{nameOf(alert.account)}</span>
                ) : null}
              </div>
              <div className="alert-title">{alert.title}</div>
              {alert.message !== '' ? <div className="alert-message">{alert.message}</div> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
