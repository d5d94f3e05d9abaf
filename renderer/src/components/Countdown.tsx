// Time left until an instant, ticking each second on the core's clock (local time + measured offset).
import { useNow } from '../lib/use-now';
import { formatCountdown } from '../lib/format';

type CountdownProps = { until: string; clockOffsetMs: number; testId?: string };

export function Countdown({ until, clockOffsetMs, testId }: CountdownProps) {
  const now = useNow(1000);
  const target = Date.parse(until);
  if (Number.isNaN(target)) return <span data-testid={testId}>{until}</span>;
  return (
    <time className="num" dateTime={until} data-testid={testId}>
      {formatCountdown(target - (now + clockOffsetMs))}
    </time>
  );
}
