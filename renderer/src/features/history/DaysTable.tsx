// The per-day summary: net P&L (coloured), the largest sampled drawdown, trades and breaches per account and day.
import { EmptyState } from '../../components/EmptyState';
import { Money } from '../../components/Money';
import type { DaySummaryView } from '../../../../shared/ipc';
import { ColumnHeaders, type Column } from '../../components/ColumnHeaders';

const dayColumns: readonly Column[] = [
  { label: 'Day' },
  { label: 'Account' },
  { label: 'Net P&L', align: 'right' },
  { label: 'Max drawdown', align: 'right' },
  { label: 'Trades', align: 'right' },
  { label: 'Breaches', align: 'right' },
];

export function DaysTable({ days }: { days: readonly DaySummaryView[] }) {
  if (days.length === 0)
    return <EmptyState text="No trading days in this range" testId="history-days-empty" />;
  return (
    <table className="grid history-grid" data-testid="history-days-table">
      <caption>Per-day summary</caption>
      <ColumnHeaders columns={dayColumns} />
      <tbody>
        {days.map((day) => (
          <tr key={`${day.day}-${day.account}`} data-testid="history-day-row">
            <th scope="row">{day.day}</th>
            <td>{day.account}</td>
            <td className="right">
              <Money value={day.netPnl} pnl />
            </td>
            <td className="right">
              <Money value={day.maxDrawdown} />
            </td>
            <td className="right num">{day.trades}</td>
            <td className={day.breaches > 0 ? 'right num history-breaches' : 'right num'}>{day.breaches}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
