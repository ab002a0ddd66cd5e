import type { OfferingDoc, OpportunityDoc, QuoteDoc } from '../../../shared/schemas';

export const LAUNCHED = 'Launched';

/** Only Launched offerings may be sold to new customers (TMF620). */
export function launchedOfferings(offerings: readonly OfferingDoc[]): OfferingDoc[] {
  return offerings.filter((o) => o.lifecycleStatus === LAUNCHED);
}

/** The catalog version of the local catalog copy: the newest any offering carries; null before the catalog synced. */
export function catalogVersionOf(offerings: readonly OfferingDoc[]): string | null {
  const versions = offerings.map((o) => o.catalogVersion).filter((v) => v !== '');
  if (versions.length === 0) return null;
  return versions.sort((a, b) => b.localeCompare(a, undefined, { numeric: true }))[0] ?? null;
}

/** The currency the catalog prices in (its first price's), USD when it has none. */
export function catalogCurrency(offerings: readonly OfferingDoc[]): string {
  for (const o of offerings) {
    const price = o.prices[0];
    if (price) return price.currency;
  }
  return 'USD';
}

export interface NewQuoteInput {
  id: string;
  owner: string;
  now: string;
  opportunity: Pick<OpportunityDoc, 'id' | 'accountId'>;
  /** Quotes the opportunity already has: a new one takes the next version number. */
  existing: readonly Pick<QuoteDoc, 'version'>[];
  catalogVersion: string;
  currency: string;
}

/** An empty quote in progress for an opportunity (TMF648 starts a quote at inProgress). */
export function newQuote(input: NewQuoteInput): QuoteDoc {
  const version = input.existing.reduce((max, q) => Math.max(max, q.version), 0) + 1;
  return {
    id: input.id,
    owner: input.owner,
    createdAt: input.now,
    updatedAt: input.now,
    syncPending: true,
    opportunityId: input.opportunity.id,
    accountId: input.opportunity.accountId,
    version,
    status: 'inProgress',
    items: [],
    totals: { oneTime: 0, recurring: 0, currency: input.currency },
    catalogVersion: input.catalogVersion,
  };
}
