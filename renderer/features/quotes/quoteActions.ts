/**
 * Every quote status change the app makes, through the quote machine and its role rules
 * (sendQuote). Without an actor the quote's owner acts: the rep working on their own quote.
 */
import { ownerOf, sendOrThrow, type Actor } from '../../../shared/machines/send';
import { canEditQuoteDoc, canSendQuote, sendQuote, type QuoteEvent, type QuoteVersionFacts } from '../../../shared/machines/quote.machine';
import type { QuoteDoc } from '../../../shared/schemas';
import type { LineItem, Totals } from '../../../shared/schemas/lineItem';
import { discountsOfLines, type QuoteDiscount } from '../../../shared/quotes/discounts';
import { withAgreement } from '../../../shared/quotes/salesAgreement';

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

/**
 * The quote with repriced lines through `quote.update`; `more`: the rep's discounts (a removed
 * line takes its discounts with it) and the catalog version the lines were priced with.
 */
export function updateQuoteLines(
  quote: QuoteDoc,
  items: LineItem[],
  totals: Totals,
  actor: Actor = ownerOf(quote),
  versions?: QuoteVersionFacts,
  more: { discounts?: readonly QuoteDiscount[]; catalogVersion?: string } = {},
): QuoteDoc {
  const discounts = more.discounts ?? quote.discounts;
  const changes: Partial<QuoteDoc> = {
    items,
    totals,
    ...(discounts === undefined ? {} : { discounts: discountsOfLines(discounts, items) }),
    ...(more.catalogVersion === undefined ? {} : { catalogVersion: more.catalogVersion }),
  };
  return send(quote, { type: 'quote.update', changes }, actor, versions);
}

/** The rep reopens an approved quote to change it; it must be approved again. */
export function reopenQuote(quote: QuoteDoc, actor: Actor = ownerOf(quote), versions?: QuoteVersionFacts): QuoteDoc {
  return send(quote, { type: 'quote.reopen' }, actor, versions);
}

function decision(outcome: 'approved' | 'rejected', actor: Actor, comment: string | undefined): NonNullable<QuoteDoc['approvalDecision']> {
  const by = actor.kind === 'user' ? actor.id : actor.name;
  const text = comment?.trim() ?? '';
  return { outcome, by, at: new Date().toISOString(), ...(text === '' ? {} : { comment: text }) };
}

/** Submits for approval: approved at once within the rep's authority, pending otherwise. */
export function submitQuote(quote: QuoteDoc, actor: Actor = ownerOf(quote)): QuoteDoc {
  return send(quote, { type: 'quote.submit' }, actor);
}

/**
 * The customer accepted the approved quote (only its latest version); a signed one becomes its
 * sales agreement in the same write (`account`: the customer party).
 */
export function acceptQuote(
  quote: QuoteDoc,
  at: string,
  actor: Actor = ownerOf(quote),
  versions?: QuoteVersionFacts,
  account?: { id: string; name: string } | null,
): QuoteDoc {
  return withAgreement(send(quote, { type: 'quote.accept', at }, actor, versions), account);
}

/** The approver (a manager of the owner with the authority the discount needs) approves the pending quote, with an optional comment. */
export function approveQuote(quote: QuoteDoc, actor: Actor, comment?: string): QuoteDoc {
  return { ...send(quote, { type: 'quote.approve' }, actor), approvalDecision: decision('approved', actor, comment) };
}

/** The approver rejects the request: the quote goes back to the rep to rework, with the approver's comment. */
export function sendBackQuote(quote: QuoteDoc, actor: Actor, comment?: string): QuoteDoc {
  return { ...send(quote, { type: 'quote.rework' }, actor), approvalDecision: decision('rejected', actor, comment) };
}
