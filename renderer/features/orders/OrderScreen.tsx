import { hasOwnLines } from '../../../shared/orders/directOrder';
import { orderApprovalPolicyOf } from '../../../shared/orders/orderPolicy';
import { useNavigation } from '../../app/navigation';
import { useOutpost } from '../../app/OutpostContext';
import { useDocument, useDocuments } from '../../data/hooks';
import { LineItemsTable } from '../common/LineItemsTable';
import { Loading } from '../common/Loading';
import { NotFound } from '../common/NotFound';
import { SyncNotices } from '../common/SyncNotices';
import { Totals } from '../common/Totals';
import { formatWhen } from '../common/sort';
import { actorOf } from '../session/actor';
import { statusLabel } from '../statusLabels';
import { OrderApproval } from './OrderApproval';
import { OrderAttachments } from './OrderAttachments';
import { OrderChanges } from './OrderChanges';
import { OrderForm } from './OrderForm';
import { OrderLines } from './OrderLines';
import { canEditOrder } from './orderForm';
import { OrderFulfilment } from './OrderFulfilment';
import { OrderInformationAnswer } from './OrderInformationAnswer';
import { OrderPartialAcceptance } from './OrderPartialAcceptance';
import { awaitingCentral } from './orderState';
import { Timeline } from '../timeline/Timeline';
import { OrderCharges } from './OrderCharges';
import { OrderCreditCheck } from './OrderCreditCheck';

const DELTA_LABELS = { change: 'Change', move: 'Move', disconnect: 'Disconnect' } as const;

/**
 * An order: lines and totals carried over from the accepted quote (read-only), or configured
 * here for a direct or supplemental order; the billing account and service address the rep
 * completes; approval, changes after submit, and its status as the central system reports it.
 */
export function OrderScreen({ id }: { id: string }) {
  const { navigate } = useNavigation();
  const { user } = useOutpost();
  const order = useDocument('orders', id);
  const account = useDocument('accounts', order?.accountId);
  const catalog = useDocuments('offerings') ?? [];
  const policy = orderApprovalPolicyOf(useDocuments('policies') ?? []);

  if (order === undefined) return <Loading />;
  if (order === null) return <NotFound what="Order" />;
  const quoteId = order.quoteId;
  const configuring = hasOwnLines(order) && canEditOrder(order, actorOf(user));

  return (
    <div className="screen">
      <div className="screen-header">
        <h1>
          {order.supplementOf ? 'Supplemental order' : 'Order'} for {order.accountName}
        </h1>
        <div className="screen-actions">
          {quoteId ? (
            <button type="button" className="button" onClick={() => navigate({ page: 'quote', id: quoteId })}>
              Open quote
            </button>
          ) : null}
          {order.supplementOf ? (
            <button type="button" className="button" onClick={() => navigate({ page: 'order', id: order.supplementOf ?? '' })}>
              Open revised order
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
        <li>{quoteId ? 'From an accepted quote' : 'Direct order (no quote)'}</li>
        {order.delta ? (
          <li>
            {DELTA_LABELS[order.delta.change]} of installed product {order.delta.productName ?? order.delta.productId}
          </li>
        ) : null}
        {order.submittedAt ? <li>Submitted: {formatWhen(order.submittedAt)}</li> : null}
        {order.tmfOrderId ? <li>Central order number: {order.tmfOrderId}</li> : null}
        {order.paymentTerms && !configuring ? <li>Payment terms: {order.paymentTerms}</li> : null}
        {order.cancellationReason ? <li>Cancellation asked for: {order.cancellationReason}</li> : null}
        {order.informationAnswer ? <li>Information you supplied: {order.informationAnswer.text}</li> : null}
        {awaitingCentral(order) && order.syncPending ? <li>Waiting to be sent to the central system</li> : null}
      </ul>
      <SyncNotices doc={order} collection="orders" />
      <OrderFulfilment order={order} />
      <OrderInformationAnswer order={order} />
      <OrderPartialAcceptance order={order} />
      {configuring ? (
        <OrderLines order={order} catalog={catalog} policy={policy} />
      ) : (
        <section className="section" aria-labelledby="order-lines-heading">
          <h2 id="order-lines-heading">Lines</h2>
          <LineItemsTable items={order.items} currency={order.totals.currency} label="Order lines" />
        </section>
      )}
      <Totals totals={order.totals} />
      <OrderCharges order={order} account={account} />
      <OrderApproval order={order} catalog={catalog} policy={policy} />
      <OrderCreditCheck order={order} account={account} />
      <section className="section" aria-labelledby="order-details-heading">
        <h2 id="order-details-heading">Billing and service address</h2>
        <OrderForm key={`${order.id}:${order.conflictCopy ?? ''}`} order={order} account={account} />
      </section>
      <OrderAttachments order={order} />
      <OrderChanges order={order} />
      <Timeline kind="order" id={order.id} />
    </div>
  );
}
