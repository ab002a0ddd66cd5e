/**
 * How a ProductOrder carries the order approval (shared/orders/orderPolicy.ts) in TMF622 terms:
 * notes. `approvalRequired` (the policy's reasons) while it waits for the rep's manager, which
 * keeps it from being released to fulfilment (orderLifecycle.ts); `approval` (author: the
 * manager, date: the decision) once decided. The rep's order document shows the same as its
 * `approval` field, written by the one status writer (orderStatus.ts).
 */
import type { OrderDoc } from '../../../../shared/schemas';
import type { ProductOrder } from './productOrderTypes';

export const APPROVAL_REQUIRED_NOTE = 'approvalRequired';
export const APPROVAL_NOTE = 'approval';
const APPROVED_PREFIX = 'Approved by ';

export type Approval = NonNullable<OrderDoc['approval']>;

function note(order: ProductOrder, id: string) {
  return order.note?.find((candidate) => candidate.id === id);
}

/** The order waits for the rep's manager: it may not be released to fulfilment. */
export function awaitingApproval(order: ProductOrder): boolean {
  return note(order, APPROVAL_REQUIRED_NOTE) !== undefined;
}

/** What the rep's document shows of the approval; undefined when the policy did not route the order. */
export function approvalOf(order: ProductOrder): Approval | undefined {
  const required = note(order, APPROVAL_REQUIRED_NOTE);
  if (required) return { state: 'required', reason: required.text };
  const decided = note(order, APPROVAL_NOTE);
  if (!decided) return undefined;
  return {
    state: decided.text.startsWith(APPROVED_PREFIX) ? 'approved' : 'declined',
    reason: decided.text,
    ...(decided.author ? { decidedBy: decided.author } : {}),
    ...(decided.date ? { decidedAt: decided.date } : {}),
  };
}

/** The order marked as waiting for approval, for these reasons. */
export function withApprovalRequired(order: ProductOrder, reasons: readonly string[], date: string): ProductOrder {
  const notes = (order.note ?? []).filter((existing) => existing.id !== APPROVAL_REQUIRED_NOTE);
  return { ...order, note: [...notes, { id: APPROVAL_REQUIRED_NOTE, author: 'Outpost order policy', date, text: reasons.join('; ') }] };
}

/** The decision replaces the mark: "Approved by Morgan Lee: <reasons>" or "Declined by Morgan Lee: <reasons>". */
export function withApprovalDecision(order: ProductOrder, approved: boolean, manager: string, date: string): ProductOrder {
  const reasons = note(order, APPROVAL_REQUIRED_NOTE)?.text ?? '';
  const text = `${approved ? APPROVED_PREFIX : 'Declined by '}${manager}${reasons ? `: ${reasons}` : ''}`;
  const notes = (order.note ?? []).filter((existing) => existing.id !== APPROVAL_REQUIRED_NOTE && existing.id !== APPROVAL_NOTE);
  return { ...order, note: [...notes, { id: APPROVAL_NOTE, author: manager, date, text }] };
}
