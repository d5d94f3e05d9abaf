// The account's daily net P&L sampled around a breach: the figures at and after it, the low, a small line chart
// (described in text for screen readers) and a table of evenly spaced samples.
import { Money } from '../../components/Money';
import { EmptyState } from '../../components/EmptyState';
import { formatClock } from '../../lib/format';
import type { EquityPointView, TimelineEntryView } from '../../../../shared/ipc';
import { equityAround, thin } from './timeline';
import { ColumnHeaders, type Column } from '../../components/ColumnHeaders';

const WIDTH = 480;
const HEIGHT = 90;
/** Room at the edges, so a dot at the low or at the last sample is not cut in half. */
const PAD = 5;

function Sparkline({ points, breachAt }: { points: readonly EquityPointView[]; breachAt: number }) {
  const times = points.map((p) => Date.parse(p.t));
  const values = points.map((p) => Number(p.dailyNetPnl));
  const t0 = Math.min(...times, breachAt);
  const t1 = Math.max(...times, breachAt);
  const v0 = Math.min(...values, 0);
  const v1 = Math.max(...values, 0);
  const x = (t: number) => (t1 === t0 ? WIDTH / 2 : PAD + ((t - t0) / (t1 - t0)) * (WIDTH - 2 * PAD));
  const y = (v: number) =>
    v1 === v0 ? HEIGHT / 2 : HEIGHT - PAD - ((v - v0) / (v1 - v0)) * (HEIGHT - 2 * PAD);
  const path = points
    .map((_, i) => `${i === 0 ? 'M' : 'L'}${x(times[i] ?? 0).toFixed(1)},${y(values[i] ?? 0).toFixed(1)}`)
    .join(' ');
  return (
    <svg
      className="history-spark"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      aria-hidden="true"
      data-testid="breach-spark"
    >
      <line x1={0} x2={WIDTH} y1={y(0)} y2={y(0)} className="history-spark-zero" />
      <line x1={x(breachAt)} x2={x(breachAt)} y1={0} y2={HEIGHT} className="history-spark-breach" />
      <path d={path} className="history-spark-line" />
      {points.length < 3
        ? points.map((point, i) => (
            <circle
              key={point.t}
              cx={x(times[i] ?? 0)}
              cy={y(values[i] ?? 0)}
              r={3}
              className="history-spark-dot"
            />
          ))
        : null}
    </svg>
  );
}

const sampleColumns: readonly Column[] = [
  { label: 'Time' },
  { label: 'Equity', align: 'right' },
  { label: 'Day net P&L', align: 'right' },
];

export function EquityAround({
  entry,
  equity,
}: {
  entry: TimelineEntryView;
  equity: readonly EquityPointView[] | undefined;
}) {
  if (equity === undefined)
    return (
      <EmptyState
        text="Choose one account to see its P&L sampled around the breach"
        testId="breach-equity-none"
      />
    );
  const around = equityAround(entry, equity);
  if (around.points.length === 0)
    return <EmptyState text="No P&L samples around the breach" testId="breach-equity-none" />;
  const rows = thin(around.points, 13);
  return (
    <div className="history-equity" data-testid="breach-equity">
      <dl className="history-breach-facts">
        <div>
          <dt>Day P&amp;L at the breach</dt>
          <dd data-testid="breach-equity-at">
            {around.atBreach === null ? '—' : <Money value={around.atBreach.dailyNetPnl} pnl />}
          </dd>
        </div>
        <div>
          <dt>Next sample</dt>
          <dd data-testid="breach-equity-after">
            {around.afterBreach === null ? '—' : <Money value={around.afterBreach.dailyNetPnl} pnl />}
          </dd>
        </div>
        <div>
          <dt>Lowest in the window</dt>
          <dd data-testid="breach-equity-low">
            {around.low === null ? '—' : <Money value={around.low.dailyNetPnl} pnl />}
          </dd>
        </div>
      </dl>
      <Sparkline points={around.points} breachAt={Date.parse(entry.t)} />
      <table className="grid history-grid" data-testid="breach-equity-table">
        <caption>
          Day P&amp;L sampled around the breach ({around.points.length}{' '}
          {around.points.length === 1 ? 'sample' : 'samples'}, {rows.length} shown)
        </caption>
        <ColumnHeaders columns={sampleColumns} />
        <tbody>
          {rows.map((point) => (
            <tr
              key={point.t}
              className={Date.parse(point.t) > Date.parse(entry.t) ? 'history-after' : undefined}
            >
              <td className="num">
                <time dateTime={point.t}>{formatClock(point.t)}</time>
              </td>
              <td className="right">
                <Money value={point.equity} />
              </td>
              <td className="right">
                <Money value={point.dailyNetPnl} pnl />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
