// An account's open positions, one row per symbol, or a calm line when the account is flat.
import { useShallow } from 'zustand/react/shallow';
import { EmptyState } from '../../components/EmptyState';
import { selectAccount, useView } from '../../state';
import { useCommand } from '../../lib/use-command';
import { PositionRow } from './PositionRow';

export function PositionsTable({ accountId }: { accountId: string }) {
  const symbols = useView(
    useShallow((s) => selectAccount(accountId)(s)?.positions.map((position) => position.symbol) ?? []),
  );
  const [closePosition, { error }, clearError] = useCommand('closePosition');
  return (
    <div className="block">
      <h3 className="block-title">Positions</h3>
      {symbols.length === 0 ? (
        <EmptyState text="Flat — no open positions" testId="positions-empty" />
      ) : (
        <table className="grid grid-positions" aria-label="Open positions">
          <thead>
            <tr>
              <th scope="col">Symbol</th>
              <th scope="col">Position</th>
              <th scope="col" className="right">
                Avg price
              </th>
              <th scope="col" className="right">
                Mark
              </th>
              <th scope="col" className="right">
                Unrealized
              </th>
              <th scope="col" className="right">
                MFE / MAE
              </th>
              <th scope="col" className="right">
                R
              </th>
              <th scope="col">Stop</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {symbols.map((symbol) => (
              <PositionRow
                key={symbol}
                accountId={accountId}
                symbol={symbol}
                onClose={() => {
                  clearError();
                  void closePosition({ account: accountId, symbol });
                }}
                onReduce={(qty) => {
                  clearError();
                  void closePosition({ account: accountId, symbol, qty });
                }}
              />
            ))}
          </tbody>
        </table>
      )}
      {error !== null ? (
        <p className="inline-error" role="alert" data-testid="positions-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
