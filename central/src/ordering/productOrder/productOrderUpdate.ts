/**
 * A TMF622 PATCH of a ProductOrder inside a transaction: the HTTP route and the app's answer to an
 * information request (ingest/appDecisions.ts) both change an order this way, so a note added to a
 * pending order resumes it whichever door it came through.
 */
import type { Queryable } from '../../platform/db/db';
import type { AuthUser } from '../../platform/auth/users';
import { HttpError, notFound } from '../../platform/http/errors';
import { ownerIsVisible } from '../../platform/auth/scope';
import type { StoredDoc } from '../../platform/sync/docs';
import { applyOrderTransition } from './orderLifecycle';
import { FINAL_ORDER_STATES } from './orderStates';
import { recordProductOrderEvent } from './productOrderEvents';
import { applyProductOrderPatch, parseProductOrderPatch } from './productOrderPatch';
import { lockProductOrder, updateProductOrder, type LockedProductOrder } from './productOrderStore';
import type { ProductOrder } from './productOrderTypes';
import { partialAcceptanceOf, partialAcceptanceProblem } from './partialAcceptanceNotes';
import { PARTIAL_ACCEPTED_NOTE, partialAcceptanceNote } from '../../../../shared/orders/partialAcceptance';
import { stateReasonOf } from '../ingest/productOrderFromOrder';

export async function lockVisible(tx: Queryable, user: AuthUser, id: string): Promise<LockedProductOrder> {
  const locked = await lockProductOrder(tx, id);
  if (!locked || !(await ownerIsVisible(tx, user, locked.owner))) throw notFound(`No ProductOrder with id ${id} that you may see`);
  return locked;
}

/** Texts of the notes a patch added (not there before). */
function addedNotes(before: ProductOrder, after: ProductOrder): string[] {
  const old = new Set((before.note ?? []).map((note) => note.text));
  return (after.note ?? []).map((note) => note.text).filter((text) => !old.has(text));
}

const MAX_ANSWER_IN_REASON = 300;

/**
 * A note added to a `pending` order answers its information request (TMF622: pending ->
 * inProgress when the information is received): the order resumes in the same transaction,
 * and fulfillment goes on from there. Returns the documents the resumption wrote.
 */
async function resumeIfAnswered(
  tx: Queryable,
  before: ProductOrder,
  after: ProductOrder,
): Promise<{ order: ProductOrder; changed: StoredDoc[] }> {
  const answers = addedNotes(before, after);
  if (before.state !== 'pending' || answers.length === 0) return { order: after, changed: [] };
  const answer = answers.join(' / ');
  const shown = answer.length > MAX_ANSWER_IN_REASON ? `${answer.slice(0, MAX_ANSWER_IN_REASON)}…` : answer;
  const resumed = await applyOrderTransition(
    tx,
    after.id,
    { type: 'central.resume' },
    `In progress: the information was supplied: ${shown}`,
  );
  return { order: resumed.order, changed: resumed.changed };
}

/** Applies the merge patch `body` to the ProductOrder `id` the user may see; returns it and the synced documents written. */
export async function patchProductOrder(
  tx: Queryable,
  user: AuthUser,
  id: string,
  body: unknown,
): Promise<{ order: ProductOrder; changed: StoredDoc[] }> {
  const locked = await lockVisible(tx, user, id);
  // After the lookup: an order that is not there is a 404 whatever the patch says.
  const patch = parseProductOrderPatch(body);
  if (FINAL_ORDER_STATES.has(locked.order.state)) {
    throw new HttpError(409, 'conflict', `ProductOrder ${id} is ${locked.order.state}, a final state; it can no longer be changed`);
  }
  const { order, changed } = applyProductOrderPatch(locked.order, patch);
  if (changed.length === 0) return { order: locked.order, changed: [] };
  await updateProductOrder(tx, order, locked.cancellationOrigin);
  await recordProductOrderEvent(tx, 'ProductOrderAttributeValueChangeEvent', order, locked.owner, {
    fieldPath: changed.join(','),
    description: `Changed ${changed.join(', ')}`,
  });
  return resumeIfAnswered(tx, locked.order, order);
}

/**
 * The rep's answer to an information request, pushed from the app (order.answer): the same PATCH
 * as TMF622 would carry, the answer added as a note by the rep, so the order resumes.
 */
export async function answerInformationRequest(
  tx: Queryable,
  user: AuthUser,
  id: string,
  text: string,
  date: string,
): Promise<{ order: ProductOrder; changed: StoredDoc[] }> {
  const locked = await lockVisible(tx, user, id);
  const note = [...(locked.order.note ?? []), { author: user.displayName, date, text }];
  return patchProductOrder(tx, user, id, { note });
}

/** Adds the acceptance note to the partial ProductOrder `id`; the same acceptance again changes nothing. */
export async function acceptPartialDelivery(tx: Queryable, user: AuthUser, id: string, date: string): Promise<void> {
  const locked = await lockVisible(tx, user, id);
  const problem = partialAcceptanceProblem(locked.order);
  if (problem) throw new HttpError(409, 'conflict', problem);
  if (partialAcceptanceOf(locked.order)) return;
  const text = partialAcceptanceNote(user.displayName, stateReasonOf(locked.order));
  const order: ProductOrder = {
    ...locked.order,
    note: [...(locked.order.note ?? []), { id: PARTIAL_ACCEPTED_NOTE, author: user.displayName, date, text }],
  };
  await updateProductOrder(tx, order, locked.cancellationOrigin);
  await recordProductOrderEvent(tx, 'ProductOrderAttributeValueChangeEvent', order, locked.owner, {
    fieldPath: 'note',
    description: text,
  });
}
