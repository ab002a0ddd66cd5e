/**
 * Status changes of a submitted order that the app may push, because the order machine gives
 * them to a user (the status gate, platform/sync/statusGate.ts, replayed them with the pusher
 * as actor): the rep's manager approving (held -> inProgress) or declining (held -> cancelled)
 * an order the policy routed to them, the rep asking to cancel (-> assessingCancellation) and the
 * rep answering an information request (pending -> inProgress, carried out as a TMF622 PATCH note),
 * and the rep accepting a partial delivery (no status change: a note, partialAcceptanceNotes.ts).
 * The push is only the request: the central system carries it out through the ProductOrder
 * lifecycle, and the order document then shows the outcome (orderStatus.ts), which may differ.
 */
import type { StoredDoc } from '../../platform/sync/docs';
import { isObject, type JsonObject } from '../../platform/json';
import { answerProblem } from '../../../../shared/machines/order.machine';
import type { RowContext, WritePlan } from '../../platform/sync/rules';
import { requestCancellation } from '../cancellation/cancellation';
import { approvalProblem, decideApproval } from '../productOrder/orderApproval';
import type { StoredProductOrder } from '../productOrder/productOrderStore';
import { acceptPartialDelivery, answerInformationRequest } from '../productOrder/productOrderUpdate';
import { partialAcceptanceProblem } from '../productOrder/partialAcceptanceNotes';

export type AppDecision =
  | { kind: 'approve' }
  | { kind: 'decline' }
  | { kind: 'cancel'; reason: string | undefined }
  | { kind: 'answer'; text: string }
  /** The owner accepted the partial delivery: no status change (partial is final), a note. */
  | { kind: 'acceptPartial' };

const CANCELLABLE: readonly string[] = ['acknowledged', 'inProgress', 'pending', 'held'];

/** The decision a pushed (or just written) order carries over its master, if any. */
export function appDecisionOf(ctx: RowContext, master: StoredDoc, pushed: { data: JsonObject }): AppDecision | undefined {
  const from = String(master.data.status);
  const to = String(pushed.data.status);
  const byOwner = master.owner === ctx.user.id;
  if (!master.deleted && byOwner && isObject(pushed.data.partialAcceptance) && master.data.partialAcceptance === undefined) {
    return { kind: 'acceptPartial' };
  }
  if (master.deleted || from === to) return undefined;
  if (!byOwner && from === 'held' && to === 'inProgress') return { kind: 'approve' };
  if (!byOwner && from === 'held' && to === 'cancelled') return { kind: 'decline' };
  if (byOwner && from === 'pending' && to === 'inProgress') {
    const answer = pushed.data.informationAnswer;
    const text = isObject(answer) && typeof answer.text === 'string' ? answer.text.trim() : '';
    return { kind: 'answer', text };
  }
  if (byOwner && to === 'assessingCancellation') {
    const reason = pushed.data.cancellationReason;
    return { kind: 'cancel', reason: typeof reason === 'string' && reason.trim() !== '' ? reason.trim() : undefined };
  }
  return undefined;
}

/** Why the decision cannot be carried out (the row is refused with it), or undefined. */
export async function decisionProblem(ctx: RowContext, decision: AppDecision, submitted: StoredProductOrder): Promise<string | undefined> {
  if (decision.kind === 'acceptPartial') return partialAcceptanceProblem(submitted.order);
  if (decision.kind === 'answer') {
    if (submitted.order.state === 'pending') return answerProblem(decision.text);
    return `ProductOrder ${submitted.order.id} is ${submitted.order.state}, so it no longer waits for information; your answer was not sent`;
  }
  if (decision.kind !== 'cancel') return approvalProblem(ctx.tx, ctx.user, submitted.order.id);
  if (CANCELLABLE.includes(submitted.order.state)) return undefined;
  return `ProductOrder ${submitted.order.id} is ${submitted.order.state}, so it can no longer be cancelled`;
}

/**
 * What is stored for the request until it is carried out (after the write, same transaction):
 * the master as it was, with the requested status and, for a cancellation, its reason.
 */
export function keepDecision(plan: WritePlan, master: StoredDoc): WritePlan {
  const data: JsonObject = {
    ...master.data,
    status: plan.data.status,
    owner: plan.data.owner,
    syncPending: false,
    updatedAt: plan.data.updatedAt,
  };
  if (plan.data.cancellationReason !== undefined) data.cancellationReason = plan.data.cancellationReason;
  if (plan.data.informationAnswer !== undefined) data.informationAnswer = plan.data.informationAnswer;
  if (plan.data.partialAcceptance !== undefined) data.partialAcceptance = plan.data.partialAcceptance;
  delete data.syncError;
  return { ...plan, data, deleted: false };
}

/** Carries the decision out; returns the synced documents written. */
export async function runDecision(ctx: RowContext, decision: AppDecision, stored: StoredDoc): Promise<StoredDoc[]> {
  const productOrderId = String(stored.data.tmfOrderId);
  if (decision.kind === 'cancel') {
    const request = { productOrderId, ...(decision.reason ? { cancellationReason: decision.reason } : {}) };
    return (await requestCancellation(ctx.tx, ctx.user, request)).changed;
  }
  if (decision.kind === 'acceptPartial') {
    await acceptPartialDelivery(ctx.tx, ctx.user, productOrderId, ctx.now);
    return [];
  }
  if (decision.kind === 'answer') return (await answerInformationRequest(ctx.tx, ctx.user, productOrderId, decision.text, ctx.now)).changed;
  return (await decideApproval(ctx.tx, ctx.user, productOrderId, decision.kind)).changed;
}
