// The closed trades: time, symbol, side, qty, entry/exit, net P&L, MFE/MAE, initial risk and R (a dash for a
// trade that had no protective stop), tag.
import { EmptyState } from '../../components/EmptyState';
import { Money } from '../../components/Money';
import { formatClock, formatPrice, MISSING } from '../../lib/format';
import type { TradeView } from '../../../../shared/ipc';
import { ColumnHeaders, type Column } from '../../components/ColumnHeaders';

const tradeColumns: readonly Column[] = [
  { label: 'Day' },
  { label: 'Closed' },
  { label: 'Account' },
  { label: 'Symbol' },
  { label: 'Side' },
  { label: 'Qty', align: 'right' },
  { label: 'Entry', align: 'right' },
  { label: 'Exit', align: 'right' },
  { label: 'Net P&L', align: 'right' },
  { label: 'MFE', align: 'right' },
  { label: 'MAE', align: 'right' },
  { label: 'Risk', align: 'right' },
  { label: 'R', align: 'right' },
  { label: 'Tag' },
];

export function TradesTable({
  trades,
  caption = 'Closed trades',
}: {
  trades: readonly TradeView[];
  caption?: string;
}) {
  if (trades.length === 0)
    return <EmptyState text="No closed trades in this range" testId="history-trades-empty" />;
  return (
    <table className="grid history-grid" data-testid="history-trades-table">
      <caption>{caption}</caption>
      <ColumnHeaders columns={tradeColumns} />
      <tbody>
        {trades.map((trade, index) => (
          <tr key={`${trade.account}-${trade.closedAt}-${index}`} data-testid="history-trade-row">
            <td>{trade.day}</td>
            <td className="num">
              <time dateTime={trade.closedAt}>{formatClock(trade.closedAt)}</time>
            </td>
            <td>{trade.account}</td>
            <th scope="row" className="sym">
              {trade.symbol}
            </th>
            <td className={trade.side === 'long' ? 'history-long' : 'history-short'}>
              {trade.side === 'long' ? 'Long' : 'Short'}
            </td>
            <td className="right num">{trade.qty}</td>
            <td className="right num">{formatPrice(trade.entryPrice)}</td>
            <td className="right num">{formatPrice(trade.exitPrice)}</td>
            <td className="right">
              <Money value={trade.netPnl} pnl />
            </td>
            <td className="right excursion">
              <Money value={trade.mfe} pnl />
            </td>
            <td className="right excursion">
              <Money value={trade.mae} pnl />
            </td>
            <td className="right">
              {trade.initialRisk === null ? MISSING : <Money value={trade.initialRisk} />}
            </td>
            <td className="right num" data-testid="history-trade-r">
              {formatR(trade.rMultiple)}
            </td>
            <td>{trade.tag ?? MISSING}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "+1.05R", "-0.3333R": the R multiple as kept (4 places at most), signed; a dash without one. */
function formatR(rMultiple: string | null): string {
  if (rMultiple === null) return MISSING;
  return `${rMultiple.startsWith('-') || rMultiple === '0' ? '' : '+'}${rMultiple}R`;
}
