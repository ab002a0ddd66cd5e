/**
 * What the customer's copy of a quote version says, as data: the PDF renderer
 * (renderer/features/quotes/document/quotePdf.ts) only lays it out. Everything comes from the
 * stored version, its account and the local catalog, so it is made offline and says the same
 * on every laptop (fixed locale, dates in UTC): the copy of a signed version can be made again
 * at any time and reads as the one the customer signed.
 */
import { formatCents } from '../money';
import type { AccountDoc, OfferingDoc, QuoteDoc } from '../schemas';
import type { LineItem } from '../schemas/lineItem';

/** The seller, printed at the top of every copy. */
export interface CompanyProfile {
  name: string;
  addressLines: readonly string[];
  contact: string;
}

export const OUTPOST_COMPANY: CompanyProfile = {
  name: 'Outpost Telecom Business Sales',
  addressLines: ['100 Exchange Place', 'Denver, CO 80202, US'],
  contact: 'business-sales@outpost.example · +1 303 555 0100',
};

/** How long an offer stands from the version's date (TMF648 `validFor`). */
export const QUOTE_VALIDITY_DAYS = 30;

export const QUOTE_TERMS: readonly string[] = [
  'Prices are in the currency shown, excluding taxes, which are added on the invoice.',
  'Monthly charges are billed monthly in advance from the activation of each service; one-time charges are billed once, on activation.',
  'The contract term of each line is the one shown among its characteristics; it starts on activation.',
  'Services are delivered subject to a successful serviceability check of each site.',
  'This offer becomes a binding agreement when the customer has signed it and the seller has accepted it.',
];

export interface DocumentLine {
  name: string;
  quantity: number;
  /** "Bandwidth: 1 Gbps", in the order the line holds them. */
  characteristics: string[];
  oneTime: string;
  recurring: string;
  /** The catalog discounts that priced this line: "24-month term: 10% off the monthly charge". */
  discounts: string[];
}

export interface QuoteDocumentModel {
  fileName: string;
  title: string;
  company: CompanyProfile;
  customer: { name: string; accountId: string; country: string; billingAccounts: string[] };
  sites: string[];
  reference: { quoteId: string; version: number; status: string; catalogVersion: string; date: string };
  lines: DocumentLine[];
  totals: { oneTime: string; recurring: string };
  discounts: string[];
  terms: readonly string[];
  validity: { from: string; until: string; text: string };
  signature: { signerName: string; signedAt: string; method: 'drawn' | 'typed'; image?: string } | null;
}

export interface QuoteDocumentInput {
  quote: QuoteDoc;
  /** Its account as the laptop holds it; null while unknown (the copy then names the account id). */
  account: AccountDoc | null | undefined;
  offerings: readonly OfferingDoc[];
  company?: CompanyProfile;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** "2026-12-01" of an ISO instant, in UTC, whatever the laptop's zone. */
export function documentDate(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : new Date(time).toISOString().slice(0, 10);
}

/** "2026-12-01 14:05 UTC". */
export function documentTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A file name every OS accepts: letters, digits, dashes; the version in it. */
export function documentFileName(customer: string, version: number): string {
  const safe = customer
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '') // accents go, their letters stay
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `Quote-${safe === '' ? 'customer' : safe}-v${version}.pdf`;
}

function lineDiscounts(item: LineItem, offering: OfferingDoc | undefined): string[] {
  const chosen = new Map(item.characteristics.map((c) => [c.name, c.value]));
  return (offering?.discounts ?? [])
    .filter((discount) => discount.when === undefined || chosen.get(discount.when.characteristic) === discount.when.value)
    .filter((discount) => discount.percent > 0)
    .map(
      (discount) => `${discount.name}: ${discount.percent}% off the ${discount.appliesTo === 'oneTime' ? 'one-time' : 'monthly'} charge`,
    );
}

function siteText(site: NonNullable<AccountDoc['sites']>[number]): string {
  const address = `${site.street}, ${site.city} ${site.postcode}, ${site.country}`;
  return site.name ? `${site.name}: ${address}` : address;
}

export function quoteDocument({ quote, account, offerings, company = OUTPOST_COMPANY }: QuoteDocumentInput): QuoteDocumentModel {
  const currency = quote.totals.currency;
  const money = (cents: number) => formatCents(cents, currency);
  const customerName = account?.name ?? `Account ${quote.accountId}`;
  const lines = quote.items.map((item): DocumentLine => {
    const offering = offerings.find((o) => o.id === item.offeringId);
    return {
      name: item.offeringName,
      quantity: item.quantity,
      characteristics: item.characteristics.map((c) => `${c.name}: ${c.value}`),
      oneTime: money(item.oneTime),
      recurring: `${money(item.recurring)} / month`,
      discounts: lineDiscounts(item, offering),
    };
  });
  const from = documentDate(quote.createdAt);
  const fromTime = Date.parse(quote.createdAt);
  const until = Number.isNaN(fromTime) ? from : documentDate(new Date(fromTime + QUOTE_VALIDITY_DAYS * DAY_MS).toISOString());
  const signature = quote.signature
    ? {
        signerName: quote.signature.signerName,
        signedAt: documentTime(quote.signature.signedAt),
        method: quote.signature.method,
        ...(quote.signature.image === undefined ? {} : { image: quote.signature.image }),
      }
    : null;
  return {
    fileName: documentFileName(customerName, quote.version),
    title: `Quote for ${customerName}, version ${quote.version}`,
    company,
    customer: {
      name: customerName,
      accountId: quote.accountId,
      country: account?.country ?? '',
      billingAccounts: (account?.billingAccounts ?? []).map((billing) => billing.name),
    },
    sites: (account?.sites ?? []).map(siteText),
    reference: { quoteId: quote.id, version: quote.version, status: quote.status, catalogVersion: quote.catalogVersion, date: from },
    lines,
    totals: { oneTime: money(quote.totals.oneTime), recurring: `${money(quote.totals.recurring)} / month` },
    discounts: lines.flatMap((line) => line.discounts.map((discount) => `${line.name}: ${discount}`)),
    terms: QUOTE_TERMS,
    validity: { from, until, text: `This offer is valid from ${from} until ${until} (${QUOTE_VALIDITY_DAYS} days).` },
    signature,
  };
}
