// A breach and the P&L around it: the level change behind it (value against threshold), the day's summary, the
// account's trades of that day with the running net P&L, and the P&L closed before and after the breach.
import { useEffect, useRef } from 'react';
import { Money } from '../../components/Money';
import { EmptyState } from '../../components/EmptyState';
import { formatClock, formatPrice } from '../../lib/format';
import type { DaySummaryView, EquityPointView, TimelineEntryView, TradeView } from '../../../../shared/ipc';
import { EquityAround } from './EquityAround';
import { breachContext, figuresText } from './timeline';
import { ColumnHeaders, type Column } from '../../components/ColumnHeaders';

type Props = {
  entry: TimelineEntryView;
  /** The level change behind it (the entry itself when it is one), with its figures; null when unknown. */
  cause: TimelineEntryView | null;
  trades: readonly TradeView[];
  days: readonly DaySummaryView[];
  equity: readonly EquityPointView[] | undefined;
  onClose: () => void;
};

const tradesAroundColumns: readonly Column[] = [
  { label: 'Closed' },
  { label: 'Symbol' },
  { label: 'Side' },
  { label: 'Qty', align: 'right' },
  { label: 'Exit', align: 'right' },
  { label: 'Net P&L', align: 'right' },
  { label: 'Day running', align: 'right' },
  { label: 'When' },
];

export function BreachDetail({ entry, cause, trades, days, equity, onClose }: Props) {
  const context = breachContext(entry, trades, days);
  const figures = cause === null ? null : figuresText(cause);
  const heading = useRef<HTMLHeadingElement>(null);
  // Once per breach opened, not again when a refresh brings the same entry anew.
  useEffect(() => {
    heading.current?.focus();
  }, [entry.id]);
  return (
    <section className="history-breach" aria-labelledby="history-breach-title" data-testid="breach-detail">
      <div className="history-breach-head">
        <h3 id="history-breach-title" ref={heading} tabIndex={-1} className="block-title">
          Breach: {entry.title} — {entry.account ?? 'all accounts'}, {entry.day} at {formatClock(entry.t)}
        </h3>
        <button type="button" className="btn" onClick={onClose} data-testid="breach-close">
          Close
        </button>
      </div>
      <dl className="history-breach-facts">
        <div>
          <dt>Day net P&amp;L</dt>
          <dd data-testid="breach-day-net">
            {context.summary === null ? '—' : <Money value={context.summary.netPnl} pnl />}
          </dd>
        </div>
        <div>
          <dt>Max drawdown that day</dt>
          <dd data-testid="breach-day-drawdown">
            {context.summary === null ? '—' : <Money value={context.summary.maxDrawdown} />}
          </dd>
        </div>
        <div>
          <dt>Closed before the breach</dt>
          <dd data-testid="breach-before">
            <Money value={context.pnlBefore} pnl />
          </dd>
        </div>
        <div>
          <dt>Closed after (incl. by the flatten)</dt>
          <dd data-testid="breach-after">
            <Money value={context.pnlAfter} pnl />
          </dd>
        </div>
      </dl>
      {cause !== null && figures !== null ? (
        <p className="history-breach-level" data-testid="breach-level">
          {cause.title}: {figures}
        </p>
      ) : null}
      <p className="history-detail-text">{entry.detail}</p>
      <EquityAround entry={entry} equity={equity} />
      {context.trades.length === 0 ? (
        <EmptyState text="No trades closed that day" testId="breach-no-trades" />
      ) : (
        <table className="grid history-grid" data-testid="breach-trades">
          <caption>Trades of {entry.day} around the breach</caption>
          <ColumnHeaders columns={tradesAroundColumns} />
          <tbody>
            {context.trades.map(({ trade, runningPnl, beforeBreach }, index) => (
              <tr key={`${trade.closedAt}-${index}`} className={beforeBreach ? undefined : 'history-after'}>
                <td className="num">
                  <time dateTime={trade.closedAt}>{formatClock(trade.closedAt)}</time>
                </td>
                <th scope="row" className="sym">
                  {trade.symbol}
                </th>
                <td>{trade.side === 'long' ? 'Long' : 'Short'}</td>
                <td className="right num">{trade.qty}</td>
                <td className="right num">{formatPrice(trade.exitPrice)}</td>
                <td className="right">
                  <Money value={trade.netPnl} pnl />
                </td>
                <td className="right">
                  <Money value={runningPnl} pnl />
                </td>
                <td>{beforeBreach ? 'before' : 'after'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
