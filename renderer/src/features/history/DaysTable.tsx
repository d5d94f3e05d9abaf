// The per-day summary: net P&L (coloured), the day's share of the account's total (the consistency a firm
// measures, as the core computes it), the largest sampled drawdown, trades and breaches per account and day; for a
// group, first the group's totals per day (summed exactly by the core).
import { EmptyState } from '../../components/EmptyState';
import { Money } from '../../components/Money';
import type { DaySummaryView, GroupDaySummaryView } from '../../../../shared/ipc';
import { ColumnHeaders, type Column } from '../../components/ColumnHeaders';
import { MISSING } from '../../lib/format';

const dayColumns: readonly Column[] = [
  { label: 'Day' },
  { label: 'Account' },
  { label: 'Net P&L', align: 'right' },
  { label: 'Share', align: 'right' },
  { label: 'Max drawdown', align: 'right' },
  { label: 'Trades', align: 'right' },
  { label: 'Breaches', align: 'right' },
];

const groupColumns: readonly Column[] = [
  { label: 'Day' },
  { label: 'Group' },
  { label: 'Net P&L', align: 'right' },
  { label: 'Trades', align: 'right' },
  { label: 'Breaches', align: 'right' },
];

type DaysTableProps = {
  days: readonly DaySummaryView[];
  /** With a group chosen: its totals per day. */
  groupDays?: readonly GroupDaySummaryView[] | undefined;
};

export function DaysTable({ days, groupDays }: DaysTableProps) {
  if (days.length === 0)
    return <EmptyState text="No trading days in this range" testId="history-days-empty" />;
  return (
    <>
      {groupDays !== undefined ? <GroupDaysTable days={groupDays} /> : null}
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
              <td
                className="right num"
                data-testid="history-day-share"
                title="This day's net P&L as a share of the account's total over the days listed"
              >
                {day.shareOfTotalPct === null ? MISSING : `${day.shareOfTotalPct}%`}
              </td>
              <td className="right">
                <Money value={day.maxDrawdown} />
              </td>
              <td className="right num">{day.trades}</td>
              <td className={day.breaches > 0 ? 'right num history-breaches' : 'right num'}>
                {day.breaches}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function GroupDaysTable({ days }: { days: readonly GroupDaySummaryView[] }) {
  return (
    <table className="grid history-grid" data-testid="history-group-days-table">
      <caption>The group per day</caption>
      <ColumnHeaders columns={groupColumns} />
      <tbody>
        {days.map((day) => (
          <tr key={day.day} data-testid="history-group-day-row">
            <th scope="row">{day.day}</th>
            <td>{day.group}</td>
            <td className="right">
              <Money value={day.netPnl} pnl />
            </td>
            <td className="right num">{day.trades}</td>
            <td className={day.breaches > 0 ? 'right num history-breaches' : 'right num'}>{day.breaches}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
