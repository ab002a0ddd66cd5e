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
import { acceptQuote, approveQuote, canEditQuote, canQuote, sendBackQuote, submitQuote, updateQuoteLines } from './quoteActions';
import { addLine, configuredOf, price, removeLine, setCharacteristic, setQuantity } from './quoteLines';
import { quoteAccepted } from './quoteState';

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
  | { type: 'editor.submit' }
  | { type: 'editor.accept' }
  | { type: 'editor.approve' }
  | { type: 'editor.rework' }
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
function withLines({ quote, items, catalog, actor, versions }: QuoteEditorContext): QuoteDoc | null {
  if (!canEditQuote(quote, actor, versions)) return quote;
  const priced = price(items, catalog);
  return priced.ok ? updateQuoteLines(quote, priced.items, priced.totals, actor, versions) : null;
}

type Decision = 'editor.submit' | 'editor.accept' | 'editor.approve' | 'editor.rework';

/** The quote after the rep's (submit, accept) or the manager's (approve, send back) decision. */
function decided(doc: QuoteDoc, action: Decision, actor: Actor, versions: QuoteVersionFacts): QuoteDoc {
  switch (action) {
    case 'editor.submit':
      return submitQuote(doc, actor);
    case 'editor.accept':
      return acceptQuote(doc, new Date().toISOString(), actor, versions);
    case 'editor.approve':
      return approveQuote(doc, actor);
    case 'editor.rework':
      return sendBackQuote(doc, actor);
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
    markLinesChanged: assign({ linesChanged: true }),
    rememberQuote: assign(({ event }) => (event.type === 'quote.stored' ? { quote: event.quote } : {})),
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
        event.type === 'editor.rework'
          ? event.type
          : context.next === 'submit'
            ? 'editor.submit'
            : 'editor.accept';
      const doc = withLines(context);
      if (!doc)
        return { next: null, toStore: null, error: 'The quote could not be saved: a line cannot be priced; change or remove it first' };
      return { next: null, toStore: decided(doc, action, context.actor, context.versions), error: null };
    }),
    /** Until the store reports back, the quote is what was written: line edits then see it closed. */
    assumeStored: assign(({ context }) => (context.toStore ? { quote: context.toStore } : {})),
    storeFailed: assign((_, { error }: { error: unknown }) => ({ error: `The quote could not be saved: ${reason(error)}` })),
    orderFailed: assign((_, { error }: { error: unknown }) => ({ error: `The order could not be created: ${reason(error)}` })),
    /** Provided by the screen: opens the order just created. */
    openOrder: (_, _params: { orderId: string }) => undefined,
  },
  guards: {
    editable: ({ context }) => canEditQuote(context.quote, context.actor, context.versions),
    linesChanged: ({ context }) => context.linesChanged,
    hasNext: ({ context }) => context.next !== null,
    nothingToStore: ({ context }) => context.toStore === null,
    /** Every line priced, no catalog rule broken, and the quote machine accepts `quote.submit` for the quote as on screen. */
    canSubmit: ({ context }) => {
      const doc = withLines(context);
      return (
        doc !== null &&
        checkConfiguration(context.items, context.catalog).length === 0 &&
        canQuote(doc, { type: 'quote.submit' }, context.actor)
      );
    },
    canAccept: ({ context }) => canQuote(context.quote, { type: 'quote.accept' }, context.actor, context.versions),
    /** A manager of the owner deciding a quote that waits for approval (the role rules say who). */
    canApprove: ({ context }) => canQuote(context.quote, { type: 'quote.approve' }, context.actor),
    canSendBack: ({ context }) => canQuote(context.quote, { type: 'quote.rework' }, context.actor),
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
        'editor.submit': { guard: 'canSubmit', target: 'acting' },
        'editor.accept': { guard: 'canAccept', target: 'acting' },
        'editor.approve': { guard: 'canApprove', target: 'acting' },
        'editor.rework': { guard: 'canSendBack', target: 'acting' },
        'editor.createOrder': { guard: and(['quoteAccepted', 'accountKnown']), target: 'creatingOrder' },
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
        onDone: { target: 'ready', actions: 'assumeStored' },
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
