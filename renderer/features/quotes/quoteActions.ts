/**
 * Every quote status change the app makes, through the quote machine and its role rules
 * (sendQuote). Without an actor the quote's owner acts: the rep working on their own quote.
 */
import { ownerOf, sendOrThrow, type Actor } from '../../../shared/machines/send';
import { canEditQuoteDoc, canSendQuote, sendQuote, type QuoteEvent, type QuoteVersionFacts } from '../../../shared/machines/quote.machine';
import type { QuoteDoc } from '../../../shared/schemas';
import type { LineItem, Totals } from '../../../shared/schemas/lineItem';

/** `versions`: the quote's place among its versions (quoteVersions.ts); none known = the latest. */
export function canQuote(quote: QuoteDoc, event: QuoteEvent, actor: Actor = ownerOf(quote), versions?: QuoteVersionFacts): boolean {
  return canSendQuote(quote, event, actor, versions);
}

/** Lines and totals may change only in the quote's editable statuses (QUOTE_EDITING) and while the machine accepts `quote.update` from this actor (the latest version only). */
export function canEditQuote(quote: QuoteDoc, actor: Actor = ownerOf(quote), versions?: QuoteVersionFacts): boolean {
  return canEditQuoteDoc(quote, actor, versions);
}

function send(quote: QuoteDoc, event: QuoteEvent, actor: Actor, versions?: QuoteVersionFacts): QuoteDoc {
  return sendOrThrow(sendQuote(quote, event, actor, versions));
}

/** The quote with repriced lines, through `quote.update`. */
export function updateQuoteLines(
  quote: QuoteDoc,
  items: LineItem[],
  totals: Totals,
  actor: Actor = ownerOf(quote),
  versions?: QuoteVersionFacts,
): QuoteDoc {
  return send(quote, { type: 'quote.update', changes: { items, totals } }, actor, versions);
}

/** Submits for approval: approved at once within the rep's authority, pending otherwise. */
export function submitQuote(quote: QuoteDoc, actor: Actor = ownerOf(quote)): QuoteDoc {
  return send(quote, { type: 'quote.submit' }, actor);
}

/** The customer accepted the approved quote (only its latest version). */
export function acceptQuote(quote: QuoteDoc, at: string, actor: Actor = ownerOf(quote), versions?: QuoteVersionFacts): QuoteDoc {
  return send(quote, { type: 'quote.accept', at }, actor, versions);
}

/** A manager of the quote's owner approves the pending quote. */
export function approveQuote(quote: QuoteDoc, actor: Actor): QuoteDoc {
  return send(quote, { type: 'quote.approve' }, actor);
}

/** A manager of the quote's owner sends the pending quote back to the rep to rework. */
export function sendBackQuote(quote: QuoteDoc, actor: Actor): QuoteDoc {
  return send(quote, { type: 'quote.rework' }, actor);
}
