// One open position: signed size in words, prices at tick precision, coloured unrealized P&L, R multiple, stop
// coverage (with the time left before stopRequired acts), Close and Reduce by one contract. Memoised: it
// re-renders when its own position changes, not when the table around it does.
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Countdown } from '../../components/Countdown';
import { Money } from '../../components/Money';
import { formatPositionQty, formatPrice } from '../../lib/format';
import { selectPosition, selectTickSize, useView } from '../../state';

type PositionRowProps = {
  accountId: string;
  symbol: string;
  /** 1-based row number in the whole table (header row included), for screen readers when rows are windowed. */
  rowIndex: number;
  onClose: (symbol: string) => void;
  onReduce: (symbol: string, qty: number) => void;
};

const stopLabels = { full: 'Protected', partial: 'Partly protected', none: 'Unprotected' } as const;

export const PositionRow = memo(function PositionRow(props: PositionRowProps) {
  const { accountId, symbol, rowIndex, onClose, onReduce } = props;
  const p = useView(
    useShallow((s) => {
      const position = selectPosition(accountId, symbol)(s);
      return {
        qty: position?.qty ?? 0,
        avgPrice: position?.avgPrice ?? null,
        mark: position?.mark ?? null,
        unrealizedPnl: position?.unrealizedPnl ?? null,
        mfe: position?.mfe ?? null,
        mae: position?.mae ?? null,
        rMultiple: position?.rMultiple ?? null,
        stop: position?.stop ?? 'none',
        stopPrice: position?.stopPrice ?? null,
        stopDueAt: position?.stopDueAt ?? null,
        clockOffsetMs: s.clockOffsetMs,
        tickSize: selectTickSize(symbol)(s),
      };
    }),
  );
  const side = p.qty > 0 ? 'long' : p.qty < 0 ? 'short' : 'flat';
  return (
    <tr data-testid={`position-${symbol}`} aria-rowindex={rowIndex} data-row-key={symbol}>
      <th scope="row" className="sym">
        {symbol}
      </th>
      <td data-testid="position-qty" className={`qty qty-${side}`}>
        {formatPositionQty(p.qty)}
      </td>
      <td className="num right">{formatPrice(p.avgPrice, p.tickSize)}</td>
      <td className="num right">{formatPrice(p.mark, p.tickSize)}</td>
      <td className="right">
        <Money value={p.unrealizedPnl} pnl testId="position-pnl" className="pnl-cell" />
      </td>
      <td className="right excursion">
        <Money value={p.mfe} pnl /> <span className="muted">/</span> <Money value={p.mae} pnl />
      </td>
      <td className="num right" data-testid="position-r">
        {p.rMultiple === null ? '—' : `${p.rMultiple} R`}
      </td>
      <td className={`stop stop-${p.stop}`} data-testid="position-stop">
        {stopLabels[p.stop]}
        {p.stopPrice !== null ? (
          <span className="num muted"> @ {formatPrice(p.stopPrice, p.tickSize)}</span>
        ) : null}
        {p.stop !== 'full' && p.stopDueAt !== null ? (
          <span className="stop-due">
            {' '}
            · closes in{' '}
            <Countdown until={p.stopDueAt} clockOffsetMs={p.clockOffsetMs} testId="stop-countdown" />
          </span>
        ) : null}
      </td>
      <td className="right">
        <div className="row-actions">
          {Math.abs(p.qty) > 1 ? (
            <button
              type="button"
              className="btn btn-small btn-quiet"
              onClick={() => {
                onReduce(symbol, 1);
              }}
              data-testid={`reduce-${symbol}`}
              aria-label={`Reduce ${symbol} by 1`}
            >
              −1
            </button>
          ) : null}
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              onClose(symbol);
            }}
            data-testid={`close-${symbol}`}
          >
            Close<span className="sr-only"> {symbol}</span>
          </button>
        </div>
      </td>
    </tr>
  );
});
