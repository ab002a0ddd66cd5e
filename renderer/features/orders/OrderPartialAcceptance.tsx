import { useState } from 'react';
import { partialAcceptanceState } from '../../../shared/orders/partialAcceptance';
import type { OrderDoc } from '../../../shared/schemas';
import { useOutpost } from '../../app/OutpostContext';
import { saveDocument } from '../../data/writes';
import { formatWhen } from '../common/sort';
import { actorOf } from '../session/actor';
import { acceptPartialDelivery, canSend } from './orderChanges';

/**
 * A partial order delivered some lines and failed others. The rep accepts what was delivered,
 * offline too (order.acceptPartial): the order stays partial, the push carries the acceptance and
 * the central system notes it on the ProductOrder. Until then the screen says it is on its way.
 */
export function OrderPartialAcceptance({ order }: { order: OrderDoc }) {
  const { db, user } = useOutpost();
  const actor = actorOf(user);
  const [error, setError] = useState<string | null>(null);
  if (order.status !== 'partial') return null;
  const state = partialAcceptanceState(order);
  const canAccept = canSend(order, { type: 'order.acceptPartial', at: new Date().toISOString() }, actor);
  if (state.kind === 'open' && !canAccept) return null;

  async function accept() {
    setError(null);
    try {
      await saveDocument(db, 'orders', acceptPartialDelivery(order, actor, new Date().toISOString()));
    } catch (e) {
      setError(`Could not accept the partial delivery: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  return (
    <section className="section" aria-labelledby="order-partial-heading">
      <h2 id="order-partial-heading">Partial delivery</h2>
      {state.kind === 'open' ? (
        <div className="screen-actions">
          <button type="button" className="button button--primary" onClick={() => void accept()}>
            Accept the partial delivery
          </button>
        </div>
      ) : (
        <p role="status">
          {state.kind === 'noted'
            ? `Partial delivery accepted by ${state.by} on ${formatWhen(state.at)}; the central system noted it on the order`
            : `Partial delivery accepted on ${formatWhen(state.acceptedAt)}; it goes to the central system with the next sync`}
        </p>
      )}
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
