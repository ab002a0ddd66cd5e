/**
 * The one way a TMF622 ProductOrder changes state: the shared order machine decides whether
 * the event is allowed, and the order, its items, the event log and the rep's synced `orders`
 * document change together in one transaction.
 */
import type { OrderEvent } from '../../../../shared/machines/order.machine';
import { takeWriteLock, type Db, type Queryable } from '../../platform/db/db';
import { badRequest, HttpError, notFound } from '../../platform/http/errors';
import { STATE_REASON_NOTE, withCentralNote } from '../ingest/productOrderFromOrder';
import { changeOf, type StoredDoc } from '../../platform/sync/docs';
import type { ChangeHub } from '../../platform/sync/hub';
import {
  defaultReason,
  FINAL_ORDER_STATES,
  forbiddenTransitionReason,
  isCancellationOrigin,
  isCentralEvent,
  itemsInState,
  nextOrderState,
  partialOutcomeProblem,
  type ItemOutcome,
} from './orderStates';
import { awaitingApproval } from './approvalNotes';
import { queueAcknowledgement } from '../acknowledgement/acknowledgementQueue';
import { mirrorOrderStatus } from './orderStatus';
import { recordProductOrderEvent } from './productOrderEvents';
import { insertProductOrder, lockProductOrder, updateProductOrder, type StoredProductOrder } from './productOrderStore';
import type { ProductOrder } from './productOrderTypes';

export interface TransitionOptions {
  /** central.partial: the outcome of each top-level item by id; items not named failed. */
  itemOutcomes?: Readonly<Record<string, ItemOutcome>>;
  /** Attributes set together with the state, e.g. cancellationDate on cancellation. */
  attributes?: Partial<ProductOrder>;
  /** The rep's manager decided (orderApproval.ts): the order with the decision noted replaces the stored one. */
  decided?: (order: ProductOrder) => ProductOrder;
}

export interface TransitionResult {
  order: ProductOrder;
  owner: string;
  /** The synced documents written, to publish after commit. */
  changed: StoredDoc[];
}

/**
 * transitionProductOrder inside a caller's transaction; the rep's order document shows the new
 * state (orderStatus.ts) in the same transaction, whoever moved the order.
 */
export async function applyOrderTransition(
  tx: Queryable,
  id: string,
  event: OrderEvent,
  reason: string | undefined,
  options: TransitionOptions = {},
): Promise<TransitionResult> {
  if (!isCentralEvent(event)) throw badRequest(`${event.type} is an app event; the central system changes orders with central.* events`);
  // The write lock before the row lock: the order every synced write takes them in.
  await takeWriteLock(tx);
  const locked = await lockProductOrder(tx, id);
  if (!locked) throw notFound(`No ProductOrder with id ${id}`);
  const current = locked.order;
  const origin = isCancellationOrigin(locked.cancellationOrigin) ? locked.cancellationOrigin : undefined;
  const next = nextOrderState(current.state, origin, event);
  if (!next) throw new HttpError(409, 'conflict', forbiddenTransitionReason(id, current.state, origin, event.type));
  // The order policy routed it to the rep's manager: nobody else releases it to fulfilment.
  if (event.type === 'central.release' && awaitingApproval(current) && !options.decided) {
    throw new HttpError(
      409,
      'conflict',
      `ProductOrder ${id} waits for approval by the rep's manager; it is released to fulfilment only when the manager approves it`,
    );
  }
  if (next === 'partial') {
    const problem = partialOutcomeProblem(current.productOrderItem, options.itemOutcomes);
    if (problem) throw badRequest(problem);
  }

  const now = new Date().toISOString();
  const text = reason ?? event.reason ?? defaultReason(event.type, next);
  let order: ProductOrder = {
    ...(options.decided ? options.decided(current) : current),
    ...options.attributes,
    state: next,
    productOrderItem: itemsInState(current.productOrderItem, next, options.itemOutcomes),
    ...(FINAL_ORDER_STATES.has(next) ? { completionDate: now } : {}),
  };
  order = withCentralNote(order, STATE_REASON_NOTE, text, now);
  // Remembered only while the cancellation is assessed; a denial goes back to it.
  await updateProductOrder(tx, order, next === 'assessingCancellation' ? current.state : null);

  await recordProductOrderEvent(tx, 'ProductOrderStateChangeEvent', order, locked.owner, { description: text });
  if (next === 'pending')
    await recordProductOrderEvent(tx, 'ProductOrderInformationRequiredEvent', order, locked.owner, { description: text });
  const changed = await mirrorOrderStatus(tx, order, locked.owner);
  return { order, owner: locked.owner, changed };
}

/**
 * Moves ProductOrder `id` with a central.* event of the shared order machine. Forbidden
 * transitions: HttpError 409 naming the current state and the allowed events; unknown order: 404.
 * The rep's app receives the new status by pull (and the change stream) once committed.
 */
export async function transitionProductOrder(
  db: Db,
  hub: ChangeHub,
  id: string,
  event: OrderEvent,
  reason?: string,
  options: TransitionOptions = {},
): Promise<ProductOrder> {
  const result = await db.transaction((tx) => applyOrderTransition(tx, id, event, reason, options));
  hub.publish(result.changed.map(changeOf));
  return result.order;
}

/**
 * Stores a new order once (UNIQUE externalId); when it is new, records ProductOrderCreateEvent
 * and shows its first state on the owner's order document. `changed`: the documents written.
 */
export async function createProductOrder(
  tx: Queryable,
  order: ProductOrder,
  owner: string,
): Promise<{ created: boolean; stored: StoredProductOrder; changed: StoredDoc[] }> {
  const result = await insertProductOrder(tx, order, owner);
  if (!result.created) return { ...result, changed: [] };
  await recordProductOrderEvent(tx, 'ProductOrderCreateEvent', order, owner);
  // The customer's acknowledgement email, sent after commit (acknowledgement/acknowledgementMailer.ts).
  await queueAcknowledgement(tx, order);
  return { ...result, changed: await mirrorOrderStatus(tx, order, owner) };
}
