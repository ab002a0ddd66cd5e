import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Db } from '../db/db';
import { currentUser } from '../auth/guard';
import { badRequest, HttpError, notFound } from '../http/errors';
import { offeringProblems } from '../orders/ingest';
import { STATE_REASON_NOTE } from '../orders/productOrderFromOrder';
import { isObject, type JsonObject } from '../sync/json';
import { ownerIsVisible } from '../sync/scope';
import { parseProductOrderCreate, referencedOfferings } from './productOrderInput';
import { findByExternalId, findVisible, insertProductOrder, listVisible, type AttributeFilter } from './productOrderStore';
import { PRODUCT_ORDER_BASE, productOrderHref, type ProductOrder, type ProductOrderItem } from './productOrderTypes';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;
const PAGING = new Set(['offset', 'limit', 'fields']);
const ATTRIBUTE = /^[A-Za-z@][A-Za-z0-9@_]*$/;

function withState(items: readonly unknown[], state: string): ProductOrderItem[] {
  return items.filter(isObject).map((item) => ({
    ...(item as ProductOrderItem),
    state,
    ...(Array.isArray(item.productOrderItem) ? { productOrderItem: withState(item.productOrderItem, state) } : {}),
  }));
}

function whole(value: unknown, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !/^\d{1,9}$/.test(value) || Number(value) > max) {
    throw badRequest(`${name} must be a whole number from 0 to ${max}`);
  }
  return Number(value);
}

/** TMF630 attribute selection: the listed first-level attributes, plus id and href. */
function selectFields(order: ProductOrder, fields: unknown): JsonObject {
  if (fields === undefined) return order;
  if (typeof fields !== 'string') throw badRequest('fields must be one comma-separated list of attribute names');
  const wanted = new Set(['id', 'href', ...fields.split(',').map((field) => field.trim()).filter(Boolean)]);
  return Object.fromEntries(Object.entries(order).filter(([key]) => wanted.has(key)));
}

function filtersOf(query: Record<string, unknown>): AttributeFilter[] {
  const filters: AttributeFilter[] = [];
  for (const [attribute, raw] of Object.entries(query)) {
    if (PAGING.has(attribute)) continue;
    if (!ATTRIBUTE.test(attribute)) throw badRequest(`Cannot filter on "${attribute}"; filter on first-level attributes, e.g. state=acknowledged`);
    const values = Array.isArray(raw) ? raw : [raw];
    if (!values.every((value): value is string => typeof value === 'string')) throw badRequest(`Filter ${attribute} must be text`);
    filters.push({ attribute, values });
  }
  return filters;
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
    const problems = await offeringProblems(db, referencedOfferings(items));
    const state = problems.length > 0 ? 'rejected' : 'acknowledged';
    const reason = problems.length > 0 ? `Rejected: ${problems.join('; ')}` : 'Acknowledged: the order passed the business consistency check';
    const id = randomUUID();
    const orderDate = new Date().toISOString();
    const notes = Array.isArray(input.note) ? input.note : [];
    const order: ProductOrder = {
      '@type': 'ProductOrder',
      ...input,
      id,
      href: productOrderHref(id),
      orderDate,
      state,
      productOrderItem: withState(items, state),
      note: [...notes.filter(isObject).map((note) => note as { text: string }), { id: STATE_REASON_NOTE, author: 'Outpost central system', date: orderDate, text: reason }],
    };
    const { created, stored } = await insertProductOrder(db, order, user.id);
    if (!created && !(await ownerIsVisible(db, user, stored.owner))) {
      throw new HttpError(409, 'conflict', `externalId ${externalId ?? ''} is already used by another party's order; use a new externalId`);
    }
    return located(reply, stored.order, created ? 201 : 200);
  });

  app.get(base, async (request, reply) => {
    const user = currentUser(request);
    const query = request.query as Record<string, unknown>;
    const offset = whole(query.offset, 'offset', 0, 1_000_000_000);
    const limit = whole(query.limit, 'limit', DEFAULT_LIMIT, MAX_LIMIT);
    const { total, orders } = await listVisible(db, user, filtersOf(query), offset, limit);
    reply.header('X-Total-Count', String(total)).header('X-Result-Count', String(orders.length));
    return orders.map((order) => selectFields(order, query.fields));
  });

  app.get(`${base}/:id`, async (request) => {
    const user = currentUser(request);
    const { id } = request.params as { id: string };
    const order = await findVisible(db, user, id);
    if (!order) throw notFound(`No ProductOrder with id ${id} that you may see`);
    return selectFields(order, (request.query as Record<string, unknown>).fields);
  });
}
