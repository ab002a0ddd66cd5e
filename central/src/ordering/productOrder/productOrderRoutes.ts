import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Db } from '../../platform/db/db';
import { currentUser } from '../../platform/auth/guard';
import { HttpError, notFound } from '../../platform/http/errors';
import { createWithReview } from '../ingest/createWithReview';
import { STATE_REASON_NOTE } from '../ingest/productOrderFromOrder';
import { isObject } from '../../platform/json';
import { parseListQuery, selectFields, sendPage } from '../../platform/tmf/listing';
import { ownerIsVisible } from '../../platform/auth/scope';
import { checkProductOrderCreate } from './productOrderCheck';
import { parseProductOrderCreate } from './productOrderInput';
import { findByExternalId, findVisible, listVisible } from './productOrderStore';
import { PRODUCT_ORDER_BASE, productOrderHref, type ProductOrder, type ProductOrderItem } from './productOrderTypes';

function withState(items: readonly unknown[], state: string): ProductOrderItem[] {
  return items.filter(isObject).map((item) => ({
    ...(item as ProductOrderItem),
    state,
    ...(Array.isArray(item.productOrderItem) ? { productOrderItem: withState(item.productOrderItem, state) } : {}),
  }));
}

function located(reply: FastifyReply, order: ProductOrder, status: 200 | 201): ProductOrder {
  reply.code(status).header('Location', order.href);
  return order;
}

/** TMF622 Product Ordering v4: POST and GET (the mandatory operations of the conformance profile). */
export function registerProductOrderRoutes(app: FastifyInstance, db: Db): void {
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
    const items = input.productOrderItem as unknown[];
    const { created, stored } = await db.transaction(async (tx) => {
      const { problems, findings } = await checkProductOrderCreate(tx, user, input);
      const state = problems.length > 0 ? 'rejected' : 'acknowledged';
      const reason = problems.length > 0 ? `Rejected: ${problems.join('; ')}` : 'Acknowledged: the order passed the business consistency check';
      const id = randomUUID();
      const orderDate = new Date().toISOString();
      const notes = Array.isArray(input.note) ? input.note.filter(isObject).map((note) => note as { text: string }) : [];
      const order: ProductOrder = {
        '@type': 'ProductOrder',
        ...input,
        id,
        href: productOrderHref(id),
        orderDate,
        state,
        productOrderItem: withState(items, state),
        note: [...notes, { id: STATE_REASON_NOTE, author: 'Outpost central system', date: orderDate, text: reason }],
      };
      return createWithReview(tx, order, user.id, findings);
    });
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
