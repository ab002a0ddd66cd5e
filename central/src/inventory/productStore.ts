/**
 * TMF637 products in tmf_resources (kind `product`, owner = the rep who placed the order), the
 * ProductCreateEvent of each, and the app's read-only `products` documents.
 */
import type { OfferingDoc } from '../../../shared/schemas';
import type { Queryable } from '../platform/db/db';
import type { AuthUser } from '../platform/auth/users';
import { recordEvent } from '../platform/events/eventLog';
import { loadDoc, writeDoc, type StoredDoc } from '../platform/sync/docs';
import type { JsonObject } from '../platform/json';
import { ownerVisibleSql } from '../platform/auth/scope';
import { filterSql, type AttributeFilter } from '../platform/tmf/listing';
import { getResource, getVisibleResource, putResource } from '../platform/tmf/resourceStore';
import type { ProductDelivery, ProductOrder } from '../ordering';
import { isTrackable, productDocOf, productFromOrderItem, productIdFor } from './productFromOrder';
import { applyProductChange, changedProductId } from './productChanges';
import { INVENTORY_DOMAIN, PRODUCT_KIND, type Product } from './productTypes';

export interface CreatedProducts {
  /** False when the order's products had been created before: nothing was done. */
  delivered: boolean;
  products: Product[];
  /** The synced documents written, to publish after commit. */
  docs: StoredDoc[];
}

async function offeringOf(tx: Queryable, id: string | undefined): Promise<OfferingDoc | undefined> {
  if (!id) return undefined;
  const doc = await loadDoc(tx, 'offerings', id);
  return doc && !doc.deleted ? (doc.data as unknown as OfferingDoc) : undefined;
}

/**
 * The assets of a delivered order: one product per trackable top-level item in state
 * `completed` (so a `partial` order gives products for its delivered items only). Runs in the
 * transaction that completed the order or a later one, under the write lock. Exactly once per
 * order: the order's inventory_deliveries row is claimed first, and product ids derive from the
 * order and item, so a second call finds the claim and creates nothing.
 */
export async function createProductsForOrder(tx: Queryable, order: ProductOrder, owner: string, now: string): Promise<CreatedProducts> {
  const created: CreatedProducts = { delivered: false, products: [], docs: [] };
  const claimed = await tx.query(
    'INSERT INTO inventory_deliveries (order_id) VALUES ($1) ON CONFLICT (order_id) DO NOTHING RETURNING order_id',
    [order.id],
  );
  if (claimed.length === 0) return created;
  created.delivered = true;
  for (const item of order.productOrderItem) {
    if (item.state !== 'completed') continue;
    if (changedProductId(item)) {
      // A delta order's item changes the installed product it names instead of creating one.
      const changed = await applyProductChange(tx, order, item, now);
      if (changed) {
        created.products.push(changed.product);
        created.docs.push(...changed.docs);
      }
      continue;
    }
    const offering = await offeringOf(tx, item.productOffering?.id);
    if (!isTrackable(item, offering)) continue;
    if (await getResource(tx, PRODUCT_KIND, productIdFor(order.id, item.id))) continue;

    const product = productFromOrderItem(order, item, offering, now);
    await putResource(tx, PRODUCT_KIND, product.id, owner, product);
    await recordEvent(tx, {
      eventType: 'ProductCreateEvent',
      domain: INVENTORY_DOMAIN,
      resourceName: 'product',
      resource: product,
      owner,
      description: `Product ${product.name} created for order ${order.id} item ${item.id}`,
    });
    created.products.push(product);
    const doc = productDocOf(product, order, item, owner, now);
    if (doc) {
      created.docs.push(
        await writeDoc(tx, { collection: 'products', id: doc.id, owner, deleted: false, data: doc as unknown as JsonObject }),
      );
    }
  }
  return created;
}

/** Completed and partial orders whose products were never created (completed outside fulfillment), oldest first. */
export async function undeliveredOrderIds(db: Queryable, limit: number): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT po.id FROM product_orders po
      WHERE po.state IN ('completed', 'partial')
        AND NOT EXISTS (SELECT 1 FROM inventory_deliveries d WHERE d.order_id = po.id)
      ORDER BY po.order_date, po.id LIMIT $1`,
    [limit],
  );
  return rows.map((row) => row.id);
}

/** Inventory's side of fulfillment (ordering's ProductDelivery port). */
export const productDelivery: ProductDelivery = { createProductsForOrder, undeliveredOrderIds };

export async function findVisibleProduct(db: Queryable, user: AuthUser, id: string): Promise<Product | undefined> {
  return getVisibleResource<Product>(db, user, PRODUCT_KIND, id);
}

/**
 * Filters on attributes that hold references match the reference's id, the way a TMF client
 * means them: `relatedParty=acct-1` = products of that customer, `productOffering=off-1`.
 */
function productFilterSql(filters: readonly AttributeFilter[], bind: (value: unknown) => string): string[] {
  const plain = filters.filter((filter) => filter.attribute !== 'relatedParty' && filter.attribute !== 'productOffering');
  const special = filters.flatMap((filter) => {
    if (filter.attribute === 'relatedParty') {
      return [
        `(${filter.values.map((value) => `resource -> 'relatedParty' @> jsonb_build_array(jsonb_build_object('id', ${bind(value)}::text))`).join(' OR ')})`,
      ];
    }
    if (filter.attribute === 'productOffering') {
      return [`(${filter.values.map((value) => `resource -> 'productOffering' ->> 'id' = ${bind(value)}`).join(' OR ')})`];
    }
    return [];
  });
  return [...filterSql(plain, bind, 'resource', { id: 'id' }), ...special];
}

export async function listVisibleProducts(
  db: Queryable,
  user: AuthUser,
  filters: readonly AttributeFilter[],
  offset: number,
  limit: number,
): Promise<{ total: number; products: Product[] }> {
  const params: unknown[] = [PRODUCT_KIND];
  const bind = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = ['kind = $1'];
  const scope = ownerVisibleSql(user, 'owner', 2);
  if (scope !== 'TRUE') {
    bind(user.id);
    where.push(scope);
  }
  where.push(...productFilterSql(filters, bind));
  const condition = where.join(' AND ');
  const count = await db.query<{ total: unknown }>(`SELECT count(*) AS total FROM tmf_resources WHERE ${condition}`, [...params]);
  const rows = await db.query<{ resource: Product }>(
    `SELECT resource FROM tmf_resources WHERE ${condition} ORDER BY created_at, id OFFSET ${bind(offset)} LIMIT ${bind(limit)}`,
    params,
  );
  return { total: Number(count[0]?.total ?? 0), products: rows.map((row) => row.resource) };
}
