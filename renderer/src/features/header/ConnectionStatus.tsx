// Broker connection as the core reports it, plus how fresh the picture is: a silent feed is shown as stale.
import { useShallow } from 'zustand/react/shallow';
import { useView } from '../../state';
import { useNow } from '../../lib/use-now';

/** No push for this long while the link is up means the numbers on screen may be old. */
export const STALE_AFTER_MS = 3000;

export function ConnectionStatus() {
  const { broker, status, detail, receivedAt } = useView(
    useShallow((s) => ({
      broker: s.view?.connection.broker ?? null,
      status: s.view?.connection.status ?? null,
      detail: s.view?.connection.detail ?? null,
      receivedAt: s.receivedAt,
    })),
  );
  const now = useNow(1000);
  if (status === null) {
    return (
      <div className="conn conn-wait" data-testid="connection-status">
        <span className="dot" aria-hidden="true" /> waiting for state
      </div>
    );
  }
  const stale = receivedAt !== null && now - receivedAt > STALE_AFTER_MS;
  const tone = status === 'connected' ? (stale ? 'warn' : 'ok') : status === 'disconnected' ? 'bad' : 'warn';
  return (
    <div className={`conn conn-${tone}`} data-testid="connection-status" title={detail ?? undefined}>
      <span className="dot" aria-hidden="true" />
      <span className="conn-broker">{broker}</span>
      <span className="conn-word">{status}</span>
      {stale ? (
        <span className="conn-stale">· no update for {Math.round((now - receivedAt) / 1000)} s</span>
      ) : null}
    </div>
  );
}
