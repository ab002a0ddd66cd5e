import type { QuoteDoc } from '../../../shared/schemas';

/** "Acme Ltd — quote v2": how a quote is named in lists and headings. */
export function quoteTitle(quote: Pick<QuoteDoc, 'version'>, accountName: string | undefined): string {
  return `${accountName ?? 'Quote'} — quote v${quote.version}`;
}
