// The core's clock, advanced locally between pushes so it ticks smoothly.
import { useView } from '../../state';
import { useNow } from '../../lib/use-now';
import { formatClock } from '../../lib/format';

export function ServerClock() {
  const hasTime = useView((s) => s.view !== null);
  const offset = useView((s) => s.clockOffsetMs);
  const now = useNow(1000);
  if (!hasTime) return null;
  const serverNow = now + offset;
  return (
    <div className="clock" data-testid="server-time" title={new Date(serverNow).toISOString()}>
      <span className="clock-label">Server</span>
      <time className="num" dateTime={new Date(serverNow).toISOString()}>
        {formatClock(serverNow)}
      </time>
    </div>
  );
}
