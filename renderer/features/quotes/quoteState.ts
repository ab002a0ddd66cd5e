import type { AnyMachineSnapshot } from 'xstate';
import { quoteMachine } from '../../../shared/machines/quote.machine';
import type { QuoteDoc } from '../../../shared/schemas';

/** The quote machine's snapshot for a stored quote; undefined for a status it does not know. */
function snapshotOf(quote: QuoteDoc): AnyMachineSnapshot | undefined {
  if (!Object.prototype.hasOwnProperty.call(quoteMachine.states, quote.status)) return undefined;
  return quoteMachine.resolveState({ value: quote.status, context: { quote } });
}

/** Until the quote machine reaches a final state, the quote's lifecycle actions are shown. */
export function quoteIsOpen(quote: QuoteDoc): boolean {
  return snapshotOf(quote)?.status === 'active';
}

/** The customer accepted it: the quote machine's final state an order is made from. */
export function quoteAccepted(quote: QuoteDoc): boolean {
  return snapshotOf(quote)?.matches('accepted') ?? false;
}

/** Waiting for a manager: the quote machine accepts `quote.approve`. */
export function awaitingApproval(quote: QuoteDoc): boolean {
  return snapshotOf(quote)?.can({ type: 'quote.approve' }) ?? false;
}
