/**
 * The rep's manager decides on an order the order policy routed to them: approved, it is
 * released to fulfilment (held -> inProgress); declined, it is cancelled. Nobody else may
 * decide, and an order that does not wait for approval has nothing to decide.
 */
import type { AuthUser } from '../../platform/auth/users';
import type { Queryable } from '../../platform/db/db';
import { approvalOf, awaitingApproval, withApprovalDecision } from './approvalNotes';
import { applyOrderTransition, type TransitionResult } from './orderLifecycle';
import { lockProductOrder } from './productOrderStore';

export type ApprovalDecision = 'approve' | 'decline';

/** Why `manager` may not make this decision on the order, or undefined when they may. */
export async function approvalProblem(tx: Queryable, manager: AuthUser, productOrderId: string): Promise<string | undefined> {
  const locked = await lockProductOrder(tx, productOrderId);
  if (!locked) return `No ProductOrder with id ${productOrderId}`;
  if (!awaitingApproval(locked.order)) {
    const decided = approvalOf(locked.order);
    return decided
      ? `ProductOrder ${productOrderId} no longer waits for approval (${decided.reason})`
      : `ProductOrder ${productOrderId} does not wait for approval (${locked.order.state})`;
  }
  const owner = await tx.query<{ manager_id: string | null }>('SELECT manager_id FROM users WHERE id = $1', [locked.owner]);
  if (manager.role !== 'manager' || owner[0]?.manager_id !== manager.id) {
    return `Only the manager of the order's rep may approve or decline ProductOrder ${productOrderId}, not ${manager.displayName}`;
  }
  return undefined;
}

/** Applies the decision in the caller's transaction; the rep's document shows it (orderStatus.ts). Throws when `approvalProblem` would. */
export async function decideApproval(
  tx: Queryable,
  manager: AuthUser,
  productOrderId: string,
  decision: ApprovalDecision,
): Promise<TransitionResult> {
  const problem = await approvalProblem(tx, manager, productOrderId);
  if (problem) throw new Error(problem);
  const now = new Date().toISOString();
  const approved = decision === 'approve';
  return applyOrderTransition(
    tx,
    productOrderId,
    { type: approved ? 'central.release' : 'central.cancelled' },
    approved
      ? `In progress: approved by ${manager.displayName}, released to fulfilment`
      : `Cancelled: declined by ${manager.displayName}, the rep's manager`,
    {
      decided: (order) => withApprovalDecision(order, approved, manager.displayName, now),
      ...(approved ? {} : { attributes: { cancellationDate: now, cancellationReason: `Declined by ${manager.displayName}` } }),
    },
  );
}
