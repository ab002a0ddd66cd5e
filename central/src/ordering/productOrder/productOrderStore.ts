import type { Queryable } from '../../platform/db/db';
import { txMemo, txMemoKey } from '../../platform/db/txMemo';
import type { AuthUser } from '../../platform/auth/users';
import { ownerVisibleSql } from '../../platform/auth/scope';
import { listOwnedPage, type AttributeFilter } from '../../platform/tmf/listing';
import type { ProductOrder } from './productOrderTypes';

interface OrderRow extends Record<string, unknown> {
  resource: ProductOrder;
  owner: string;
}

export interface StoredProductOrder {
  order: ProductOrder;
  owner: string;
}

/** A stored order with the part of the order machine's context the order itself has no field for. */
export interface LockedProductOrder extends StoredProductOrder {
  cancellationOrigin: string | null;
}

/**
 * What this transaction knows of ProductOrders by externalId: absent (null; only an insert can
 * change that, and the insert is guarded by UNIQUE external_id), or created by this transaction
 * (nobody else sees or changes it before commit). An order of someone else's commit is read again.
 */
const KNOWN = txMemoKey<LockedProductOrder | null>('ordering.productOrdersByExternalId');
/** The externalIds of the orders this transaction created, by ProductOrder id. */
const CREATED = txMemoKey<string>('ordering.createdProductOrders');

/**
 * Insert unless an order with the same externalId exists (UNIQUE external_id): the one
 * guarantee that retries, duplicate pushes and concurrent requests create one order.
 * Returns the order that now holds the externalId and whether it is the one just created.
 */
export async function insertProductOrder(
  tx: Queryable,
  order: ProductOrder,
  owner: string,
): Promise<{ created: boolean; stored: StoredProductOrder }> {
  const inserted = await tx.query(
    `INSERT INTO product_orders (id, external_id, owner, state, order_date, resource)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb)
     ON CONFLICT (external_id) DO NOTHING RETURNING id`,
    [order.id, order.externalId ?? null, owner, order.state, order.orderDate, JSON.stringify(order)],
  );
  if (inserted.length > 0) {
    if (order.externalId) {
      txMemo(tx, KNOWN).set(order.externalId, { order, owner, cancellationOrigin: null });
      txMemo(tx, CREATED).set(order.id, order.externalId);
    }
    return { created: true, stored: { order, owner } };
  }
  // Another transaction holds it: its committed row, not what this one remembered.
  if (order.externalId) txMemo(tx, KNOWN).delete(order.externalId);
  const existing = order.externalId ? await findByExternalId(tx, order.externalId) : undefined;
  if (!existing) throw new Error(`ProductOrder insert for externalId ${order.externalId ?? '(none)'} neither inserted nor found`);
  return { created: false, stored: existing };
}

export async function findByExternalId(tx: Queryable, externalId: string): Promise<StoredProductOrder | undefined> {
  const known = txMemo(tx, KNOWN).get(externalId);
  if (known !== undefined) return known === null ? undefined : { order: known.order, owner: known.owner };
  const rows = await tx.query<OrderRow>('SELECT resource, owner FROM product_orders WHERE external_id = $1', [externalId]);
  if (!rows[0]) txMemo(tx, KNOWN).set(externalId, null);
  return rows[0] ? { order: rows[0].resource, owner: rows[0].owner } : undefined;
}

/** The order as this transaction created and last changed it, if it did. */
function createdHere(tx: Queryable, id: string): LockedProductOrder | undefined {
  const externalId = txMemo(tx, CREATED).get(id);
  return externalId === undefined ? undefined : (txMemo(tx, KNOWN).get(externalId) ?? undefined);
}

export async function findVisible(db: Queryable, user: AuthUser, id: string): Promise<ProductOrder | undefined> {
  const scope = ownerVisibleSql(user, 'owner', 2);
  const params = scope === 'TRUE' ? [id] : [id, user.id];
  const rows = await db.query<OrderRow>(`SELECT resource, owner FROM product_orders WHERE id = $1 AND ${scope}`, params);
  return rows[0]?.resource;
}

const COLUMN_OF: Record<string, string> = { id: 'id', externalId: 'external_id', state: 'state' };

export async function listVisible(
  db: Queryable,
  user: AuthUser,
  filters: readonly AttributeFilter[],
  offset: number,
  limit: number,
): Promise<{ total: number; orders: ProductOrder[] }> {
  const page = await listOwnedPage<ProductOrder>(db, user, {
    table: 'product_orders',
    columns: COLUMN_OF,
    orderBy: 'order_date, id',
    filters,
    offset,
    limit,
  });
  return { total: page.total, orders: page.resources };
}

/** The order, locked against concurrent changes until the transaction ends. */
export async function lockProductOrder(tx: Queryable, id: string): Promise<LockedProductOrder | undefined> {
  // Created by this transaction: no other can see it yet, let alone change it.
  const created = createdHere(tx, id);
  if (created) return created;
  const rows = await tx.query<OrderRow & { cancellation_origin: string | null }>(
    'SELECT resource, owner, cancellation_origin FROM product_orders WHERE id = $1 FOR UPDATE',
    [id],
  );
  const row = rows[0];
  return row ? { order: row.resource, owner: row.owner, cancellationOrigin: row.cancellation_origin } : undefined;
}

/** Replaces the stored resource; the state column follows it. */
export async function updateProductOrder(tx: Queryable, order: ProductOrder, cancellationOrigin: string | null): Promise<void> {
  await tx.query('UPDATE product_orders SET state = $2, resource = $3::jsonb, cancellation_origin = $4 WHERE id = $1', [
    order.id,
    order.state,
    JSON.stringify(order),
    cancellationOrigin,
  ]);
  const created = createdHere(tx, order.id);
  const externalId = txMemo(tx, CREATED).get(order.id);
  if (created && externalId !== undefined) txMemo(tx, KNOWN).set(externalId, { order, owner: created.owner, cancellationOrigin });
}

export async function deleteProductOrder(tx: Queryable, id: string): Promise<void> {
  await tx.query('DELETE FROM product_orders WHERE id = $1', [id]);
  const externalId = txMemo(tx, CREATED).get(id);
  if (externalId !== undefined) txMemo(tx, KNOWN).delete(externalId);
  txMemo(tx, CREATED).delete(id);
}
