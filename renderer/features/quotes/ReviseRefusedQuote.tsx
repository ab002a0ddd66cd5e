import { useState } from 'react';
import { newId } from '../../../shared/ids';
import type { OfferingDoc, QuoteDoc } from '../../../shared/schemas';
import { useNavigation } from '../../app/navigation';
import { useOutpost } from '../../app/OutpostContext';
import { useDocuments } from '../../data/hooks';
import { insertDocument } from '../../data/writes';
import { actorOf } from '../session/actor';
import { catalogVersionOf, launchedOfferings, revisedQuote } from './newQuote';
import { canEditQuote } from './quoteActions';

/**
 * The fix for a quote the central system refused once it could no longer change (approved,
 * accepted): Revise makes the next version, in progress, with the same lines, and opens it. The
 * refused version stays in the Outbox, where the rep retries or discards it.
 */
export function ReviseRefusedQuote({ quote, catalog }: { quote: QuoteDoc; catalog: readonly OfferingDoc[] }) {
  const { db, user } = useOutpost();
  const { navigate } = useNavigation();
  const versions = useDocuments('quotes', { selector: { opportunityId: quote.opportunityId } });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const catalogVersion = catalogVersionOf(launchedOfferings(catalog));
  if (!quote.syncError || quote.owner !== user.id || canEditQuote(quote, actorOf(user))) return null;

  async function revise() {
    if (catalogVersion === null) return;
    setBusy(true);
    setError(null);
    try {
      const copy = revisedQuote(quote, { id: newId(), now: new Date().toISOString(), existing: versions ?? [], catalogVersion });
      await insertDocument(db, 'quotes', copy);
      navigate({ page: 'quote', id: copy.id });
    } catch (e) {
      setError(`The new version could not be made: ${e instanceof Error ? e.message : String(e)}`);
      setBusy(false);
    }
  }

  return (
    <section className="section" aria-labelledby="quote-revise-heading">
      <h2 id="quote-revise-heading">Fix this quote</h2>
      <p>
        This quote can no longer be changed. Revise makes a new version with the same lines that you can correct and submit again; this one
        stays in the Outbox until you retry or discard it.
      </p>
      <button
        type="button"
        className="button button--primary"
        disabled={busy || versions === undefined || catalogVersion === null}
        onClick={() => void revise()}
      >
        Revise
      </button>
      {catalogVersion === null ? <p className="muted">The catalog has not synced yet, so the quote cannot be priced again.</p> : null}
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
