/**
 * What the quote editor holds and the pure steps it takes on it: the stored quote with the lines on
 * screen, the rep's or approver's decision, a line edit. The machine (quoteEditor.machine.ts)
 * decides when; these say what.
 */
import type { ConfiguredItem } from '../../../shared/pricing/engine';
import type { AccountDoc, OfferingDoc, QuoteDoc } from '../../../shared/schemas';
import type { Actor } from '../../../shared/machines/send';
import type { QuoteVersionFacts } from '../../../shared/machines/quote.machine';
import type { QuoteDiscount } from '../../../shared/quotes/discounts';
import { acceptQuote, approveQuote, canEditQuote, reopenQuote, sendBackQuote, submitQuote, updateQuoteLines } from './quoteActions';
import { addLine, price, removeLine, setCharacteristic, setQuantity, setSite } from './quoteLines';
import { catalogVersionOf } from './newQuote';
import { needsRepriceReview, repriceDiff } from '../../../shared/quotes/repriceDiff';

export interface QuoteEditorContext {
  /** The quote as the store last reported it (or as this editor last wrote it). */
  quote: QuoteDoc;
  catalog: readonly OfferingDoc[];
  account: AccountDoc | null | undefined;
  /** Who works on the quote: its owner edits and submits, a manager of the owner decides it. */
  actor: Actor;
  /** The quote's place among its versions: only the latest is edited or accepted. */
  versions: QuoteVersionFacts;
  /** The lines on screen. */
  items: ConfiguredItem[];
  /** The discounts on screen, stored with the lines. */
  discounts: QuoteDiscount[];
  /** The approver's comment with their decision. */
  comment: string;
  /** Lines changed while a write was on its way: store them next. */
  linesChanged: boolean;
  /** Submit or Accept pressed while lines were being stored: done once they are. */
  next: 'submit' | 'accept' | null;
  toStore: QuoteDoc | null;
  error: string | null;
}

export type QuoteEditorEvent =
  | { type: 'lines.add'; offering: OfferingDoc; lineId: string }
  /** Guided selling's proposal, added as lines the rep then edits. */
  | { type: 'lines.propose'; items: readonly ConfiguredItem[] }
  | { type: 'lines.remove'; lineId: string }
  | { type: 'lines.quantity'; lineId: string; quantity: number }
  | { type: 'lines.characteristic'; lineId: string; name: string; value: string }
  /** The site the line is delivered to ('' = none). */
  | { type: 'lines.site'; lineId: string; siteId: string }
  | { type: 'discounts.set'; discount: QuoteDiscount }
  | { type: 'editor.submit' }
  | { type: 'editor.accept' }
  | { type: 'editor.approve'; comment?: string }
  | { type: 'editor.rework'; comment?: string }
  | { type: 'editor.reopen' }
  | { type: 'editor.reprice' }
  | { type: 'editor.createOrder' }
  | { type: 'quote.stored'; quote: QuoteDoc }
  | { type: 'catalog.loaded'; catalog: readonly OfferingDoc[] }
  | { type: 'account.loaded'; account: AccountDoc | null | undefined }
  | { type: 'versions.loaded'; versions: QuoteVersionFacts };

export interface QuoteEditorInput {
  quote: QuoteDoc;
  catalog: readonly OfferingDoc[];
  account?: AccountDoc | null;
  actor: Actor;
  versions?: QuoteVersionFacts;
}

export function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The stored quote with the lines on screen, or null when they cannot be priced; unchanged once lines are closed. */
export function withLines(context: QuoteEditorContext): QuoteDoc | null {
  const { quote, items, discounts, catalog, actor, versions } = context;
  if (!canEditQuote(quote, actor, versions)) return quote;
  const priced = price(items, catalog);
  if (!priced.ok) return null;
  const given = discounts.length > 0 || quote.discounts !== undefined ? { discounts } : {};
  // Every line is priced with the local catalog now, so the quote is of its version.
  const version = catalogVersionOf(catalog);
  return updateQuoteLines(quote, priced.items, priced.totals, actor, versions, {
    ...given,
    ...(version === null ? {} : { catalogVersion: version }),
  });
}

/** The local catalog prices this quote's lines differently and the rep has not repriced it yet. */
export function needsReprice({ quote, catalog }: Pick<QuoteEditorContext, 'quote' | 'catalog'>): boolean {
  if (quote.items.length === 0 || catalog.length === 0) return false;
  return needsRepriceReview(repriceDiff(quote, catalog, catalogVersionOf(catalog) ?? quote.catalogVersion));
}

export type Decision = 'editor.submit' | 'editor.accept' | 'editor.approve' | 'editor.rework' | 'editor.reopen';

/** The quote after the rep's (submit, accept, reopen) or the approver's (approve, send back) decision. */
export function decided(doc: QuoteDoc, action: Decision, context: QuoteEditorContext): QuoteDoc {
  const { actor, versions, comment } = context;
  switch (action) {
    case 'editor.submit':
      return submitQuote(doc, actor);
    case 'editor.accept':
      return acceptQuote(doc, new Date().toISOString(), actor, versions, context.account);
    case 'editor.approve':
      return approveQuote(doc, actor, comment);
    case 'editor.rework':
      return sendBackQuote(doc, actor, comment);
    case 'editor.reopen':
      return reopenQuote(doc, actor, versions);
  }
}

export function editLines(context: QuoteEditorContext, event: QuoteEditorEvent): ConfiguredItem[] {
  switch (event.type) {
    case 'lines.add':
      return addLine(context.items, event.offering, event.lineId);
    case 'lines.propose':
      return [...context.items, ...event.items];
    case 'lines.remove':
      return removeLine(context.items, event.lineId);
    case 'lines.quantity':
      return setQuantity(context.items, event.lineId, event.quantity);
    case 'lines.characteristic':
      return setCharacteristic(context.items, event.lineId, event.name, event.value);
    case 'lines.site':
      return setSite(context.items, event.lineId, event.siteId);
    default:
      return context.items;
  }
}
