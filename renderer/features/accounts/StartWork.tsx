import { useState } from 'react';
import { opportunityForAccount, opportunityNameError } from '../../../shared/accounts/startFromAccount';
import { newId } from '../../../shared/ids';
import type { AccountDoc } from '../../../shared/schemas';
import { useOutpost } from '../../app/OutpostContext';
import { useNavigation } from '../../app/navigation';
import { useDocuments } from '../../data/hooks';
import { insertDocument } from '../../data/writes';
import { TextField } from '../common/TextField';
import { catalogCurrency, catalogVersionOf, launchedOfferings, newQuote } from '../quotes/newQuote';
import { newDirectOrder } from '../../../shared/orders/directOrder';
import { ErrorNotice } from '../common/ErrorNotice';

/** Start an opportunity, or a quote (with the opportunity it belongs to), for an account. */
export function StartWork({ account }: { account: AccountDoc }) {
  const { db, user } = useOutpost();
  const { navigate } = useNavigation();
  const offerings = useDocuments('offerings');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const nameError = opportunityNameError(name);
  const launched = launchedOfferings(offerings ?? []);
  const catalogVersion = catalogVersionOf(launched);

  async function start(withQuote: boolean) {
    if (nameError) return;
    setBusy(true);
    setError(null);
    try {
      const now = new Date().toISOString();
      const opportunity = opportunityForAccount({ id: newId(), owner: user.id, now, account, name });
      if (withQuote && catalogVersion === null) throw new Error('the product catalog has not synced to this laptop yet');
      await insertDocument(db, 'opportunities', opportunity);
      if (!withQuote || catalogVersion === null) {
        navigate({ page: 'opportunity', id: opportunity.id });
        return;
      }
      const quote = newQuote({
        id: newId(),
        owner: user.id,
        now,
        opportunity,
        existing: [],
        catalogVersion,
        currency: catalogCurrency(launched),
      });
      await insertDocument(db, 'quotes', quote);
      navigate({ page: 'quote', id: quote.id });
    } catch (e) {
      setError(`Could not start: ${e instanceof Error ? e.message : String(e)}`);
      setBusy(false);
    }
  }

  // Seed 003: a salesperson may create an order directly, without a quote.
  async function startOrder() {
    setBusy(true);
    setError(null);
    try {
      const order = newDirectOrder(account, user.id, new Date().toISOString(), launched);
      await insertDocument(db, 'orders', order);
      navigate({ page: 'order', id: order.id });
    } catch (e) {
      setError(`Could not start: ${e instanceof Error ? e.message : String(e)}`);
      setBusy(false);
    }
  }

  return (
    <section className="section" aria-labelledby="account-start">
      <h2 id="account-start">Start work</h2>
      <TextField
        id="account-opportunity-name"
        label="Opportunity name"
        hint={`Optional; “${account.name} - new business” otherwise`}
        value={name}
        error={nameError}
        onChange={setName}
      />
      <div className="screen-actions">
        <button type="button" className="button" disabled={busy || nameError !== undefined} onClick={() => void start(false)}>
          Start opportunity
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={busy || nameError !== undefined || catalogVersion === null}
          onClick={() => void start(true)}
        >
          Start quote
        </button>
        <button type="button" className="button" disabled={busy || catalogVersion === null} onClick={() => void startOrder()}>
          Create order directly
        </button>
      </div>
      {offerings !== undefined && catalogVersion === null ? (
        <p className="notice notice--warning">The product catalog has not synced to this laptop yet, so no quote can be priced.</p>
      ) : null}
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
    </section>
  );
}
