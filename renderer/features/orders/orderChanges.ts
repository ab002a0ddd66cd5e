import { sendOrder, type OrderEvent } from '../../../shared/machines/order.machine';
import { sendOrThrow, type Actor } from '../../../shared/machines/send';
import { priceOrderLines } from '../../../shared/orders/directOrder';
import type { ConfiguredItem } from '../../../shared/pricing/engine';
import type { OfferingDoc, OrderDoc } from '../../../shared/schemas';

/**
 * What the app does to an order besides filling in its form: configure a direct or supplemental
 * order's lines and terms (order.edit), the manager's approve / decline, the rep's cancellation
 * request. Every status change goes through the order machine with the signed-in user; the
 * central system judges the push again and answers with the outcome.
 */
function send(order: OrderDoc, event: OrderEvent, actor: Actor): OrderDoc {
  return sendOrThrow(sendOrder(order, event, actor));
}

export function canSend(order: OrderDoc, event: OrderEvent, actor: Actor): boolean {
  return sendOrder(order, event, actor).ok;
}

/** The order with these lines priced by the local catalog, or the pricing engine's complaint. */
export function withLines(
  order: OrderDoc,
  lines: readonly ConfiguredItem[],
  catalog: readonly OfferingDoc[],
  actor: Actor,
): { ok: true; order: OrderDoc } | { ok: false; message: string } {
  const priced = priceOrderLines(lines, catalog);
  if (!priced.ok) return priced;
  return { ok: true, order: send(order, { type: 'order.edit', changes: priced.changes }, actor) };
}

export function withPaymentTerms(order: OrderDoc, paymentTerms: string, actor: Actor): OrderDoc {
  return send(order, { type: 'order.edit', changes: { paymentTerms } }, actor);
}

export function approveOrder(order: OrderDoc, actor: Actor): OrderDoc {
  return send(order, { type: 'order.approve' }, actor);
}

export function declineOrder(order: OrderDoc, actor: Actor): OrderDoc {
  return send(order, { type: 'order.decline' }, actor);
}

/** A cancellation needs its reason: the customer and the order desk read it. */
export function cancelReasonError(reason: string): string | undefined {
  return reason.trim() === '' ? 'Say why the order is cancelled' : undefined;
}

export function cancelOrder(order: OrderDoc, reason: string, actor: Actor): OrderDoc {
  return send(order, { type: 'order.cancel', reason }, actor);
}

/** The rep's answer to the central system's information request: pending -> inProgress, pushed, then a TMF622 note. */
export function answerInformation(order: OrderDoc, answer: string, actor: Actor, at: string): OrderDoc {
  return send(order, { type: 'order.answer', answer, at }, actor);
}

/** The rep accepts what a partial order delivered: the order stays partial, the push carries it, the central system notes it. */
export function acceptPartialDelivery(order: OrderDoc, actor: Actor, at: string): OrderDoc {
  return send(order, { type: 'order.acceptPartial', at }, actor);
}
