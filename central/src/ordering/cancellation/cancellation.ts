/**
 * TMF622 CancelProductOrder: a task (acknowledged -> inProgress -> done | terminatedWithError)
 * that drives its order through the cancellation states of the ProductOrder lifecycle.
 *
 * Decisions (tmf/STATES.md section 1):
 * - inProgress, pending, held: assessingCancellation, then accepted -> pendingCancellation ->
 *   cancelled (task done), or denied -> back to the state it came from (task terminatedWithError).
 * - acknowledged: order treatment has not started, so nothing stands in the way of a
 *   cancellation; the lifecycle has no acknowledged -> assessingCancellation edge, so treatment
 *   is started first (acknowledged -> inProgress) and the inProgress path follows. A request
 *   the assessment would deny is refused before starting, leaving the order acknowledged.
 * - final states and a cancellation already under way: the task ends terminatedWithError and
 *   the order does not change.
 * The assessment denies a cancellation requested for after the order's requestedCompletionDate:
 * the order is due to be delivered before the cancellation would take effect. Otherwise the
 * cancellation takes effect at once (effectiveCancellationDate = now).
 */
import { randomUUID } from 'node:crypto';
import type { AuthUser } from '../../platform/auth/users';
import { takeWriteLock, type Queryable } from '../../platform/db/db';
import { badRequest } from '../../platform/http/errors';
import type { StoredDoc } from '../../platform/sync/docs';
import { isObject } from '../../platform/json';
import { ownerIsVisible } from '../../platform/auth/scope';
import { cancelProductOrderHref, productOrderRef, type CancelProductOrder, type TaskState } from './cancelProductOrderTypes';
import { saveCancelTask } from './cancelProductOrderStore';
import { applyOrderTransition } from '../productOrder/orderLifecycle';
import type { CentralOrderEvent } from '../productOrder/orderStates';
import { recordCancelProductOrderEvent } from '../productOrder/productOrderEvents';
import { lockProductOrder } from '../productOrder/productOrderStore';
import type { ProductOrder } from '../productOrder/productOrderTypes';

export interface CancellationRequest {
  productOrderId: string;
  cancellationReason?: string;
  requestedCancellationDate?: string;
}

/** CancelProductOrder_Create: productOrder (ref) required; server-owned id, href, state, effectiveCancellationDate ignored. */
export function parseCancelProductOrderCreate(body: unknown): CancellationRequest {
  if (!isObject(body)) throw badRequest('The body must be a CancelProductOrder_Create JSON object with a productOrder reference');
  const ref = body.productOrder;
  if (!isObject(ref) || typeof ref.id !== 'string' || ref.id === '') {
    throw badRequest('productOrder is required: a reference with the id of the order to cancel');
  }
  const reason = body.cancellationReason;
  if (reason !== undefined && (typeof reason !== 'string' || reason.length > 1000)) {
    throw badRequest('cancellationReason must be text of at most 1000 characters');
  }
  const date = body.requestedCancellationDate;
  if (date !== undefined && (typeof date !== 'string' || Number.isNaN(Date.parse(date)))) {
    throw badRequest('requestedCancellationDate must be a date-time, e.g. 2026-12-01T09:00:00Z');
  }
  return {
    productOrderId: ref.id,
    ...(typeof reason === 'string' ? { cancellationReason: reason } : {}),
    ...(typeof date === 'string' ? { requestedCancellationDate: new Date(date).toISOString() } : {}),
  };
}

const CANCELLABLE = new Set(['acknowledged', 'inProgress', 'pending', 'held']);

/** Why the order cannot be cancelled as requested; undefined when it can. */
function assessmentDenial(order: ProductOrder, request: CancellationRequest): string | undefined {
  const due = typeof order.requestedCompletionDate === 'string' ? Date.parse(order.requestedCompletionDate) : Number.NaN;
  if (request.requestedCancellationDate && !Number.isNaN(due) && Date.parse(request.requestedCancellationDate) > due) {
    return `the order is due to complete on ${new Date(due).toISOString()}, before the requested cancellation date ${request.requestedCancellationDate}; request a date on or before it`;
  }
  return undefined;
}

