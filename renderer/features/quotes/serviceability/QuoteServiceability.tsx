import { availabilityText, undeliverableText } from '../../../../shared/serviceability/siteQualification';
import type { LineItem } from '../../../../shared/schemas/lineItem';
import type { SiteQualifications } from './useSiteQualifications';

export interface QuoteServiceabilityProps {
  serviceability: SiteQualifications;
  /** The quote's lines, to name those at each site and those its access cannot serve. */
  lines: readonly Pick<LineItem, 'id' | 'offeringId' | 'offeringName' | 'siteId'>[];
}

/**
 * What can be delivered at each site of the quote (TMF645, kept on the laptop with its date):
 * offline the kept answer is shown as such, and a changed answer is named on the quote.
 */
export function QuoteServiceability({ serviceability, lines }: QuoteServiceabilityProps) {
  const { sites, checking, error, online, checkNow } = serviceability;
  return (
    <section className="section" aria-labelledby="quote-serviceability-heading">
      <h2 id="quote-serviceability-heading">Serviceability</h2>
      {sites.length === 0 ? (
        <p className="muted">The account has no sites with a service address; add one to the account to check what can be delivered.</p>
      ) : (
        <ul aria-label="Sites">
          {sites.map(({ site, kept, freshness }) => {
            const here = lines.filter((line) => line.siteId === site.id);
            const problems = here.flatMap((line) => {
              const text = undeliverableText(line, site, kept?.current);
              return text === undefined ? [] : [text];
            });
            return (
              <li key={site.id} aria-label={site.label}>
                <strong>{site.label}</strong>:{' '}
                {site.address.postcode.trim() === ''
                  ? 'no postcode; add it to the account’s site to check what can be delivered'
                  : kept
                    ? `${availabilityText(kept.current)} (${freshness.text})`
                    : freshness.text}
                {here.length > 0 ? <p className="muted">Lines here: {here.map((l) => l.offeringName).join(', ')}</p> : null}
                {(kept?.changes ?? []).map((change) => (
                  <p key={`${change.technology}-${change.since}`} className="notice notice--warning">
                    {change.text}
                  </p>
                ))}
                {problems.map((text) => (
                  <p key={text} className="notice notice--warning">
                    {text}
                  </p>
                ))}
              </li>
            );
          })}
        </ul>
      )}
      <p className="status-text" role="status">
        {checking ? 'Checking serviceability…' : online ? '' : 'Offline: the answers kept on this laptop are shown.'}
      </p>
      {error ? <p className="notice notice--error">{error}</p> : null}
      {sites.length > 0 ? (
        <button type="button" className="button" disabled={!online || checking} onClick={checkNow}>
          Check serviceability again
        </button>
      ) : null}
    </section>
  );
}
