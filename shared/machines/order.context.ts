/**
 * What the order machine holds and the pure steps it takes on it: the order document (and, while
 * a cancellation is assessed, where it came from), the events that move it, and what each event
 * writes on the document. The machine (order.machine.ts) decides when; these say what.
 */
import type { OrderDoc } from '../schemas';

/** States a cancellation request can come from, and go back to when it is denied. */
export type CancellationOrigin = 'inProgress' | 'pending' | 'held';

export interface OrderMachineContext {
  order: OrderDoc;
  /**
   * Where `assessingCancellation` came from. The order document has no field for it, so whoever
   * persists an order in assessingCancellation (the central system) must keep it and pass it back.
   */
  cancellationOrigin?: CancellationOrigin;
}

type Reason = { reason?: string };

/** Longest answer to an information request the order desk reads (it becomes a TMF622 note). */
export const MAX_ANSWER_LENGTH = 2000;

/** Why an answer to an information request cannot be sent, or undefined when it can. */
export function answerProblem(answer: string | undefined): string | undefined {
  const text = answer?.trim() ?? '';
  if (text === '') return 'Write the information the order desk asked for';
  if (text.length > MAX_ANSWER_LENGTH) return `Keep the answer within ${MAX_ANSWER_LENGTH} characters (it has ${text.length})`;
  return undefined;
}

export const isUsableAnswer = (answer: string | undefined): boolean => answerProblem(answer) === undefined;

export type OrderEvent =
  | { type: 'order.edit'; changes?: Partial<OrderDoc> }
  | { type: 'order.validate' }
  | { type: 'order.submit'; at?: string }
  | { type: 'order.approve' }
  | { type: 'order.decline' }
  | { type: 'order.cancel'; reason?: string }
  | { type: 'order.answer'; answer?: string; at?: string }
  | { type: 'order.acceptPartial'; at?: string }
  | ({ type: 'central.acknowledged'; tmfOrderId?: string } & Reason)
  | ({ type: 'central.rejected' } & Reason)
  | ({ type: 'central.start' } & Reason)
  | ({ type: 'central.pend' } & Reason)
  | ({ type: 'central.resume' } & Reason)
  | ({ type: 'central.hold' } & Reason)
  | ({ type: 'central.release' } & Reason)
  | ({ type: 'central.complete' } & Reason)
  | ({ type: 'central.fail' } & Reason)
  | ({ type: 'central.partial' } & Reason)
  | ({ type: 'central.requestCancellation' } & Reason)
  | ({ type: 'central.denyCancellation' } & Reason)
  | ({ type: 'central.acceptCancellation' } & Reason)
  | ({ type: 'central.cancelled' } & Reason);

export type OrderEventType = OrderEvent['type'];

/** The rep's changes; what only the central system writes (status, TMF622 id, reason) is left out. */
export function editedOrder(order: OrderDoc, event: OrderEvent): OrderDoc {
  if (event.type !== 'order.edit' || event.changes === undefined) return order;
  const { status: _status, tmfOrderId: _tmfOrderId, stateReason: _stateReason, ...changes } = event.changes;
  return { ...order, ...changes };
}

export function submittedOrder(order: OrderDoc, event: OrderEvent): OrderDoc {
  if (event.type !== 'order.submit' || event.at === undefined) return order;
  return { ...order, submittedAt: event.at };
}

/** What the central system reported: the reason of the state change and, on acknowledgement, the TMF622 id. */
export function centralOrder(order: OrderDoc, event: OrderEvent): OrderDoc {
  if (!event.type.startsWith('central.')) return order;
  const next = { ...order };
  if ('reason' in event && event.reason !== undefined) next.stateReason = event.reason;
  if (event.type === 'central.acknowledged' && event.tmfOrderId !== undefined) next.tmfOrderId = event.tmfOrderId;
  return next;
}

export function cancellationRequested(order: OrderDoc, event: OrderEvent): OrderDoc {
  if (event.type !== 'order.cancel' || event.reason === undefined || event.reason.trim() === '') return order;
  return { ...order, cancellationReason: event.reason.trim() };
}

export function answeredOrder(order: OrderDoc, event: OrderEvent): OrderDoc {
  if (event.type !== 'order.answer' || event.answer === undefined) return order;
  const informationAnswer = { text: event.answer.trim(), ...(event.at === undefined ? {} : { answeredAt: event.at }) };
  return { ...order, informationAnswer };
}

/** The rep accepts what a partial order delivered; when, kept for the central system's note and the rep's screen. */
export function partialAccepted(order: OrderDoc, event: OrderEvent): OrderDoc {
  if (event.type !== 'order.acceptPartial') return order;
  return { ...order, partialAcceptance: { acceptedAt: event.at ?? order.updatedAt } };
}

/** A partial delivery is accepted once: by the rep on this laptop, or as the central system noted it. */
export const isPartialAccepted = (order: OrderDoc): boolean =>
  order.partialAcceptance !== undefined || order.partialAcceptanceNoted !== undefined;
