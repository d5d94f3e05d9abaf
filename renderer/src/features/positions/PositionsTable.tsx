// An account's open positions, one row per symbol, or a calm line when the account is flat. A long list scrolls
// inside its own box and only the rows in view (and a few either side) are rendered, so a fast market with a
// hundred positions costs what the visible rows cost.
import { useCallback } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ColumnHeaders, type Column } from '../../components/ColumnHeaders';
import { EmptyState } from '../../components/EmptyState';
import { selectAccount, useView } from '../../state';
import { useCommand } from '../../lib/use-command';
import { useRowWindow } from '../../lib/use-row-window';
import { PositionRow } from './PositionRow';

/** Matches `.grid-positions tbody tr` in tables.css; measured from the first row once it is on screen. */
const ROW_PX = 44;
/** The scroll box's max-height (tables.css) before it is measured. */
const VIEWPORT_PX = 540;
const columns: readonly Column[] = [
  { label: 'Symbol' },
  { label: 'Position' },
  { label: 'Avg price', align: 'right' },
  { label: 'Mark', align: 'right' },
  { label: 'Unrealized', align: 'right' },
  { label: 'MFE / MAE', align: 'right' },
  { label: 'R', align: 'right' },
  { label: 'Stop' },
  { label: 'Actions', hidden: true },
];

export function PositionsTable({ accountId }: { accountId: string }) {
  const symbols = useView(
    useShallow((s) => selectAccount(accountId)(s)?.positions.map((position) => position.symbol) ?? []),
  );
  const [closePosition, { error }, clearError] = useCommand('closePosition');
  const rows = useRowWindow({ keys: symbols, estimateRowPx: ROW_PX, estimateViewportPx: VIEWPORT_PX });
  const onClose = useCallback(
    (symbol: string) => {
      clearError();
      void closePosition({ account: accountId, symbol });
    },
    [accountId, clearError, closePosition],
  );
  const onReduce = useCallback(
    (symbol: string, qty: number) => {
      clearError();
      void closePosition({ account: accountId, symbol, qty });
    },
    [accountId, clearError, closePosition],
  );
  return (
    <div className="block">
      <h3 className="block-title">Positions</h3>
      {symbols.length === 0 ? (
        <EmptyState text="Flat — no open positions" testId="positions-empty" />
      ) : (
        <div
          ref={rows.scrollRef}
          className="table-scroll"
          data-testid="positions-scroll"
          onScroll={rows.onScroll}
          onFocus={rows.onFocus}
          onBlur={rows.onBlur}
        >
          <table
            className="grid grid-positions"
            aria-label="Open positions"
            aria-rowcount={symbols.length + 1}
          >
            <ColumnHeaders columns={columns} rowIndex={1} />
            <tbody>
              {rows.segments.flatMap((segment, n) =>
                segment.kind === 'gap'
                  ? [<Spacer key={`gap-${n}`} px={segment.rows * rows.rowPx} />]
                  : symbols
                      .slice(segment.from, segment.to)
                      .map((symbol, i) => (
                        <PositionRow
                          key={symbol}
                          accountId={accountId}
                          symbol={symbol}
                          rowIndex={segment.from + i + 2}
                          onClose={onClose}
                          onReduce={onReduce}
                        />
                      )),
              )}
            </tbody>
          </table>
        </div>
      )}
      {error !== null ? (
        <p className="inline-error" role="alert" data-testid="positions-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Stands in for the rows not rendered, so the scroll box keeps the whole list's height. */
function Spacer({ px }: { px: number }) {
  return (
    <tr className="row-spacer" aria-hidden="true">
      <td colSpan={columns.length} style={{ height: px }} />
    </tr>
  );
}
