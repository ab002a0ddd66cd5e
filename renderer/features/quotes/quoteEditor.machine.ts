/**
 * The quote editor's lifecycle: the lines the rep configures are held here, repriced on every
 * change and stored one write after another (never two at once, never out of order); Submit,
 * Accept and Create order each write once. Status changes are quoteActions.ts's; the I/O is
 * `storeQuote` and `createOrder`, provided by the screen (tests provide doubles).
 */
import { and, assign, fromPromise, setup } from 'xstate';
import type { ConfiguredItem } from '../../../shared/pricing/engine';
import { checkConfiguration } from '../../../shared/catalog/configRules';
import { orderFromQuote } from '../../../shared/orders/fromQuote';
import type { AccountDoc, OfferingDoc, OrderDoc, QuoteDoc } from '../../../shared/schemas';
import type { Actor } from '../../../shared/machines/send';
import type { QuoteVersionFacts } from '../../../shared/machines/quote.machine';
import { setDiscount, type QuoteDiscount } from '../../../shared/quotes/discounts';
import {
  acceptQuote,
  approveQuote,
  canEditQuote,
  canQuote,
  reopenQuote,
  sendBackQuote,
  submitQuote,
  updateQuoteLines,
} from './quoteActions';
import { addLine, configuredOf, price, removeLine, setCharacteristic, setQuantity, setSite } from './quoteLines';
import { quoteAccepted } from './quoteState';
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

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The stored quote with the lines on screen, or null when they cannot be priced; unchanged once lines are closed. */
function withLines(context: QuoteEditorContext): QuoteDoc | null {
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

type Decision = 'editor.submit' | 'editor.accept' | 'editor.approve' | 'editor.rework' | 'editor.reopen';

/** The quote after the rep's (submit, accept, reopen) or the approver's (approve, send back) decision. */
function decided(doc: QuoteDoc, action: Decision, context: QuoteEditorContext): QuoteDoc {
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

function editLines(context: QuoteEditorContext, event: QuoteEditorEvent): ConfiguredItem[] {
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

export const quoteEditorMachine = setup({
  types: {
    context: {} as QuoteEditorContext,
    events: {} as QuoteEditorEvent,
    input: {} as QuoteEditorInput,
  },
  actors: {
    /** Writes the quote to the local store; null means there is nothing to write. */
    storeQuote: fromPromise<void, { quote: QuoteDoc | null }>(() => Promise.reject(new Error('storeQuote is provided by the screen'))),
    createOrder: fromPromise<OrderDoc, { quote: QuoteDoc; account: AccountDoc }>(() =>
      Promise.reject(new Error('createOrder is provided by the screen')),
    ),
  },
  actions: {
    editLines: assign(({ context, event }) => ({ items: editLines(context, event), error: null })),
    editDiscounts: assign(({ context, event }) =>
      event.type === 'discounts.set' ? { discounts: setDiscount(context.discounts, event.discount), error: null } : {},
    ),
    rememberComment: assign(({ event }) =>
      event.type === 'editor.approve' || event.type === 'editor.rework' ? { comment: event.comment ?? '' } : {},
    ),
    markLinesChanged: assign({ linesChanged: true }),
    rememberQuote: assign(({ event }) => (event.type === 'quote.stored' ? { quote: event.quote } : {})),
    /** A reopened quote shows the lines and discounts it was reopened with. */
    takeStoredContent: assign(({ context }) => ({
      items: configuredOf(context.quote.items),
      discounts: [...(context.quote.discounts ?? [])],
    })),
    rememberCatalog: assign(({ event }) => (event.type === 'catalog.loaded' ? { catalog: event.catalog } : {})),
    rememberAccount: assign(({ event }) => (event.type === 'account.loaded' ? { account: event.account } : {})),
    rememberVersions: assign(({ event }) => (event.type === 'versions.loaded' ? { versions: event.versions } : {})),
    prepareLines: assign(({ context }) => {
      const doc = withLines(context);
      return { linesChanged: false, toStore: doc && canEditQuote(doc, context.actor, context.versions) ? doc : null };
    }),
    queueNext: assign((_, next: 'submit' | 'accept') => ({ next })),
    prepareAction: assign(({ context, event }) => {
      const action: Decision =
        event.type === 'editor.submit' ||
        event.type === 'editor.accept' ||
        event.type === 'editor.approve' ||
        event.type === 'editor.rework' ||
        event.type === 'editor.reopen'
          ? event.type
          : context.next === 'submit'
            ? 'editor.submit'
            : 'editor.accept';
      const doc = withLines(context);
      if (!doc)
        return { next: null, toStore: null, error: 'The quote could not be saved: a line cannot be priced; change or remove it first' };
      return { next: null, toStore: decided(doc, action, context), error: null };
    }),
    /** Until the store reports back, the quote is what was written: line edits then see it closed. */
    assumeStored: assign(({ context }) => (context.toStore ? { quote: context.toStore } : {})),
    storeFailed: assign((_, { error }: { error: unknown }) => ({ error: `The quote could not be saved: ${reason(error)}` })),
    orderFailed: assign((_, { error }: { error: unknown }) => ({ error: `The order could not be created: ${reason(error)}` })),
    /** Provided by the screen: opens the order just created. */
    openOrder: (_, _params: { orderId: string }) => undefined,
  },
  guards: {
    // While the catalog changed this quote's prices, nothing changes until the rep has seen the difference and repriced.
    editable: ({ context }) => canEditQuote(context.quote, context.actor, context.versions) && !needsReprice(context),
    canReprice: ({ context }) => canEditQuote(context.quote, context.actor, context.versions) && needsReprice(context),
    fresh: ({ context }) => !needsReprice(context),
    linesChanged: ({ context }) => context.linesChanged,
    hasNext: ({ context }) => context.next !== null,
    nothingToStore: ({ context }) => context.toStore === null,
    /** Every line priced, no catalog rule broken, and the quote machine accepts `quote.submit` for the quote as on screen. */
    canSubmit: ({ context }) => {
      const doc = withLines(context);
      return (
        doc !== null &&
        !needsReprice(context) &&
        checkConfiguration(context.items, context.catalog).length === 0 &&
        canQuote(doc, { type: 'quote.submit' }, context.actor)
      );
    },
    canAccept: ({ context }) =>
      !needsReprice(context) && canQuote(context.quote, { type: 'quote.accept' }, context.actor, context.versions),
    /** A manager of the owner deciding a quote that waits for approval (the role rules say who). */
    canApprove: ({ context }) => canQuote(context.quote, { type: 'quote.approve' }, context.actor),
    canSendBack: ({ context }) => canQuote(context.quote, { type: 'quote.rework' }, context.actor),
    canReopen: ({ context }) => canQuote(context.quote, { type: 'quote.reopen' }, context.actor, context.versions),
    quoteAccepted: ({ context }) => quoteAccepted(context.quote),
    accountKnown: ({ context }) => Boolean(context.account),
  },
}).createMachine({
  id: 'quoteEditor',
  context: ({ input }) => ({
    quote: input.quote,
    catalog: input.catalog,
    account: input.account,
    actor: input.actor,
    versions: input.versions ?? {},
    items: configuredOf(input.quote.items),
    discounts: [...(input.quote.discounts ?? [])],
    comment: '',
    linesChanged: false,
    next: null,
    toStore: null,
    error: null,
  }),
  initial: 'ready',
  on: {
    'quote.stored': { actions: 'rememberQuote' },
    'catalog.loaded': { actions: 'rememberCatalog' },
    'account.loaded': { actions: 'rememberAccount' },
    'versions.loaded': { actions: 'rememberVersions' },
  },
  states: {
    ready: {
      on: {
        'lines.add': { guard: 'editable', target: 'savingLines', actions: 'editLines' },
        'lines.propose': { guard: 'editable', target: 'savingLines', actions: 'editLines' },
        'lines.remove': { guard: 'editable', target: 'savingLines', actions: 'editLines' },
        'lines.quantity': { guard: 'editable', target: 'savingLines', actions: 'editLines' },
        'lines.characteristic': { guard: 'editable', target: 'savingLines', actions: 'editLines' },
        'lines.site': { guard: 'editable', target: 'savingLines', actions: 'editLines' },
        'discounts.set': { guard: 'editable', target: 'savingLines', actions: 'editDiscounts' },
        'editor.submit': { guard: 'canSubmit', target: 'acting' },
        'editor.accept': { guard: 'canAccept', target: 'acting' },
        'editor.approve': { guard: 'canApprove', target: 'acting', actions: 'rememberComment' },
        'editor.rework': { guard: 'canSendBack', target: 'acting', actions: 'rememberComment' },
        'editor.reopen': { guard: 'canReopen', target: 'acting' },
        'editor.createOrder': { guard: and(['quoteAccepted', 'accountKnown', 'fresh']), target: 'creatingOrder' },
        'editor.reprice': { guard: 'canReprice', target: 'savingLines' },
      },
    },
    savingLines: {
      entry: 'prepareLines',
      invoke: {
        src: 'storeQuote',
        input: ({ context }) => ({ quote: context.toStore }),
        onDone: [
          { guard: 'linesChanged', target: 'savingLines', reenter: true },
          { guard: 'hasNext', target: 'acting' },
          { target: 'ready' },
        ],
        onError: [
          {
            guard: 'linesChanged',
            target: 'savingLines',
            reenter: true,
            actions: { type: 'storeFailed', params: ({ event }) => ({ error: event.error }) },
          },
          { target: 'ready', actions: { type: 'storeFailed', params: ({ event }) => ({ error: event.error }) } },
        ],
      },
      on: {
        'lines.add': { guard: 'editable', actions: ['editLines', 'markLinesChanged'] },
        'lines.propose': { guard: 'editable', actions: ['editLines', 'markLinesChanged'] },
        'lines.remove': { guard: 'editable', actions: ['editLines', 'markLinesChanged'] },
        'lines.quantity': { guard: 'editable', actions: ['editLines', 'markLinesChanged'] },
        'lines.characteristic': { guard: 'editable', actions: ['editLines', 'markLinesChanged'] },
        'lines.site': { guard: 'editable', actions: ['editLines', 'markLinesChanged'] },
        'discounts.set': { guard: 'editable', actions: ['editDiscounts', 'markLinesChanged'] },
        'editor.submit': { guard: 'canSubmit', actions: { type: 'queueNext', params: 'submit' } },
        'editor.accept': { guard: 'canAccept', actions: { type: 'queueNext', params: 'accept' } },
      },
    },
    /** Submitting, accepting, approving or sending back: the quote's status changes with one write. */
    acting: {
      entry: 'prepareAction',
      always: { guard: 'nothingToStore', target: 'ready' },
      invoke: {
        src: 'storeQuote',
        input: ({ context }) => ({ quote: context.toStore }),
        onDone: { target: 'ready', actions: ['assumeStored', 'takeStoredContent'] },
        onError: { target: 'ready', actions: { type: 'storeFailed', params: ({ event }) => ({ error: event.error }) } },
      },
    },
    creatingOrder: {
      invoke: {
        src: 'createOrder',
        input: ({ context }) => ({ quote: context.quote, account: context.account as AccountDoc }),
        onDone: { target: 'ready', actions: { type: 'openOrder', params: ({ event }) => ({ orderId: event.output.id }) } },
        onError: { target: 'ready', actions: { type: 'orderFailed', params: ({ event }) => ({ error: event.error }) } },
      },
    },
  },
});

/** The order an accepted quote becomes: the default `createOrder` work minus the store write. */
export function orderFor(quote: QuoteDoc, account: AccountDoc): OrderDoc {
  return orderFromQuote(quote, account, new Date().toISOString());
}
