import { useNavigation } from '../../app/navigation';
import { useDocument } from '../../data/hooks';
import { LineItemsTable } from '../common/LineItemsTable';
import { Loading } from '../common/Loading';
import { NotFound } from '../common/NotFound';
import { SyncNotices } from '../common/SyncNotices';
import { Totals } from '../common/Totals';
import { formatWhen } from '../common/sort';
import { statusLabel } from '../statusLabels';
import { OrderForm } from './OrderForm';
import { OrderFulfilment } from './OrderFulfilment';
import { awaitingCentral } from './orderState';

const DELTA_LABELS = { change: 'Change', move: 'Move', disconnect: 'Disconnect' } as const;

/**
 * An order: lines and totals carried over from the accepted quote (read-only), the billing
 * account and service address the rep completes, and its status as the central system reports it.
 */
export function OrderScreen({ id }: { id: string }) {
  const { navigate } = useNavigation();
  const order = useDocument('orders', id);
  const account = useDocument('accounts', order?.accountId);

  if (order === undefined) return <Loading />;
  if (order === null) return <NotFound what="Order" />;

  return (
    <div className="screen">
      <div className="screen-header">
        <h1>Order for {order.accountName}</h1>
        <div className="screen-actions">
          {order.quoteId ? (
            <button type="button" className="button" onClick={() => navigate({ page: 'quote', id: order.quoteId })}>
              Open quote
            </button>
          ) : null}
        </div>
      </div>
      <div role="status" aria-live="polite">
        <p className="status-text">Status: {statusLabel(order.status)}</p>
      </div>
      {order.stateReason ? <p>Reason: {order.stateReason}</p> : null}
      <ul className="facts" aria-label="Order details">
        <li>Order ID: {order.id}</li>
        {order.delta ? (
          <li>
            {DELTA_LABELS[order.delta.change]} of installed product {order.delta.productName ?? order.delta.productId}
          </li>
        ) : null}
        {order.submittedAt ? <li>Submitted: {formatWhen(order.submittedAt)}</li> : null}
        {order.tmfOrderId ? <li>Central order number: {order.tmfOrderId}</li> : null}
        {awaitingCentral(order) && order.syncPending ? <li>Waiting to be sent to the central system</li> : null}
      </ul>
      <SyncNotices doc={order} collection="orders" />
      <OrderFulfilment order={order} />
      <section className="section" aria-labelledby="order-lines-heading">
        <h2 id="order-lines-heading">Lines</h2>
        <LineItemsTable items={order.items} currency={order.totals.currency} label="Order lines" />
        <Totals totals={order.totals} />
      </section>
      <section className="section" aria-labelledby="order-details-heading">
        <h2 id="order-details-heading">Billing and service address</h2>
        <OrderForm key={`${order.id}:${order.conflictCopy ?? ''}`} order={order} account={account} />
      </section>
    </div>
  );
}
