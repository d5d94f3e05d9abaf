// An account's working orders with a Cancel button each, or a calm line when there are none.
import { useShallow } from 'zustand/react/shallow';
import { ColumnHeaders, type Column } from '../../components/ColumnHeaders';
import { EmptyState } from '../../components/EmptyState';
import { useCommand } from '../../lib/use-command';
import { selectAccount, useView } from '../../state';
import { OrderRow } from './OrderRow';

const columns: readonly Column[] = [
  { label: 'Order' },
  { label: 'Symbol' },
  { label: 'Side' },
  { label: 'Type' },
  { label: 'Qty', align: 'right' },
  { label: 'Price', align: 'right' },
  { label: 'Actions', hidden: true },
];

export function OrdersTable({ accountId }: { accountId: string }) {
  const orderIds = useView(
    useShallow(
      (s) =>
        selectAccount(accountId)(s)
          ?.orders.filter((order) => order.status === 'working')
          .map((order) => order.id) ?? [],
    ),
  );
  const [cancelOrder, { error }, clearError] = useCommand('cancelOrder');
  return (
    <div className="block">
      <h3 className="block-title">Working orders</h3>
      {orderIds.length === 0 ? (
        <EmptyState text="No working orders" testId="orders-empty" />
      ) : (
        <table className="grid" aria-label="Working orders">
          <ColumnHeaders columns={columns} />
          <tbody>
            {orderIds.map((orderId) => (
              <OrderRow
                key={orderId}
                accountId={accountId}
                orderId={orderId}
                onCancel={() => {
                  clearError();
                  void cancelOrder({ account: accountId, orderId });
                }}
              />
            ))}
          </tbody>
        </table>
      )}
      {error !== null ? (
        <p className="inline-error" role="alert" data-testid="orders-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
