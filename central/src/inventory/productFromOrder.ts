/**
 * Asset-based ordering (seed 003): when an order is fulfilled, its trackable lines become TMF637
 * products of the customer's account. The rule, per offering: an offering with a recurring charge
 * is something the customer keeps (a line, a circuit, a seat) and becomes an asset; an offering
 * with one-time charges only (an installation, a setup service) is delivered and done. The
 * one-time charges of a trackable line (installation, SIM activation) are not carried over to
 * the asset either. One product per order line, whatever its quantity (20 mobile lines = one
 * "Mobile Business" product with Quantity 20); a bundle becomes one product (`isBundle`).
 */
import { createHash } from 'node:crypto';
import type { OfferingDoc, ProductDoc } from '../../../shared/schemas';
import { isObject, type JsonObject } from '../platform/json';
import type { Money, ProductOrder, ProductOrderItem, RelatedParty } from '../ordering';
import { productHref, type Product, type ProductCharacteristic, type ProductPrice } from './productTypes';

const CATALOG_BASE = '/tmf-api/productCatalogManagement/v4';

/**
 * Whether a delivered order item becomes an asset. Only `add` items with an offering create
 * one (a modify/delete item changes the existing asset it names: productChanges.ts); an
 * offering the catalog no longer knows is kept as an asset rather than silently lost.
 */
export function isTrackable(item: ProductOrderItem, offering: OfferingDoc | undefined): boolean {
  if (item.action !== 'add' || typeof item.productOffering?.id !== 'string') return false;
  return offering === undefined || offering.prices.some((price) => price.priceType === 'recurring');
}

/** The customer account of an order: the party with role customer, else the first party without a role. */
export function customerOf(order: ProductOrder): RelatedParty | undefined {
  const parties = order.relatedParty ?? [];
  return parties.find((party) => party.role === 'customer') ?? parties.find((party) => party.role === undefined);
}

/**
 * One product id per (order, item), derived rather than drawn: creating the products of an
 * order twice can only ever find the same ids. UUID-shaped (36 characters fits the app's ids).
 */
export function productIdFor(orderId: string, itemId: string): string {
  const hex = createHash('sha256').update(`product:${orderId}/${itemId}`).digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A TMF622 client may send any quantity; an asset counts at least one of something. */
function quantityOf(item: ProductOrderItem): number {
  return Number.isSafeInteger(item.quantity) && (item.quantity ?? 0) >= 1 ? (item.quantity ?? 1) : 1;
}

/** Items of an order placed over TMF622 carry whatever the client sent: read them defensively. */
function objectsIn(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function lineCharacteristics(item: ProductOrderItem): ProductCharacteristic[] {
  const product = isObject(item.product) ? item.product : {};
  return objectsIn(product.productCharacteristic)
    .filter((c): c is JsonObject & { name: string } => typeof c.name === 'string' && c.value !== undefined)
    .map((c) => ({ name: c.name, valueType: typeof c.valueType === 'string' ? c.valueType : 'string', value: c.value }));
}

function characteristicsOf(item: ProductOrderItem): ProductCharacteristic[] {
  const quantity = quantityOf(item);
  const lines = lineCharacteristics(item);
  return quantity > 1 ? [...lines, { name: 'Quantity', valueType: 'integer', value: quantity }] : lines;
}

function amountOf(price: JsonObject): Money | undefined {
  const money = isObject(price.price) && isObject(price.price.dutyFreeAmount) ? price.price.dutyFreeAmount : undefined;
  return money && typeof money.value === 'number' && Number.isFinite(money.value) && typeof money.unit === 'string'
    ? { unit: money.unit, value: money.value }
    : undefined;
}

function recurringPrices(item: ProductOrderItem): ProductPrice[] {
  return objectsIn(item.itemPrice).flatMap((price) => {
    const amount = amountOf(price);
    if (price.priceType !== 'recurring' || !amount) return [];
    return [
      {
        name: typeof price.name === 'string' ? price.name : 'Recurring charge',
        priceType: 'recurring',
        ...(typeof price.recurringChargePeriod === 'string' ? { recurringChargePeriod: price.recurringChargePeriod } : {}),
        price: { dutyFreeAmount: amount },
      },
    ];
  });
}

function nameOf(item: ProductOrderItem): string | undefined {
  const product = isObject(item.product) ? item.product : {};
  if (typeof product.name === 'string') return product.name;
  return typeof item.productOffering?.name === 'string' ? item.productOffering.name : undefined;
}

export function productFromOrderItem(order: ProductOrder, item: ProductOrderItem, offering: OfferingDoc | undefined, now: string): Product {
  const offeringId = typeof item.productOffering?.id === 'string' ? item.productOffering.id : '';
  const id = productIdFor(order.id, item.id);
  const customer = customerOf(order);
  const name = nameOf(item) ?? offering?.name ?? offeringId;
  return {
    id,
    href: productHref(id),
    name,
    ...(offering?.description ? { description: offering.description } : {}),
    isBundle: offering?.isBundle ?? false,
    isCustomerVisible: true,
    status: 'active',
    orderDate: order.orderDate,
    startDate: now,
    productOffering: { id: offeringId, name: offering?.name ?? name, href: `${CATALOG_BASE}/productOffering/${offeringId}` },
    productCharacteristic: characteristicsOf(item),
    productPrice: recurringPrices(item),
    ...(order.billingAccount ? { billingAccount: order.billingAccount } : {}),
    relatedParty: customer ? [{ ...customer, role: 'customer' }] : [],
    productOrderItem: [
      {
        orderItemId: item.id,
        orderItemAction: item.action,
        productOrderId: order.id,
        productOrderHref: order.href,
        role: 'creation',
        '@referredType': 'ProductOrderItem',
      },
    ],
    '@type': 'Product',
  };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The app's read-only copy of a product, for the rep who placed the order; undefined when the
 * order names no customer account the app could show it under.
 */
export function productDocOf(
  product: Product,
  order: ProductOrder,
  item: ProductOrderItem,
  owner: string,
  now: string,
): ProductDoc | undefined {
  const customer = customerOf(order);
  // The app's ids are at most 40 characters; a TMF client's longer party id has no app account.
  if (!customer || customer.id.length > 40) return undefined;
  const recurring = product.productPrice.reduce((sum, price) => sum + Math.round(price.price.dutyFreeAmount.value * 100), 0);
  const currency = product.productPrice[0]?.price.dutyFreeAmount.unit;
  return {
    id: product.id,
    owner,
    createdAt: now,
    updatedAt: now,
    syncPending: false,
    accountId: customer.id,
    ...(customer.name ? { accountName: customer.name } : {}),
    name: product.name,
    offeringId: product.productOffering.id,
    isBundle: product.isBundle,
    status: 'active',
    characteristics: lineCharacteristics(item).map((c) => ({ name: c.name, value: text(c.value) })),
    quantity: quantityOf(item),
    ...(currency ? { recurring, currency } : {}),
    startDate: product.startDate,
    orderId: order.externalId ?? order.id,
    tmfOrderId: order.id,
    orderItemId: item.id,
  };
}
