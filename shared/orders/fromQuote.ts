/**
 * An order starts as a faithful copy of the accepted quote (seed 003/004: order lines reflect
 * the quote, commercial changes go back through the quote), plus what only the order needs:
 * billing account and service address, prefilled where the account leaves no choice.
 */
import type { AccountDoc, OrderDoc, QuoteDoc } from '../schemas';
import type { LineItem } from '../schemas/lineItem';
import { newId } from '../ids';

function copyLine(line: LineItem): LineItem {
  return { ...line, characteristics: line.characteristics.map((c) => ({ name: c.name, value: c.value })) };
}

export function orderFromQuote(quote: QuoteDoc, account: AccountDoc, now: string): OrderDoc {
  if (quote.status !== 'accepted') {
    throw new Error(`Quote is '${quote.status}'; only a quote the customer accepted can become an order`);
  }
  if (quote.accountId !== account.id) {
    throw new Error(`Quote belongs to account '${quote.accountId}', not to '${account.name}'; pick the quote's own account`);
  }
  const billingAccounts = account.billingAccounts ?? [];
  const site = account.sites?.[0];
  return {
    id: newId(),
    owner: quote.owner,
    createdAt: now,
    updatedAt: now,
    syncPending: true,
    quoteId: quote.id,
    opportunityId: quote.opportunityId,
    accountId: account.id,
    accountName: account.name,
    status: 'draft',
    items: quote.items.map(copyLine),
    totals: { ...quote.totals },
    catalogVersion: quote.catalogVersion,
    // With several billing accounts the rep must choose; guessing would invoice the wrong entity.
    ...(billingAccounts.length === 1 && billingAccounts[0] ? { billingAccount: billingAccounts[0].id } : {}),
    ...(site ? { serviceAddress: { street: site.street, city: site.city, postcode: site.postcode, country: site.country } } : {}),
  };
}
