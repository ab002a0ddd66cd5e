import type { FastifyInstance } from 'fastify';
import type { Db, Queryable } from '../../platform/db/db';
import { currentUser } from '../../platform/auth/guard';
import type { AuthUser } from '../../platform/auth/users';
import { forbidden, HttpError, notFound } from '../../platform/http/errors';
import { ownerIsVisible } from '../../platform/auth/scope';
import { changeOf, type StoredDoc } from '../../platform/sync/docs';
import type { ChangeHub } from '../../platform/sync/hub';
import { applyOrderTransition } from './orderLifecycle';
import { FINAL_ORDER_STATES } from './orderStates';
import { recordProductOrderEvent } from './productOrderEvents';
import { applyProductOrderPatch, parseProductOrderPatch } from './productOrderPatch';
import { deleteProductOrder, lockProductOrder, updateProductOrder, type LockedProductOrder } from './productOrderStore';
import { PRODUCT_ORDER_BASE, type ProductOrder } from './productOrderTypes';

const MERGE_PATCH = 'application/merge-patch+json';

/**
 * JSON merge patch bodies are JSON: parsed by Fastify's own JSON parser, same limits and
 * protections. Added in the routes' own encapsulated scope, so another module accepting the
 * same media type in its scope does not collide with it.
 */
function acceptMergePatch(scope: FastifyInstance): void {
  if (!scope.hasContentTypeParser(MERGE_PATCH)) {
    scope.addContentTypeParser(MERGE_PATCH, { parseAs: 'string' }, scope.getDefaultJsonParser('error', 'error'));
  }
}

async function lockVisible(tx: Queryable, user: AuthUser, id: string): Promise<LockedProductOrder> {
  const locked = await lockProductOrder(tx, id);
  if (!locked || !(await ownerIsVisible(tx, user, locked.owner))) throw notFound(`No ProductOrder with id ${id} that you may see`);
  return locked;
}

/** TMF622 PATCH and DELETE (optional operations of the conformance profile). */
export function registerProductOrderUpdateRoutes(app: FastifyInstance, db: Db, hub: ChangeHub): void {
  void app.register(async (scope) => {
    acceptMergePatch(scope);
    registerRoutes(scope, db, hub);
  });
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

function registerRoutes(app: FastifyInstance, db: Db, hub: ChangeHub): void {
  const path = `${PRODUCT_ORDER_BASE}/productOrder/:id`;

  app.patch(path, async (request) => {
    const user = currentUser(request);
    const { id } = request.params as { id: string };
    const { order: patched, changed: written } = await db.transaction(async (tx) => {
      const locked = await lockVisible(tx, user, id);
      // After the lookup: an order that is not there is a 404 whatever the patch says.
      const patch = parseProductOrderPatch(request.body);
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
    });
    // After commit: the rep's order document shows the resumed order.
    hub.publish(written.map(changeOf));
    return patched;
  });

  // "Deletion of product order (for administration purposes)" [622]: administrators only.
  app.delete(path, async (request, reply) => {
    const user = currentUser(request);
    const { id } = request.params as { id: string };
    await db.transaction(async (tx) => {
      // What you may not see is not found; what you see but may not delete is forbidden.
      const locked = await lockVisible(tx, user, id);
      if (user.role !== 'admin') {
        throw forbidden(
          'Deleting a ProductOrder is for administration only; ask an administrator, or cancel it with POST /cancelProductOrder',
        );
      }
      await deleteProductOrder(tx, id);
      await recordProductOrderEvent(tx, 'ProductOrderDeleteEvent', locked.order, locked.owner);
    });
    return reply.code(204).send();
  });
}
