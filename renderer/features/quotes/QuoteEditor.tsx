import type { QuoteVersionFacts } from '../../../shared/machines/quote.machine';
import type { AccountDoc, OfferingDoc, OrderDoc, QuoteDoc } from '../../../shared/schemas';
import { LineItemsTable } from '../common/LineItemsTable';
import { Totals } from '../common/Totals';
import { statusLabel } from '../statusLabels';
import { BundleComponents } from './BundleComponents';
import { CreateOrderButton } from './CreateOrderButton';
import { GuidedSelling } from './GuidedSelling';
import { OfferingPicker } from './OfferingPicker';
import { QuoteLine } from './QuoteLine';
import { launchedOfferings } from './newQuote';
import { lineNames } from './quoteLines';
import { awaitingApproval, quoteAccepted, quoteIsOpen } from './quoteState';
import { useQuoteEditor } from './useQuoteEditor';
import { QuoteApproval } from './QuoteApproval';
import { QuoteDiscounts } from './QuoteDiscounts';
import { undeliverableText, type QuoteSite } from '../../../shared/serviceability/siteQualification';
import type { SiteQualifications } from './serviceability/useSiteQualifications';
import { DEFAULT_DISCOUNT_POLICY } from '../../../shared/quotes/discountPolicy';
import { QuoteFreshness } from './QuoteFreshness';
import { ErrorNotice } from '../common/ErrorNotice';

export interface QuoteEditorProps {
  quote: QuoteDoc;
  catalog: readonly OfferingDoc[];
  account: AccountDoc | null | undefined;
  order: OrderDoc | undefined;
  /** The quote's place among its versions; a superseded version is shown, never edited or accepted. */
  versions?: QuoteVersionFacts;
  /** Whether the discount policy in `versions` is the synced one or the built-in default. */
  policySource?: 'synced' | 'default';
  /** The sites a line can be delivered to, and what reaches each (kept serviceability answers). */
  sites?: readonly QuoteSite[];
  serviceability?: SiteQualifications;
}

/**
 * Lines, prices and lifecycle actions of one quote. Lines are edited only while the quote
 * machine allows `quote.update`; afterwards they are shown as priced and stored.
 */
export function QuoteEditor({
  quote,
  catalog,
  account,
  order,
  versions,
  policySource = 'default',
  sites = [],
  serviceability,
}: QuoteEditorProps) {
  const editor = useQuoteEditor(quote, catalog, account, versions);
  const names = lineNames(editor.items, (offeringId) => {
    const known = catalog.find((o) => o.id === offeringId)?.name ?? quote.items.find((i) => i.offeringId === offeringId)?.offeringName;
    return known ?? 'Unknown offering';
  });
  const priced = editor.priced.ok ? editor.priced : null;
  const problem = editor.priced.ok ? null : editor.priced;
  const totals = editor.editable && priced ? priced.totals : quote.totals;
  // Until the quote is final, its lifecycle actions are shown, each enabled only when the machine allows it.
  const open = quoteIsOpen(quote);
  // A manager looking at a rep's pending quote: the machine and its role rules offer the decision.
  const deciding = editor.decides;

  return (
    <>
      <p className="status-text">Status: {statusLabel(quote.status)}</p>
      {editor.editable ? (
        <section className="section" aria-labelledby="quote-lines-heading">
          <h2 id="quote-lines-heading">Lines</h2>
          <OfferingPicker offerings={launchedOfferings(catalog)} onAdd={editor.add} />
          <GuidedSelling catalog={catalog} onPropose={editor.propose} />
          {problem ? <ErrorNotice>The quote cannot be priced: {problem.message}</ErrorNotice> : null}
          {editor.items.length === 0 ? (
            <p className="empty">No lines yet. Choose an offering and add it to the quote.</p>
          ) : (
            <ul className="quote-lines" aria-label="Quote lines">
              {editor.items.map((item) => {
                const name = names.get(item.id) ?? item.offeringId;
                const offering = catalog.find((o) => o.id === item.offeringId);
                const site = sites.find((s) => s.id === item.siteId);
                const kept = serviceability?.sites.find((s) => s.site.id === item.siteId)?.kept;
                const undeliverable = undeliverableText({ offeringId: item.offeringId, offeringName: name }, site, kept?.current);
                return (
                  <QuoteLine
                    key={item.id}
                    item={item}
                    name={name}
                    offering={offering}
                    priced={priced?.items.find((p) => p.id === item.id)}
                    currency={totals.currency}
                    problem={problem?.lineId === item.id ? problem.message : undefined}
                    violations={editor.violations.get(item.id)}
                    onQuantity={(q) => editor.quantity(item.id, q)}
                    onCharacteristic={(n, v) => editor.characteristic(item.id, n, v)}
                    sites={sites}
                    onSite={(siteId) => editor.site(item.id, siteId)}
                    undeliverable={undeliverable}
                    onRemove={() => editor.remove(item.id)}
                  >
                    {offering?.isBundle ? <BundleComponents bundle={offering} name={name} catalog={catalog} onAdd={editor.add} /> : null}
                  </QuoteLine>
                );
              })}
            </ul>
          )}
        </section>
      ) : (
        <section className="section" aria-labelledby="quote-lines-heading">
          <h2 id="quote-lines-heading">Lines</h2>
          <LineItemsTable items={quote.items} currency={quote.totals.currency} label="Quote lines" />
        </section>
      )}
      {editor.editable && editor.violations.size > 0 ? (
        <p className="notice notice--warning">The lines break the catalog&apos;s rules; fix what each line says before submitting.</p>
      ) : null}
      <Totals totals={totals} live={editor.editable} />
      <QuoteDiscounts
        items={editor.editable && priced ? priced.items : quote.items}
        discounts={editor.editable ? editor.discounts : (quote.discounts ?? [])}
        currency={totals.currency}
        names={names}
        editable={editor.editable && priced !== null}
        onSet={editor.setDiscount}
        policy={versions?.policy ?? DEFAULT_DISCOUNT_POLICY}
        policySource={versions?.policy ? policySource : 'default'}
      />
      <QuoteFreshness
        quote={quote}
        catalog={catalog}
        needsReprice={editor.needsReprice}
        canReprice={editor.canReprice}
        onReprice={editor.reprice}
      />
      {editor.error ? <ErrorNotice>{editor.error}</ErrorNotice> : null}
      <div className="screen-actions">
        {open && !deciding ? (
          <>
            <button type="button" className="button button--primary" disabled={!editor.canSubmit} onClick={editor.submit}>
              Submit for approval
            </button>
            <button type="button" className="button button--primary" disabled={!editor.canAccept} onClick={editor.accept}>
              Accept quote
            </button>
          </>
        ) : null}
        {editor.canReopen ? (
          <button type="button" className="button" onClick={editor.reopen}>
            Reopen quote
          </button>
        ) : null}
        {quoteAccepted(quote) ? <CreateOrderButton editor={editor} account={account} existing={order} /> : null}
      </div>
      <QuoteApproval quote={quote} editor={editor} waiting={awaitingApproval(quote)} policy={versions?.policy ?? DEFAULT_DISCOUNT_POLICY} />
    </>
  );
}
