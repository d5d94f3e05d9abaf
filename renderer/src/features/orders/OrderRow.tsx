// One working order: id, symbol, side, type, size, its limit or stop price, and Cancel.
import { useShallow } from 'zustand/react/shallow';
import { formatPrice } from '../../lib/format';
import { selectAccount, selectTickSize, useView } from '../../state';

type OrderRowProps = { accountId: string; orderId: string; onCancel: () => void };

export function OrderRow({ accountId, orderId, onCancel }: OrderRowProps) {
  const o = useView(
    useShallow((s) => {
      const order = selectAccount(accountId)(s)?.orders.find((item) => item.id === orderId);
      const symbol = order?.symbol ?? '';
      const tick = selectTickSize(symbol)(s);
      const price =
        order?.kind === 'limit'
          ? formatPrice(order.limitPrice, tick)
          : order?.kind === 'stop'
            ? formatPrice(order.stopPrice, tick)
            : 'Market';
      return { symbol, side: order?.side ?? '', kind: order?.kind ?? '', qty: order?.qty ?? 0, price };
    }),
  );
  return (
    <tr data-testid={`order-${orderId}`}>
      <td className="num muted">{orderId}</td>
      <th scope="row" className="sym">
        {o.symbol}
      </th>
      <td className="cap">{o.side}</td>
      <td className="cap">{o.kind}</td>
      <td className="num right">{o.qty}</td>
      <td className="num right">{o.price}</td>
      <td className="right">
        <button type="button" className="btn btn-small" data-testid={`cancel-${orderId}`} onClick={onCancel}>
          Cancel<span className="sr-only"> order {orderId}</span>
        </button>
      </td>
    </tr>
  );
}
