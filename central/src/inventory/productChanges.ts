/**
 * Delta orders delivered (seed 003): a completed `modify` item updates the installed product it
 * names (its characteristics and recurring price, e.g. a bandwidth upgrade or a new site), a
 * completed `delete` item terminates it. The TMF637 product, its event and the rep's `products`
 * document change together, in the transaction that delivered the order.
 */
import type { ProductDoc } from '../../../shared/schemas';
import type { Queryable } from '../platform/db/db';
import { recordEvent } from '../platform/events/eventLog';
import { isObject, type JsonObject } from '../platform/json';
import { loadDoc, writeDoc, type StoredDoc } from '../platform/sync/docs';
import { getResource, putResource } from '../platform/tmf/resourceStore';
import type { ProductOrder, ProductOrderItem } from '../ordering';
import { INVENTORY_DOMAIN, PRODUCT_KIND, type Product, type ProductCharacteristic, type ProductPrice } from './productTypes';

/** The product a modify or delete item changes, if it names one. */
export function changedProductId(item: ProductOrderItem): string | undefined {
  if (item.action !== 'modify' && item.action !== 'delete') return undefined;
  const product = isObject(item.product) ? (item.product as JsonObject) : undefined;
  return typeof product?.id === 'string' && product.id !== '' ? product.id : undefined;
}

function itemCharacteristics(item: ProductOrderItem): ProductCharacteristic[] {
  const list = isObject(item.product) && Array.isArray(item.product.productCharacteristic) ? item.product.productCharacteristic : [];
  return list.filter((c) => isObject(c) && typeof c.name === 'string' && c.value !== undefined) as ProductCharacteristic[];
}

function itemRecurringPrices(item: ProductOrderItem): ProductPrice[] {
  return (item.itemPrice ?? []).filter(
    (price) => price.priceType === 'recurring' && typeof price.price?.dutyFreeAmount?.value === 'number',
  ) as ProductPrice[];
}

/** The product after a delivered modify item: characteristics named by the item replaced, the rest kept. */
export function modifiedProduct(product: Product, order: ProductOrder, item: ProductOrderItem): Product {
  const changes = itemCharacteristics(item);
  const names = new Set(changes.map((c) => c.name));
  const prices = itemRecurringPrices(item);
  return {
    ...product,
    productCharacteristic: [...product.productCharacteristic.filter((c) => !names.has(c.name)), ...changes],
    ...(prices.length > 0 ? { productPrice: prices } : {}),
    productOrderItem: [...product.productOrderItem, relation(order, item, 'modification')],
  };
}

/** The product after a delivered delete item: terminated (TMF637 active -> terminated). */
export function terminatedProduct(product: Product, order: ProductOrder, item: ProductOrderItem, now: string): Product {
  return {
    ...product,
    status: 'terminated',
    terminationDate: now,
    productOrderItem: [...product.productOrderItem, relation(order, item, 'termination')],
  };
}

function relation(order: ProductOrder, item: ProductOrderItem, role: string): Product['productOrderItem'][number] {
  return {
    orderItemId: item.id,
    orderItemAction: item.action,
    productOrderId: order.id,
    productOrderHref: order.href,
    role,
    '@referredType': 'ProductOrderItem',
  };
}

function docOf(existing: ProductDoc, product: Product, now: string): ProductDoc {
  const recurring = product.productPrice.reduce((sum, price) => sum + Math.round(price.price.dutyFreeAmount.value * 100), 0);
  const currency = product.productPrice[0]?.price.dutyFreeAmount.unit;
  return {
    ...existing,
    updatedAt: now,
    status: product.status as ProductDoc['status'],
    characteristics: product.productCharacteristic
      .filter((c) => c.name !== 'Quantity')
      .map((c) => ({ name: c.name, value: typeof c.value === 'string' ? c.value : JSON.stringify(c.value) })),
    ...(currency ? { recurring, currency } : {}),
  };
}

/**
 * Applies one delivered modify/delete item to the product it names. Returns the product and the
 * synced document written, or nothing when the product is gone or already changed by this item.
 */
export async function applyProductChange(
  tx: Queryable,
  order: ProductOrder,
  item: ProductOrderItem,
  now: string,
): Promise<{ product: Product; docs: StoredDoc[] } | undefined> {
  const productId = changedProductId(item);
  const stored = productId ? await getResource<Product>(tx, PRODUCT_KIND, productId) : undefined;
  if (!stored || stored.resource.status !== 'active') return undefined;
  const before = stored.resource;
  const after = item.action === 'delete' ? terminatedProduct(before, order, item, now) : modifiedProduct(before, order, item);
  await putResource(tx, PRODUCT_KIND, after.id, stored.owner, after);
  await recordEvent(tx, {
    eventType: item.action === 'delete' ? 'ProductStateChangeEvent' : 'ProductAttributeValueChangeEvent',
    domain: INVENTORY_DOMAIN,
    resourceName: 'product',
    resource: after,
    owner: stored.owner,
    description:
      item.action === 'delete'
        ? `Product ${after.name} terminated by order ${order.id} item ${item.id}`
        : `Product ${after.name} changed by order ${order.id} item ${item.id}`,
  });
  const doc = await loadDoc(tx, 'products', after.id);
  if (!doc || doc.deleted) return { product: after, docs: [] };
  const data = docOf(doc.data as unknown as ProductDoc, after, now);
  const written = await writeDoc(tx, {
    collection: 'products',
    id: doc.id,
    owner: doc.owner,
    deleted: false,
    data: data as unknown as JsonObject,
  });
  return { product: after, docs: [written] };
}
