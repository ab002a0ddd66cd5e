/**
 * TMF648 Quote lifecycle. A submitted quote is approved at once when it is within the rep's
 * authority, otherwise it waits in pending for a manager. Only an approved quote can be put to
 * the customer (accepted or rejected); a rejected quote is renegotiated as a new version (a new
 * document), not by a transition.
 */
import { and, assign, setup } from 'xstate';
import type { QuoteDoc } from '../schemas';
import type { QuoteStatus } from '../schemas/quote.schema';
import { canSend, nextStatus } from './transition';

export interface QuoteMachineContext {
  quote: QuoteDoc;
}

export type QuoteEvent =
  | { type: 'quote.update'; changes?: Partial<QuoteDoc> }
  | { type: 'quote.submit' }
  | { type: 'quote.approve' }
  | { type: 'quote.rework' }
  | { type: 'quote.accept'; at?: string }
  | { type: 'quote.decline' }
  | { type: 'quote.cancel' };

/**
 * Every line is priced from the catalog. Manual price overrides do not exist yet, so today this
 * holds for any line that references an offering; it is the hook for discount authority later.
 */
export function withinAutoApproval(quote: QuoteDoc): boolean {
  return quote.items.every((item) => typeof item.offeringId === 'string' && item.offeringId !== '');
}

export const quoteMachine = setup({
  types: {
    context: {} as QuoteMachineContext,
    events: {} as QuoteEvent,
    input: {} as QuoteMachineContext,
  },
  actions: {
    applyChanges: assign(({ context, event }) => {
      if (event.type !== 'quote.update' || event.changes === undefined) return {};
      const { status: _status, ...changes } = event.changes;
      return { quote: { ...context.quote, ...changes } };
    }),
    recordAcceptance: assign(({ context, event }) => {
      if (event.type !== 'quote.accept' || event.at === undefined) return {};
      return { quote: { ...context.quote, acceptedAt: event.at } };
    }),
  },
  guards: {
    // An empty quote has nothing to approve or order.
    hasLines: ({ context }) => context.quote.items.length > 0,
    withinAutoApproval: ({ context }) => withinAutoApproval(context.quote),
  },
}).createMachine({
  id: 'quote',
  context: ({ input }) => input,
  initial: 'inProgress',
  states: {
    inProgress: {
      on: {
        'quote.update': { actions: 'applyChanges' },
        'quote.submit': [
          { guard: and(['hasLines', 'withinAutoApproval']), target: 'approved' },
          { guard: 'hasLines', target: 'pending' },
        ],
        'quote.cancel': { target: 'cancelled' },
      },
    },
    pending: {
      on: {
        'quote.approve': { target: 'approved' },
        'quote.rework': { target: 'inProgress' },
        'quote.cancel': { target: 'cancelled' },
      },
    },
    approved: {
      on: {
        'quote.accept': { target: 'accepted', actions: 'recordAcceptance' },
        'quote.decline': { target: 'rejected' },
      },
    },
    accepted: { type: 'final' },
    rejected: { type: 'final' },
    cancelled: { type: 'final' },
  },
});

export function canSendQuote(status: QuoteStatus, context: QuoteMachineContext, event: QuoteEvent): boolean {
  return canSend(quoteMachine, status, context, event);
}

export function nextQuoteStatus(status: QuoteStatus, context: QuoteMachineContext, event: QuoteEvent): QuoteStatus {
  return nextStatus(quoteMachine, status, context, event);
}
