import type { FastifyInstance } from 'fastify';
import type { Db } from '../platform/db/db';
import { currentUser } from '../platform/auth/guard';
import { notFound } from '../platform/http/errors';
import { parseListQuery, selectFields, sendPage } from '../platform/tmf/listing';
import { findVisibleProduct, listVisibleProducts } from './productStore';
import { PRODUCT_INVENTORY_BASE } from './productTypes';

/**
 * TMF637 Product Inventory v4, read side: the products fulfillment created. Reps see the
 * products of their own orders, managers their team's, admin and integration clients all.
 */
export function registerProductInventoryRoutes(app: FastifyInstance, db: Db): void {
  const base = `${PRODUCT_INVENTORY_BASE}/product`;

  app.get(base, async (request, reply) => {
    const user = currentUser(request);
    const query = parseListQuery(request.query);
    const { total, products } = await listVisibleProducts(db, user, query.filters, query.offset, query.limit);
    return sendPage(reply, total, products, query.fields);
  });

  app.get(`${base}/:id`, async (request) => {
    const user = currentUser(request);
    const { id } = request.params as { id: string };
    const product = await findVisibleProduct(db, user, id);
    if (!product) throw notFound(`No Product with id ${id} that you may see`);
    return selectFields(product, (request.query as Record<string, unknown>).fields);
  });
}
