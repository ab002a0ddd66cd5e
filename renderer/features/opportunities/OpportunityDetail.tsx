import { useState } from 'react';
import { newId } from '../../../shared/ids';
import { formatCents } from '../../../shared/money';
import { useOutpost } from '../../app/OutpostContext';
import { useNavigation } from '../../app/navigation';
import { useDocument, useDocuments } from '../../data/hooks';
import { insertDocument } from '../../data/writes';
import { Loading } from '../common/Loading';
import { NotFound } from '../common/NotFound';
import { SyncNotices } from '../common/SyncNotices';
import { InstalledProducts } from './InstalledProducts';
import { newestFirst } from '../common/sort';
import { catalogCurrency, catalogVersionOf, launchedOfferings, newQuote } from '../quotes/newQuote';
import { quoteTitle } from '../quotes/quoteTitle';
import { latestVersion } from '../../../shared/quotes/quoteVersions';
import { statusLabel } from '../statusLabels';
import { Timeline } from '../timeline/Timeline';
import { ErrorNotice } from '../common/ErrorNotice';

/** An opportunity with its account, contact and quotes; quoting starts here. */
export function OpportunityDetail({ id }: { id: string }) {
  const { db, user } = useOutpost();
  const { navigate } = useNavigation();
  const opportunity = useDocument('opportunities', id);
  const account = useDocument('accounts', opportunity?.accountId);
  const contact = useDocument('contacts', opportunity?.contactId);
  const quotes = useDocuments('quotes', { selector: { opportunityId: id } });
  const offerings = useDocuments('offerings');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (opportunity === undefined) return <Loading />;
  if (opportunity === null) return <NotFound what="Opportunity" />;

  const launched = launchedOfferings(offerings ?? []);
  const latest = latestVersion(quotes ?? []);
  const catalogVersion = catalogVersionOf(launched);

  async function createQuote() {
    if (!opportunity || catalogVersion === null) return;
    setBusy(true);
    setError(null);
    try {
      const quote = newQuote({
        id: newId(),
        owner: user.id,
        now: new Date().toISOString(),
        opportunity,
        existing: quotes ?? [],
        catalogVersion,
        currency: catalogCurrency(launched),
      });
      await insertDocument(db, 'quotes', quote);
      navigate({ page: 'quote', id: quote.id });
    } catch (e) {
      setError(`The quote could not be created: ${e instanceof Error ? e.message : String(e)}`);
      setBusy(false);
    }
  }

  return (
    <div className="screen">
      <div className="screen-header">
        <h1>{opportunity.name}</h1>
        <div className="screen-actions">
          {latest ? (
            // The opportunity's quotes are the versions of one quote: a new version is a revision of the latest (QuoteVersions).
            <button type="button" className="button button--primary" onClick={() => navigate({ page: 'quote', id: latest.id })}>
              Open latest quote (v{latest.version})
            </button>
          ) : (
            <button
              type="button"
              className="button button--primary"
              disabled={busy || catalogVersion === null || quotes === undefined}
              onClick={() => void createQuote()}
            >
              Create quote
            </button>
          )}
        </div>
      </div>
      {offerings !== undefined && catalogVersion === null ? (
        <p className="notice notice--warning">The product catalog has not synced to this laptop yet, so no quote can be priced.</p>
      ) : null}
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
      <SyncNotices doc={opportunity} collection="opportunities" />
      <ul className="facts" aria-label="Opportunity details">
        <li>
          <span className="fact-name">Account:</span> {account?.name ?? '—'}
        </li>
        <li>
          <span className="fact-name">Contact:</span> {contact?.name ?? '—'}
        </li>
        <li className="status-text">Status: {statusLabel(opportunity.status)}</li>
        {opportunity.productCategory ? (
          <li>
            <span className="fact-name">Product category:</span> {opportunity.productCategory}
          </li>
        ) : null}
        {opportunity.expectedAmount !== undefined ? (
          <li>
            <span className="fact-name">Expected amount:</span> ${opportunity.expectedAmount.toLocaleString('en-US')}
          </li>
        ) : null}
        {contact?.email ? (
          <li>
            <span className="fact-name">Email:</span> {contact.email}
          </li>
        ) : null}
        {contact?.phone ? (
          <li>
            <span className="fact-name">Phone:</span> {contact.phone}
          </li>
        ) : null}
      </ul>
      <InstalledProducts accountId={opportunity.accountId} />
      <section className="section" aria-labelledby="opportunity-quotes">
        <h2 id="opportunity-quotes">Quotes</h2>
        {quotes === undefined ? (
          <Loading />
        ) : quotes.length === 0 ? (
          <p className="empty">No quotes yet.</p>
        ) : (
          <table className="data-table" aria-label="Quotes of this opportunity">
            <thead>
              <tr>
                <th scope="col">Quote</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  One-time
                </th>
                <th scope="col" className="num">
                  Monthly
                </th>
              </tr>
            </thead>
            <tbody>
              {newestFirst(quotes).map((q) => (
                <tr key={q.id}>
                  <th scope="row">
                    <button type="button" className="link-button" onClick={() => navigate({ page: 'quote', id: q.id })}>
                      {quoteTitle(q, account?.name)}
                    </button>
                  </th>
                  <td>{statusLabel(q.status)}</td>
                  <td className="num">{formatCents(q.totals.oneTime, q.totals.currency)}</td>
                  <td className="num">{formatCents(q.totals.recurring, q.totals.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <Timeline kind="opportunity" id={opportunity.id} />
    </div>
  );
}
