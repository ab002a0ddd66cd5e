import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/db';
import { currentUser } from '../../platform/auth/guard';
import { forbidden } from '../../platform/http/errors';
import { changeOf } from '../../platform/sync/docs';
import type { ChangeHub } from '../../platform/sync/hub';
import { recordProductOrderEvent } from './productOrderEvents';
import { deleteProductOrder } from './productOrderStore';
import { lockVisible, patchProductOrder } from './productOrderUpdate';
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

/** TMF622 PATCH and DELETE (optional operations of the conformance profile). */
export function registerProductOrderUpdateRoutes(app: FastifyInstance, db: Db, hub: ChangeHub): void {
  void app.register(async (scope) => {
    acceptMergePatch(scope);
    registerRoutes(scope, db, hub);
  });
}

function registerRoutes(app: FastifyInstance, db: Db, hub: ChangeHub): void {
  const path = `${PRODUCT_ORDER_BASE}/productOrder/:id`;

  app.patch(path, async (request) => {
    const user = currentUser(request);
    const { id } = request.params as { id: string };
    const { order: patched, changed: written } = await db.transaction((tx) => patchProductOrder(tx, user, id, request.body));
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
