// One open position: signed size in words, prices at tick precision, coloured unrealized P&L, and Close.
import { useShallow } from 'zustand/react/shallow';
import { Money } from '../../components/Money';
import { formatPositionQty, formatPrice } from '../../lib/format';
import { selectAccount, selectInstrument, selectTickSize, useView } from '../../state';

type PositionRowProps = { accountId: string; symbol: string; onClose: () => void };

export function PositionRow({ accountId, symbol, onClose }: PositionRowProps) {
  const p = useView(
    useShallow((s) => {
      const position = selectAccount(accountId)(s)?.positions.find((item) => item.symbol === symbol);
      return {
        qty: position?.qty ?? 0,
        avgPrice: position?.avgPrice ?? null,
        mark: position?.mark ?? null,
        unrealizedPnl: position?.unrealizedPnl ?? null,
        mfe: position?.mfe ?? null,
        mae: position?.mae ?? null,
        tickSize: selectTickSize(symbol)(s),
        // A broker's contract id (CON.F.US.MNQ.M26) reads better as its name (MNQM6).
        name: selectInstrument(symbol)(s)?.name ?? symbol,
      };
    }),
  );
  const side = p.qty > 0 ? 'long' : p.qty < 0 ? 'short' : 'flat';
  return (
    <tr data-testid={`position-${symbol}`}>
      <th scope="row" className="sym" title={symbol}>
        {p.name}
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
      <td className="right">
        <button type="button" className="btn btn-small" onClick={onClose} data-testid={`close-${symbol}`}>
          Close<span className="sr-only"> {p.name}</span>
        </button>
      </td>
    </tr>
  );
}
