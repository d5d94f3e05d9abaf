// An account's money figures: day P&L first and largest, then the rest; each value carries `metric-<id>`.
import { useShallow } from 'zustand/react/shallow';
import type { AccountMetricsView } from '../../../../shared/ipc';
import { Money } from '../../components/Money';
import { selectAccount, useView } from '../../state';
import { roomAbove } from './room-above';

type MoneyMetricId =
  | 'dailyNetPnl'
  | 'equity'
  | 'balance'
  | 'unrealizedPnl'
  | 'dailyRealizedPnl'
  | 'dailyDrawdown'
  | 'weeklyNetPnl';
type MoneyMetric = { id: MoneyMetricId; label: string; pnl: boolean; hero?: boolean };

const moneyMetrics: MoneyMetric[] = [
  { id: 'dailyNetPnl', label: 'Day P&L net', pnl: true, hero: true },
  { id: 'equity', label: 'Equity', pnl: false },
  { id: 'balance', label: 'Balance', pnl: false },
  { id: 'unrealizedPnl', label: 'Unrealized', pnl: true },
  { id: 'dailyRealizedPnl', label: 'Realized today', pnl: true },
  { id: 'dailyDrawdown', label: 'Day drawdown', pnl: false },
  { id: 'weeklyNetPnl', label: 'Week P&L net', pnl: true },
];

const noMetrics: Partial<AccountMetricsView> = {};

export function MetricsGrid({ accountId }: { accountId: string }) {
  const metrics = useView(useShallow((s) => selectAccount(accountId)(s)?.metrics ?? noMetrics));
  const threshold = metrics.trailingThreshold ?? null;
  return (
    <dl className="metrics">
      {moneyMetrics.map(({ id, label, pnl, hero }) => (
        <div key={id} className={hero === true ? 'metric metric-hero' : 'metric'}>
          <dt>{label}</dt>
          <dd>
            <Money value={metrics[id]} pnl={pnl} testId={`metric-${id}`} />
          </dd>
        </div>
      ))}
      {threshold !== null ? (
        <>
          <div className="metric">
            <dt>Trailing threshold</dt>
            <dd>
              <Money value={threshold} testId="metric-trailingThreshold" />
            </dd>
          </div>
          <div className="metric">
            <dt>Room to threshold</dt>
            <dd>
              <Money value={roomAbove(metrics.equity, threshold)} testId="metric-trailingRoom" />
            </dd>
          </div>
        </>
      ) : null}
    </dl>
  );
}
