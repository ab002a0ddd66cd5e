/**
 * A TMF622 ProductOrder_Create body as an order for the one creation pipeline
 * (placeProductOrder.ts): the customer, the offerings and the quoted prices the business
 * consistency check reads, and how the new ProductOrder is built from the body.
 */
import { isObject, type JsonObject } from '../../platform/json';
import type { QuotedLine } from '../ingest/consistency';
import { productRefsOf } from '../ingest/deltaCheck';
import { STATE_REASON_NOTE } from '../ingest/productOrderFromOrder';
import type { OrderRequest } from './placeProductOrder';
import { referencedOfferings } from './productOrderInput';
import { productOrderHref, type ProductOrder, type ProductOrderItem } from './productOrderTypes';

/** The party the order is for: `role: "customer"` (the CTK's party without a role is not checked). */
function customerId(parties: readonly unknown[]): string | undefined {
  const customer = parties.find((party) => isObject(party) && typeof party.role === 'string' && party.role.toLowerCase() === 'customer');
  return isObject(customer) && typeof customer.id === 'string' ? customer.id : undefined;
}

function cents(price: JsonObject): { amount: number; unit: string } | undefined {
  const amount = isObject(price.price) && isObject(price.price.dutyFreeAmount) ? price.price.dutyFreeAmount : undefined;
  if (!amount || typeof amount.value !== 'number' || !Number.isFinite(amount.value)) return undefined;
  return { amount: Math.round(amount.value * 100), unit: typeof amount.unit === 'string' ? amount.unit : 'USD' };
}

/**
 * Top-level items that state their price (itemPrice) for an offering: what the consumer was
 * quoted, in cents. Items without a price have nothing to compare and are not repriced.
 */
export function quotedLinesOf(items: readonly unknown[]): QuotedLine[] {
  const lines: QuotedLine[] = [];
  for (const item of items) {
    if (!isObject(item) || !isObject(item.productOffering) || !Array.isArray(item.itemPrice)) continue;
    const prices = item.itemPrice.filter(isObject);
    const charges = prices.map((price) => ({ type: price.priceType, money: cents(price) }));
    if (!charges.some((charge) => charge.money)) continue;
    const sum = (type: string) => charges.filter((c) => c.type === type).reduce((total, c) => total + (c.money?.amount ?? 0), 0);
    const characteristics =
      isObject(item.product) && Array.isArray(item.product.productCharacteristic)
        ? item.product.productCharacteristic
            .filter(isObject)
            .flatMap((c) => (typeof c.name === 'string' && typeof c.value === 'string' ? [{ name: c.name, value: c.value }] : []))
        : [];
    lines.push({
      lineId: String(item.id),
      offeringId: String(item.productOffering.id),
      quantity: typeof item.quantity === 'number' ? item.quantity : 1,
      characteristics,
      oneTime: sum('oneTime'),
      recurring: sum('recurring'),
      currency: charges.find((charge) => charge.money)?.money?.unit ?? 'USD',
    });
  }
  return lines;
}

function withState(items: readonly unknown[], state: string): ProductOrderItem[] {
  return items.filter(isObject).map((item) => ({
    ...(item as ProductOrderItem),
    state,
    ...(Array.isArray(item.productOrderItem) ? { productOrderItem: withState(item.productOrderItem, state) } : {}),
  }));
}

/** `input`: a body parseProductOrderCreate accepted. */
export function productOrderRequest(input: JsonObject): OrderRequest {
  const items = input.productOrderItem as unknown[];
  const lines = quotedLinesOf(items);
  const total = (pick: (line: QuotedLine) => number) => lines.reduce((sum, line) => sum + pick(line), 0);
  return {
    externalId: typeof input.externalId === 'string' ? input.externalId : undefined,
    customerId: customerId(input.relatedParty as unknown[]),
    offeringIds: referencedOfferings(items),
    productRefs: productRefsOf(items),
    lines,
    totals: { oneTime: total((l) => l.oneTime), recurring: total((l) => l.recurring), currency: lines[0]?.currency ?? 'USD' },
    build: (decision, id, orderDate): ProductOrder => {
      const notes = Array.isArray(input.note) ? input.note.filter(isObject).map((note) => note as { text: string }) : [];
      return {
        '@type': 'ProductOrder',
        ...input,
        id,
        href: productOrderHref(id),
        orderDate,
        state: decision.state,
        productOrderItem: withState(items, decision.state),
        note: [...notes, { id: STATE_REASON_NOTE, author: 'Outpost central system', date: orderDate, text: decision.reason }],
      };
    },
  };
}
