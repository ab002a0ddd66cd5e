/**
 * The operations desk's hand on the order lifecycle (not a TMF622 operation: v4 has no
 * state-change task): release a credit or price hold, record that information arrived,
 * complete or fail an order. Administrators and integration clients (fulfilment systems)
 * only; every change goes through transitionProductOrder.
 */
import type { FastifyInstance } from 'fastify';
import type { OrderEvent } from '../../../../shared/machines/order.machine';
import type { Db } from '../../platform/db/db';
import { currentUser } from '../../platform/auth/guard';
import { badRequest, forbidden } from '../../platform/http/errors';
import type { ChangeHub } from '../../platform/sync/hub';
import { isObject } from '../../platform/json';
import { transitionProductOrder } from './orderLifecycle';
import { CENTRAL_EVENT_TYPES, type ItemOutcome } from './orderStates';

export const ORDER_OPS_PATH = '/ops/productOrder/:id/transition';

interface TransitionBody {
  event: OrderEvent;
  reason?: string;
  itemOutcomes?: Record<string, ItemOutcome>;
}

function parseTransition(body: unknown): TransitionBody {
  if (!isObject(body)) throw badRequest('The body must be a JSON object: { "event": "central.release", "reason": "..." }');
  const type = body.event;
  const eventType = CENTRAL_EVENT_TYPES.find((candidate) => candidate === type);
  if (!eventType) throw badRequest(`event must be one of ${CENTRAL_EVENT_TYPES.join(', ')}`);
  if (body.reason !== undefined && (typeof body.reason !== 'string' || body.reason === '' || body.reason.length > 1000)) {
    throw badRequest('reason must be text of 1 to 1000 characters');
  }
  const outcomes = body.itemOutcomes;
  if (
    outcomes !== undefined &&
    (!isObject(outcomes) || !Object.values(outcomes).every((value) => value === 'completed' || value === 'failed'))
  ) {
    throw badRequest('itemOutcomes must map item ids to "completed" or "failed"');
  }
  return {
    event: { type: eventType },
    ...(typeof body.reason === 'string' ? { reason: body.reason } : {}),
    ...(outcomes ? { itemOutcomes: outcomes as Record<string, ItemOutcome> } : {}),
  };
}

export function registerOrderOpsRoutes(app: FastifyInstance, db: Db, hub: ChangeHub): void {
  app.post(ORDER_OPS_PATH, async (request) => {
    const user = currentUser(request);
    if (user.role !== 'admin' && user.role !== 'integration') {
      throw forbidden(
        'Only the operations desk (administrators and integration clients) moves orders through their lifecycle; to cancel, POST /cancelProductOrder',
      );
    }
    const { id } = request.params as { id: string };
    const { event, reason, itemOutcomes } = parseTransition(request.body);
    return transitionProductOrder(db, hub, id, event, reason, itemOutcomes ? { itemOutcomes } : {});
  });
}
