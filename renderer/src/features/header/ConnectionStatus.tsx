// Broker connection as the core reports it, and whether that report is live: with the link to Warden down or
// the feed silent, the last known status is shown as such.
import { useShallow } from 'zustand/react/shallow';
import { useView } from '../../state';
import { useFreshness } from '../../lib/use-freshness';

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
  const tone = status === 'disconnected' ? 'bad' : status !== 'connected' || stale ? 'warn' : 'ok';
  let note: string | null = null;
  if (!linkOpen) note = '· last known — link to Warden lost';
  else if (stale && silentForMs !== null) note = `· no update for ${Math.round(silentForMs / 1000)} s`;
  return (
    <div className={`conn conn-${tone}`} data-testid="connection-status" title={detail ?? undefined}>
      <span className="dot" aria-hidden="true" />
      <span className="conn-broker">{broker}</span>
      <span className="conn-word">{status}</span>
      {detail !== null && status !== 'connected' ? <span className="conn-detail">({detail})</span> : null}
      {note !== null ? <span className="conn-stale">{note}</span> : null}
    </div>
  );
}
