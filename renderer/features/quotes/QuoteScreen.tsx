import { useMemo } from 'react';
import { versionFacts, versionsOf } from '../../../shared/quotes/quoteVersions';
import { useNavigation } from '../../app/navigation';
import { useDocument, useDocuments } from '../../data/hooks';
import { Loading } from '../common/Loading';
import { NotFound } from '../common/NotFound';
import { SyncNotices } from '../common/SyncNotices';
import { QuoteDocumentSection } from './document/QuoteDocumentSection';
import { QuoteEditor } from './QuoteEditor';
import { ReviseRefusedQuote } from './ReviseRefusedQuote';
import { quoteTitle } from './quoteTitle';
import { QuoteVersions } from './QuoteVersions';
import { AgreementsInForce } from './AgreementsInForce';
import { useDiscountPolicy } from './useDiscountPolicy';
import { quoteSites } from '../../../shared/serviceability/siteQualification';
import { QuoteServiceability } from './serviceability/QuoteServiceability';
import { useSiteQualifications } from './serviceability/useSiteQualifications';
import { Timeline } from '../timeline/Timeline';

/** A quote with its account, opportunity and (once accepted) order. */
export function QuoteScreen({ id }: { id: string }) {
  const { navigate } = useNavigation();
  const quote = useDocument('quotes', id);
  const offerings = useDocuments('offerings');
  const account = useDocument('accounts', quote?.accountId);
  const opportunity = useDocument('opportunities', quote?.opportunityId);
  const orders = useDocuments('orders', { selector: { quoteId: id } });
  // The lines are delivered to the sites of the account and of its child accounts (branches).
  const children = useDocuments('accounts', { selector: { parentAccountId: quote?.accountId ?? '' } });
  const sites = useMemo(() => (account ? quoteSites([account, ...(children ?? [])]) : []), [account, children]);
  const serviceability = useSiteQualifications(id, quote?.syncPending === true, sites);
  // The quotes of its opportunity are its versions; until the quote is read, none (not every quote).
  const siblings = useDocuments('quotes', { selector: { opportunityId: quote?.opportunityId ?? '' } });
  const versions = useMemo(() => {
    // Until the query of its own opportunity answered (it holds the quote itself), the versions are not known.
    if (!quote || !siblings?.some((q) => q.id === quote.id)) return undefined;
    return versionsOf(siblings, quote.opportunityId);
  }, [quote, siblings]);
  const discountPolicy = useDiscountPolicy();
  // The machine's guards decide approvals with the synced discount policy (the default until one syncs).
  const facts = useMemo(
    () => (quote && versions && discountPolicy ? { ...versionFacts(quote, versions), policy: discountPolicy.policy } : undefined),
    [quote, versions, discountPolicy],
  );

  if (quote === null) return <NotFound what="Quote" />;
  if (quote === undefined || offerings === undefined || versions === undefined || facts === undefined || discountPolicy === undefined)
    return <Loading />;

  return (
    <div className="screen">
      <div className="screen-header">
        <h1>{quoteTitle(quote, account?.name ?? undefined)}</h1>
      </div>
      {opportunity ? (
        <p>
          Opportunity:{' '}
          <button type="button" className="link-button" onClick={() => navigate({ page: 'opportunity', id: opportunity.id })}>
            {opportunity.name}
          </button>
        </p>
      ) : null}
      <SyncNotices doc={quote} collection="quotes" />
      <ReviseRefusedQuote quote={quote} />
      <AgreementsInForce accountId={quote.accountId} quoteId={quote.id} />
      {/* A conflict that arrives or resolves replaces the lines under the editor: it starts again from the stored quote. */}
      <QuoteEditor
        key={`${quote.id}:${quote.conflictCopy ?? ''}`}
        quote={quote}
        catalog={offerings}
        account={account}
        order={orders?.[0]}
        versions={facts}
        policySource={discountPolicy.source}
        sites={sites}
        serviceability={serviceability}
      />
      <QuoteServiceability serviceability={serviceability} lines={quote.items} />
      <QuoteDocumentSection quote={quote} account={account} catalog={offerings} versions={facts} />
      <QuoteVersions quote={quote} versions={versions} />
      <Timeline kind="quote" id={quote.id} />
    </div>
  );
}
