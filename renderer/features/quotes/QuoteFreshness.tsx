import { formatCents } from '../../../shared/money';
import { catalogAge, repriceDiff } from '../../../shared/quotes/repriceDiff';
import type { OfferingDoc, QuoteDoc } from '../../../shared/schemas';
import { catalogVersionOf } from './newQuote';

export interface QuoteFreshnessProps {
  quote: QuoteDoc;
  catalog: readonly OfferingDoc[];
  needsReprice: boolean;
  canReprice: boolean;
  onReprice(): void;
}

const price = (p: { oneTime: number; recurring: number }, currency: string) =>
  `${formatCents(p.oneTime, currency)} one-time, ${formatCents(p.recurring, currency)} monthly`;

/**
 * The catalog the quote was priced with and how old the local copy is; when a newer catalog
 * changes its prices, the difference line by line and Reprice (the quote never changes by itself).
 */
export function QuoteFreshness({ quote, catalog, needsReprice, canReprice, onReprice }: QuoteFreshnessProps) {
  const local = catalogVersionOf(catalog);
  const currency = quote.totals.currency;
  const diff = needsReprice ? repriceDiff(quote, catalog, local ?? quote.catalogVersion) : null;
  return (
    <section className="section" aria-labelledby="quote-freshness-heading">
      <h2 id="quote-freshness-heading">Catalog</h2>
      <p>
        Priced with catalog {quote.catalogVersion || 'unknown'}; local catalog {local ?? 'not synced yet'},{' '}
        {catalogAge(catalog, new Date())}.
      </p>
      {diff ? (
        <>
          <p className="notice" role="status">
            The local catalog has new prices for this quote. It keeps its old prices until you reprice it.
          </p>
          <table aria-label="Price changes">
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Old price</th>
                <th scope="col">New price</th>
              </tr>
            </thead>
            <tbody>
              {diff.lines.map((line) => (
                <tr key={line.lineId}>
                  <td>{line.offeringName}</td>
                  <td>{price(line.old, currency)}</td>
                  <td>{line.new ? price(line.new, currency) : `Cannot be priced: ${line.problem ?? ''}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {canReprice ? (
            <button type="button" className="button button--primary" disabled={!diff.repriced} onClick={onReprice}>
              Reprice with the new prices
            </button>
          ) : (
            <p className="muted">
              {quote.status === 'approved'
                ? 'Reopen the quote to reprice it; it must then be approved again.'
                : 'Revise the quote to price a new version with this catalog; an order on the old prices would be held for a price review.'}
            </p>
          )}
        </>
      ) : null}
    </section>
  );
}
