// The account's counters, small beside its name: trades today and losing trades in a row.
import { useShallow } from 'zustand/react/shallow';
import { selectAccount, useView } from '../../state';

export function AccountCounters({ accountId }: { accountId: string }) {
  const c = useView(
    useShallow((s) => {
      const metrics = selectAccount(accountId)(s)?.metrics;
      return { trades: metrics?.tradesToday ?? null, losses: metrics?.consecutiveLosses ?? null };
    }),
  );
  return (
    <p className="counters">
      <span>
        <span className="num counter-value" data-testid="metric-tradesToday">
          {c.trades ?? '—'}
        </span>{' '}
        {c.trades === 1 ? 'trade' : 'trades'} today
      </span>
      <span>
        <span className="num counter-value" data-testid="metric-consecutiveLosses">
          {c.losses ?? '—'}
        </span>{' '}
        {c.losses === 1 ? 'loss' : 'losses'} in a row
      </span>
    </p>
  );
}
