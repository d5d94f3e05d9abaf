// P&L by symbol, by strategy tag and by hour of day (local time of this screen).
import { useMemo } from 'react';
import { Money } from '../../components/Money';
import { EmptyState } from '../../components/EmptyState';
import type { TradeView } from '../../../../shared/ipc';
import { breakdown } from './breakdown';
import type { BreakdownRow } from './breakdown';
import { ColumnHeaders } from '../../components/ColumnHeaders';

function BreakdownTable({
  caption,
  keyLabel,
  rows,
  testId,
}: {
  caption: string;
  keyLabel: string;
  rows: readonly BreakdownRow[];
  testId: string;
}) {
  return (
    <table className="grid history-grid history-breakdown" data-testid={testId}>
      <caption>{caption}</caption>
      <ColumnHeaders
        columns={[
          { label: keyLabel },
          { label: 'Trades', align: 'right' },
          { label: 'Won / lost', align: 'right' },
          { label: 'Net P&L', align: 'right' },
        ]}
      />
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.key}</th>
            <td className="right num">{row.trades}</td>
            <td className="right num">
              {row.wins} / {row.losses}
            </td>
            <td className="right">
              <Money value={row.netPnl} pnl />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function BreakdownSection({ trades }: { trades: readonly TradeView[] }) {
  const result = useMemo(() => breakdown(trades), [trades]);
  if (trades.length === 0)
    return <EmptyState text="No closed trades to break down" testId="history-breakdown-empty" />;
  return (
    <div className="history-breakdowns">
      <BreakdownTable
        caption="P&L by symbol"
        keyLabel="Symbol"
        rows={result.bySymbol}
        testId="breakdown-symbol"
      />
      <BreakdownTable
        caption="P&L by strategy tag"
        keyLabel="Tag"
        rows={result.byTag}
        testId="breakdown-tag"
      />
      <BreakdownTable
        caption="P&L by hour of day (local)"
        keyLabel="Hour"
        rows={result.byHour}
        testId="breakdown-hour"
      />
    </div>
  );
}
