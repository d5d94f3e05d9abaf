// The header's chip saying where open P&L comes from (for a broker that says: Tradovate), its age ticking on the
// core's clock between pushes. "Live" only while connected: without a connection nothing is live.
import { useView } from '../../state';
import { useNow } from '../../lib/use-now';
import { pnlSourceChip } from './pnl-source';
import './pnl-source.css';

export function PnlSource() {
  const source = useView((s) => s.view?.connection.pnlSource ?? null);
  const connected = useView((s) => s.view?.connection.status === 'connected');
  const offset = useView((s) => s.clockOffsetMs);
  const now = useNow(1000);
  if (source === null || (source.source === 'quotes' && !connected)) return null;
  const chip = pnlSourceChip(source, now + offset);
  return (
    <span className={`pnl-source pnl-source-${chip.tone}`} data-testid="pnl-source" title={chip.title}>
      {chip.text}
    </span>
  );
}
