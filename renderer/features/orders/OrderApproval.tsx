import { orderApprovalReasons, type OrderApprovalPolicy } from '../../../shared/orders/orderPolicy';
import type { OfferingDoc, OrderDoc } from '../../../shared/schemas';
import { useOutpost } from '../../app/OutpostContext';
import { saveDocument } from '../../data/writes';
import { formatWhen } from '../common/sort';
import { actorOf } from '../session/actor';
import { approveOrder, canSend, declineOrder } from './orderChanges';
import { awaitingCentral } from './orderState';

/**
 * Order approval as the rep and the manager see it: before submitting, what the synced order
 * policy will route to the manager; afterwards the central system's word (waiting, approved,
 * declined); for the rep's manager, Approve and Decline (offline too: the decision syncs later
 * and the central system carries it out).
 */
export function OrderApproval({
  order,
  catalog,
  policy,
}: {
  order: OrderDoc;
  catalog: readonly OfferingDoc[];
  policy: OrderApprovalPolicy | undefined;
}) {
  const { db, user } = useOutpost();
  const actor = actorOf(user);
  const deciding = canSend(order, { type: 'order.approve' }, actor);
  const beforeCentral =
    order.tmfOrderId === undefined && (order.status === 'draft' || order.status === 'validated' || awaitingCentral(order));
  const expected = beforeCentral ? orderApprovalReasons(order, policy, catalog) : [];
  const approval = order.approval;

  return (
    <section className="section" aria-labelledby="order-approval-heading">
      <h2 id="order-approval-heading">Approval</h2>
      {approval === undefined && expected.length > 0 ? (
        <div className="notice notice--warning">
          <p>Once submitted, this order waits for the approval of the rep&apos;s manager:</p>
          <ul aria-label="Why approval is needed">
            {expected.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {approval === undefined && expected.length === 0 ? <p className="muted">No approval needed.</p> : null}
      {approval?.state === 'required' ? <p>Waiting for approval by the rep&apos;s manager: {approval.reason}</p> : null}
      {approval && approval.state !== 'required' ? (
        <p>
          {approval.state === 'approved' ? 'Approved' : 'Declined'} by {approval.decidedBy ?? 'the manager'}
          {approval.decidedAt ? ` on ${formatWhen(approval.decidedAt)}` : ''}
        </p>
      ) : null}
      {deciding ? (
        <div className="screen-actions">
          <button
            type="button"
            className="button button--primary"
            onClick={() => void saveDocument(db, 'orders', approveOrder(order, actor))}
          >
            Approve order
          </button>
          <button type="button" className="button" onClick={() => void saveDocument(db, 'orders', declineOrder(order, actor))}>
            Decline order
          </button>
        </div>
      ) : null}
    </section>
  );
}
