import type { FastifyInstance } from 'fastify';
import type { Db, Queryable } from '../../platform/db/db';
import { currentUser } from '../../platform/auth/guard';
import type { AuthUser } from '../../platform/auth/users';
import { forbidden, HttpError, notFound } from '../../platform/http/errors';
import { ownerIsVisible } from '../../platform/auth/scope';
import { FINAL_ORDER_STATES } from './orderStates';
import { recordProductOrderEvent } from './productOrderEvents';
import { applyProductOrderPatch, parseProductOrderPatch } from './productOrderPatch';
import { deleteProductOrder, lockProductOrder, updateProductOrder, type LockedProductOrder } from './productOrderStore';
import { PRODUCT_ORDER_BASE } from './productOrderTypes';

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
export function registerProductOrderUpdateRoutes(app: FastifyInstance, db: Db): void {
  void app.register(async (scope) => {
    acceptMergePatch(scope);
    registerRoutes(scope, db);
  });
}

function registerRoutes(app: FastifyInstance, db: Db): void {
  const path = `${PRODUCT_ORDER_BASE}/productOrder/:id`;

  app.patch(path, async (request) => {
    const user = currentUser(request);
    const { id } = request.params as { id: string };
    return db.transaction(async (tx) => {
      const locked = await lockVisible(tx, user, id);
      // After the lookup: an order that is not there is a 404 whatever the patch says.
      const patch = parseProductOrderPatch(request.body);
      if (FINAL_ORDER_STATES.has(locked.order.state)) {
        throw new HttpError(409, 'conflict', `ProductOrder ${id} is ${locked.order.state}, a final state; it can no longer be changed`);
      }
      const { order, changed } = applyProductOrderPatch(locked.order, patch);
      if (changed.length === 0) return locked.order;
      await updateProductOrder(tx, order, locked.cancellationOrigin);
      await recordProductOrderEvent(tx, 'ProductOrderAttributeValueChangeEvent', order, locked.owner, {
        fieldPath: changed.join(','),
        description: `Changed ${changed.join(', ')}`,
      });
      return order;
    });
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
