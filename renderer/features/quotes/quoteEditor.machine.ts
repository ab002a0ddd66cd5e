/**
 * The quote editor's lifecycle: the lines the rep configures are held here, repriced on every
 * change and stored one write after another (never two at once, never out of order); Submit,
 * Accept and Create order each write once. Status changes are quoteActions.ts's; the I/O is
 * `storeQuote` and `createOrder`, provided by the screen (tests provide doubles).
 */
import { and, assign, fromPromise, setup } from 'xstate';
import { checkConfiguration } from '../../../shared/catalog/configRules';
import { orderFromQuote } from '../../../shared/orders/fromQuote';
import type { AccountDoc, OrderDoc, QuoteDoc } from '../../../shared/schemas';
import { setDiscount } from '../../../shared/quotes/discounts';
import { canEditQuote, canQuote } from './quoteActions';
import { configuredOf } from './quoteLines';
import { quoteAccepted } from './quoteState';
import {
  decided,
  editLines,
  needsReprice,
  reason,
  withLines,
  type Decision,
  type QuoteEditorContext,
  type QuoteEditorEvent,
  type QuoteEditorInput,
} from './quoteEditor.context';

export { needsReprice, type QuoteEditorContext, type QuoteEditorEvent, type QuoteEditorInput };

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
