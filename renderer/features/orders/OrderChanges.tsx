import { useState } from 'react';
import { canReviseOrder, supplementalOrder } from '../../../shared/orders/directOrder';
import type { OrderDoc } from '../../../shared/schemas';
import { useOutpost } from '../../app/OutpostContext';
import { useNavigation } from '../../app/navigation';
import { insertDocument, saveDocument } from '../../data/writes';
import { TextField } from '../common/TextField';
import { actorOf } from '../session/actor';
import { cancelOrder, cancelReasonError, canSend } from './orderChanges';
import { ErrorNotice } from '../common/ErrorNotice';

/**
 * Change after submit (seed 003): before fulfilment starts the rep revises the order through a
 * supplemental order, or asks to cancel it; both are queued like any change and the central
 * system's answer (cancelled, denied, superseded) comes back as the order's status and reason.
 */
export function OrderChanges({ order }: { order: OrderDoc }) {
  const { db, user } = useOutpost();
  const { navigate } = useNavigation();
  const actor = actorOf(user);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cancellable = canSend(order, { type: 'order.cancel', reason: 'probe' }, actor);
  const revisable = order.owner === user.id && canReviseOrder(order);
  if (!cancellable && !revisable) return null;
  const reasonError = tried ? cancelReasonError(reason) : undefined;

  async function cancel() {
    setTried(true);
    if (cancelReasonError(reason)) {
      document.getElementById('order-cancel-reason')?.focus();
      return;
    }
    setError(null);
    try {
      await saveDocument(db, 'orders', cancelOrder(order, reason, actor));
    } catch (e) {
      setError(`Could not cancel: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async function revise() {
    setError(null);
    try {
      const revision = supplementalOrder(order, new Date().toISOString());
      await insertDocument(db, 'orders', revision);
      navigate({ page: 'order', id: revision.id });
    } catch (e) {
      setError(`Could not revise: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  return (
    <section className="section" aria-labelledby="order-changes-heading">
      <h2 id="order-changes-heading">Change or cancel</h2>
      {revisable ? (
        <div className="screen-actions">
          <button type="button" className="button" onClick={() => void revise()}>
            Revise order
          </button>
          <p className="muted">A supplemental order with these lines; once submitted it replaces this order.</p>
        </div>
      ) : null}
      {cancellable ? (
        <>
          <TextField id="order-cancel-reason" label="Cancellation reason" value={reason} error={reasonError} onChange={setReason} />
          <div className="screen-actions">
            <button type="button" className="button button--danger" onClick={() => void cancel()}>
              Cancel order
            </button>
          </div>
        </>
      ) : null}
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
    </section>
  );
}
