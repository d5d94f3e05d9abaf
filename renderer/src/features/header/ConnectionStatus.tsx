// Broker connection as the core reports it, in plain states (not connected, login failed, market data not
// entitled, reconnecting) with the reason, and whether that report is live: with the link to Warden down or the
// feed silent, the last known status is shown as such.
import { useShallow } from 'zustand/react/shallow';
import { useView } from '../../state';
import { useFreshness } from '../../lib/use-freshness';
import { connectionState } from './connection-state';

export function ConnectionStatus() {
  const { broker, status, detail } = useView(
    useShallow((s) => ({
      broker: s.view?.connection.broker ?? null,
      status: s.view?.connection.status ?? null,
      detail: s.view?.connection.detail ?? null,
    })),
  );
  const { linkOpen, stale, silentForMs } = useFreshness();
  if (status === null) {
    return (
      <div className="conn conn-wait" data-testid="connection-status">
        <span className="dot" aria-hidden="true" /> waiting for state
      </div>
    );
  }
  const shown = connectionState({ broker: broker ?? '', status, detail });
  const tone = shown.tone === 'ok' && stale ? 'warn' : shown.tone;
  let note: string | null = null;
  if (!linkOpen) note = '· last known — link to Warden lost';
  else if (stale && silentForMs !== null) note = `· no update for ${Math.round(silentForMs / 1000)} s`;
  return (
    <div
      className={`conn conn-${tone}`}
      data-testid="connection-status"
      data-state={shown.kind}
      title={detail ?? undefined}
    >
      <span className="dot" aria-hidden="true" />
      <span className="conn-broker">{broker}</span>
      <span className="conn-word" data-testid="connection-label">
        {shown.label}
      </span>
      {shown.reason !== null ? (
        <span className="conn-detail" data-testid="connection-reason">
          ({shown.reason})
        </span>
      ) : null}
      {note !== null ? <span className="conn-stale">{note}</span> : null}
    </div>
  );
}