function refusal(order: ProductOrder): string | undefined {
  if (order.state === 'assessingCancellation' || order.state === 'pendingCancellation') {
    return `a cancellation of ProductOrder ${order.id} is already under way (${order.state})`;
  }
  if (!CANCELLABLE.has(order.state)) return `ProductOrder ${order.id} is ${order.state}; a ${order.state} order can no longer be cancelled`;
  return undefined;
}

export interface CancellationResult {
  task: CancelProductOrder;
  /** Synced order documents written, to publish after commit. */
  changed: StoredDoc[];
}

/** Creates and runs the cancellation task in the caller's transaction. */
export async function requestCancellation(tx: Queryable, user: AuthUser, request: CancellationRequest): Promise<CancellationResult> {
  await takeWriteLock(tx);
  const locked = await lockProductOrder(tx, request.productOrderId);
  if (!locked || !(await ownerIsVisible(tx, user, locked.owner))) {
    throw badRequest(`productOrder ${request.productOrderId} is not a ProductOrder you may see; reference one of your orders`);
  }
  const origin = locked.order.state;
  const id = randomUUID();
  let task: CancelProductOrder = {
    id,
    href: cancelProductOrderHref(id),
    productOrder: productOrderRef(locked.order.id),
    ...(request.cancellationReason ? { cancellationReason: request.cancellationReason } : {}),
    ...(request.requestedCancellationDate ? { requestedCancellationDate: request.requestedCancellationDate } : {}),
    state: 'acknowledged',
    '@type': 'CancelProductOrder',
  };
  await saveCancelTask(tx, task, locked.owner, origin);
  await recordCancelProductOrderEvent(tx, 'CancelProductOrderCreateEvent', task, locked.owner);
  const moveTask = async (state: TaskState, extra: Partial<CancelProductOrder> = {}) => {
    task = { ...task, ...extra, state };
    await saveCancelTask(tx, task, locked.owner, origin);
    await recordCancelProductOrderEvent(tx, 'CancelProductOrderStateChangeEvent', task, locked.owner, task.stateReason);
  };
  await moveTask('inProgress');

  const changed: StoredDoc[] = [];
  const move = async (event: CentralOrderEvent, reason: string, attributes?: Partial<ProductOrder>) => {
    const result = await applyOrderTransition(tx, locked.order.id, event, reason, attributes ? { attributes } : {});
    changed.push(...result.changed);
  };
  const refused = refusal(locked.order) ?? (origin === 'acknowledged' ? assessmentDenial(locked.order, request) : undefined);
  if (refused) {
    await moveTask('terminatedWithError', { stateReason: `Cancellation denied: ${refused}` });
    return { task, changed };
  }
  if (origin === 'acknowledged')
    await move({ type: 'central.start' }, `In progress: treatment started to process cancellation request ${id}`);
  const asked = request.cancellationReason ? `: ${request.cancellationReason}` : '';
  await move({ type: 'central.requestCancellation' }, `Assessing cancellation request ${id}${asked}`);
  const denial = assessmentDenial(locked.order, request);
  if (denial) {
    await move({ type: 'central.denyCancellation' }, `Cancellation denied: ${denial}`);
    await moveTask('terminatedWithError', { stateReason: `Cancellation denied: ${denial}` });
    return { task, changed };
  }
  const now = new Date().toISOString();
  await move({ type: 'central.acceptCancellation' }, `Cancellation accepted${asked}`);
  await move({ type: 'central.cancelled' }, `Cancelled${asked}`, {
    cancellationDate: now,
    ...(request.cancellationReason ? { cancellationReason: request.cancellationReason } : {}),
  });
  await moveTask('done', { effectiveCancellationDate: now, stateReason: `ProductOrder ${locked.order.id} is cancelled` });
  return { task, changed };
}
