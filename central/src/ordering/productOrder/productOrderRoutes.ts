import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Db } from '../../platform/db/db';
import { currentUser } from '../../platform/auth/guard';
import { HttpError, notFound } from '../../platform/http/errors';
import { changeOf } from '../../platform/sync/docs';
import type { ChangeHub } from '../../platform/sync/hub';
import { parseListQuery, selectFields, sendPage } from '../../platform/tmf/listing';
import { ownerIsVisible } from '../../platform/auth/scope';
import { placeProductOrder } from './placeProductOrder';
import { productOrderRequest } from './productOrderRequest';
import { parseProductOrderCreate } from './productOrderInput';
import { findByExternalId, findVisible, listVisible } from './productOrderStore';
import { PRODUCT_ORDER_BASE, type ProductOrder } from './productOrderTypes';

function located(reply: FastifyReply, order: ProductOrder, status: 200 | 201): ProductOrder {
  reply.code(status).header('Location', order.href);
  return order;
}

/** TMF622 Product Ordering v4: POST and GET (the mandatory operations of the conformance profile). */
export function registerProductOrderRoutes(app: FastifyInstance, db: Db, hub: ChangeHub): void {
  const base = `${PRODUCT_ORDER_BASE}/productOrder`;

  app.post(base, async (request, reply) => {
    const user = currentUser(request);
    const input = parseProductOrderCreate(request.body);
    const externalId = typeof input.externalId === 'string' ? input.externalId : undefined;
    if (externalId) {
      // The consumer's retry of an order it already placed: the same order, not a second one.
      const existing = await findByExternalId(db, externalId);
      if (existing) {
        if (await ownerIsVisible(db, user, existing.owner)) return located(reply, existing.order, 200);
        throw new HttpError(409, 'conflict', `externalId ${externalId} is already used by another party's order; use a new externalId`);
      }
    }
    const { created, stored, changed } = await db.transaction((tx) =>
      placeProductOrder(tx, user, productOrderRequest(input), new Date().toISOString()),
    );
    // A rep's own order document with this externalId shows the new order's state.
    hub.publish(changed.map(changeOf));
    if (!created && !(await ownerIsVisible(db, user, stored.owner))) {
      throw new HttpError(409, 'conflict', `externalId ${externalId ?? ''} is already used by another party's order; use a new externalId`);
    }
    return located(reply, stored.order, created ? 201 : 200);
  });

  app.get(base, async (request, reply) => {
    const user = currentUser(request);
    const query = parseListQuery(request.query);
    const { total, orders } = await listVisible(db, user, query.filters, query.offset, query.limit);
    return sendPage(reply, total, orders, query.fields);
  });

  app.get(`${base}/:id`, async (request) => {
    const user = currentUser(request);
    const { id } = request.params as { id: string };
    const order = await findVisible(db, user, id);
    if (!order) throw notFound(`No ProductOrder with id ${id} that you may see`);
    return selectFields(order, (request.query as Record<string, unknown>).fields);
  });
}
