/** The parts of the TMF648 v4 Quote resource the central system writes (swagger definitions). */
export const QUOTE_BASE = '/tmf-api/quoteManagement/v4';
/** Event `domain`: the API's base path name, as the other TMF APIs here use it. */
export const QUOTE_DOMAIN = 'quoteManagement';
const CATALOG_BASE = '/tmf-api/productCatalogManagement/v4';

export interface Money {
  unit: string;
  value: number;
}

export interface QuotePrice {
  name: string;
  priceType: 'oneTime' | 'recurring';
  recurringChargePeriod?: string;
  price: { dutyFreeAmount: Money };
}

export interface QuoteItem {
  id: string;
  action: 'add';
  quantity: number;
  productOffering: { id: string; name: string; href: string };
  product: { name: string; productCharacteristic: { name: string; valueType: string; value: string }[] };
  quoteItemPrice: QuotePrice[];
}

export interface Quote {
  id: string;
  href: string;
  version: string;
  state: string;
  quoteDate: string;
  description: string;
  effectiveQuoteCompletionDate?: string;
  quoteItem: QuoteItem[];
  quoteTotalPrice: QuotePrice[];
  relatedParty: { id: string; name: string; role: string; '@referredType': string }[];
  '@type': 'Quote';
  [attribute: string]: unknown;
}

export function quoteHref(id: string): string {
  return `${QUOTE_BASE}/quote/${id}`;
}

export function offeringHref(id: string): string {
  return `${CATALOG_BASE}/productOffering/${id}`;
}
