/**
 * A `quotes` document (configured and priced on a rep's laptop, pushed by sync) as a TMF648 v4
 * Quote. Amounts are the quote's integer cents as currency units; line prices include the
 * quantity, as the app prices them (and as the TMF622 order it becomes carries them).
 */
import type { QuoteDoc } from '../../../../shared/schemas';
import { offeringHref, quoteHref, type Quote, type QuoteItem, type QuotePrice } from './quoteTypes';

export interface QuoteParties {
  accountName: string | undefined;
  rep: { id: string; displayName: string };
}

function prices(oneTime: number, recurring: number, unit: string): QuotePrice[] {
  return [
    { name: 'One-time charge', priceType: 'oneTime', price: { dutyFreeAmount: { unit, value: oneTime / 100 } } },
    {
      name: 'Monthly charge',
      priceType: 'recurring',
      recurringChargePeriod: 'month',
      price: { dutyFreeAmount: { unit, value: recurring / 100 } },
    },
  ];
}

export function toQuote(quote: QuoteDoc, parties: QuoteParties): Quote {
  const currency = quote.totals.currency;
  const items: QuoteItem[] = quote.items.map((line) => ({
    id: line.id,
    action: 'add',
    quantity: line.quantity,
    productOffering: { id: line.offeringId, name: line.offeringName, href: offeringHref(line.offeringId) },
    product: {
      name: line.offeringName,
      productCharacteristic: line.characteristics.map((c) => ({ name: c.name, valueType: 'string', value: c.value })),
    },
    quoteItemPrice: prices(line.oneTime, line.recurring, currency),
  }));
  const customer = parties.accountName ?? quote.accountId;
  return {
    id: quote.id,
    href: quoteHref(quote.id),
    version: String(quote.version),
    state: quote.status,
    quoteDate: quote.createdAt,
    description: `Quote version ${quote.version} for ${customer}, priced with catalog ${quote.catalogVersion}`,
    ...(quote.status === 'accepted' && quote.acceptedAt ? { effectiveQuoteCompletionDate: quote.acceptedAt } : {}),
    quoteItem: items,
    quoteTotalPrice: prices(quote.totals.oneTime, quote.totals.recurring, currency),
    relatedParty: [
      { id: quote.accountId, name: customer, role: 'customer', '@referredType': 'Organization' },
      { id: parties.rep.id, name: parties.rep.displayName, role: 'salesRep', '@referredType': 'Individual' },
    ],
    '@type': 'Quote',
  };
}
