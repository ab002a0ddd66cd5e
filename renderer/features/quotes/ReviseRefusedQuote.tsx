import type { QuoteDoc } from '../../../shared/schemas';
import { useOutpost } from '../../app/OutpostContext';
import { actorOf } from '../session/actor';
import { canEditQuote } from './quoteActions';

/**
 * The fix for a quote the central system refused once it could no longer change (approved,
 * accepted): it says to revise it. Revise itself is the one in the Versions section
 * (QuoteVersions.tsx), which makes the next version in progress with the same lines; the refused
 * version stays in the Outbox, where the rep retries or discards it.
 */
export function ReviseRefusedQuote({ quote }: { quote: QuoteDoc }) {
  const { user } = useOutpost();
  if (!quote.syncError || quote.owner !== user.id || canEditQuote(quote, actorOf(user))) return null;
  return (
    <section className="section" aria-labelledby="quote-revise-heading">
      <h2 id="quote-revise-heading">Fix this quote</h2>
      <p>
        This quote can no longer be changed. Use <strong>Revise</strong> under Versions to make a new version with the same lines that you
        can correct and submit again; this one stays in the Outbox until you retry or discard it.
      </p>
    </section>
  );
}
