import { useState } from 'react';
import { orderFromQuote } from '../../../shared/orders/fromQuote';
import type { AccountDoc, OrderDoc, QuoteDoc } from '../../../shared/schemas';
import { useNavigation } from '../../app/navigation';
import { useOutpost } from '../../app/OutpostContext';
import { insertDocument } from '../../data/writes';

/**
 * "Create order" on an accepted quote (or "Open order" once it has one, so a quote is not
 * ordered twice by a second click).
 */
export function CreateOrderButton({ quote, account, existing }: { quote: QuoteDoc; account: AccountDoc | null | undefined; existing: OrderDoc | undefined }) {
  const { db } = useOutpost();
  const { navigate } = useNavigation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (existing) {
    return (
      <button type="button" className="button button--primary" onClick={() => navigate({ page: 'order', id: existing.id })}>
        Open order
      </button>
    );
  }

  async function create() {
    if (!account) return;
    setBusy(true);
    setError(null);
    try {
      const order = orderFromQuote(quote, account, new Date().toISOString());
      await insertDocument(db, 'orders', order);
      navigate({ page: 'order', id: order.id });
    } catch (e) {
      setError(`The order could not be created: ${e instanceof Error ? e.message : String(e)}`);
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="button button--primary" disabled={busy || !account || quote.status !== 'accepted'} onClick={() => void create()}>
        Create order
      </button>
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
      {account === null ? <p className="notice notice--warning">The quote's account is not on this laptop yet.</p> : null}
    </>
  );
}
