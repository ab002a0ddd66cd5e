import { quoteMachine, type QuoteEvent } from '../../../shared/machines/quote.machine';
import { canSend, step } from '../../../shared/machines/transition';
import type { QuoteDoc } from '../../../shared/schemas';
import type { LineItem, Totals } from '../../../shared/schemas/lineItem';
import type { QuoteStatus } from '../../../shared/schemas/quote.schema';

export function canQuote(quote: QuoteDoc, event: QuoteEvent): boolean {
  return canSend(quoteMachine, quote.status, { quote }, event);
}

/** Lines and totals may change only while the quote machine accepts `quote.update`. */
export function canEditQuote(quote: QuoteDoc): boolean {
  return canQuote(quote, { type: 'quote.update' });
}

function send(quote: QuoteDoc, event: QuoteEvent): QuoteDoc {
  const next = step<typeof quoteMachine, QuoteStatus>(quoteMachine, quote.status, { quote }, event);
  return { ...next.context.quote, status: next.status };
}

/** The quote with repriced lines, through `quote.update`. */
export function updateQuoteLines(quote: QuoteDoc, items: LineItem[], totals: Totals): QuoteDoc {
  return send(quote, { type: 'quote.update', changes: { items, totals } });
}

/** Submits for approval: approved at once within the rep's authority, pending otherwise. */
export function submitQuote(quote: QuoteDoc): QuoteDoc {
  return send(quote, { type: 'quote.submit' });
}

/** The customer accepted the approved quote. */
export function acceptQuote(quote: QuoteDoc, at: string): QuoteDoc {
  return send(quote, { type: 'quote.accept', at });
}
