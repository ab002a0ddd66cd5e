import type { OrderDoc } from '../../../../shared/schemas';
import type { AuthUser } from '../../platform/auth/users';
import {
  money,
  productOrderHref,
  type OrderPrice,
  type ProductOrder,
  type ProductOrderItem,
  type ProductOrderState,
} from '../productOrder/productOrderTypes';

import { itemTotalPrices, orderTotalPrices } from './chargePrices';
import type { CentralCharges } from './orderCharges';

const CATALOG_BASE = '/tmf-api/productCatalogManagement/v4';
const NO_CHARGES = { installation: 0, shipping: 0 };
/** Note ids, so the state reason can be read back from a stored order. */
export const STATE_REASON_NOTE = 'stateReason';
const SERVICE_ADDRESS_NOTE = 'serviceAddress';
const PAYMENT_TERMS_NOTE = 'paymentTerms';
export const SUPPLEMENT_NOTE = 'supplementOf';
const AUTHOR = 'Outpost central system';

/** A supplemental order's original: each of its lines (app line id) is this item of that ProductOrder. */
export interface SupplementOf {
  productOrderId: string;
  itemOf: ReadonlyMap<string, string>;
}

export interface IngestDecision {
  state: Extract<ProductOrderState, 'acknowledged' | 'rejected'>;
  reason: string;
}

/** TMF622 line number of the index-th order line: "01", "02"... */
export function lineNumber(index: number): string {
  return String(index + 1).padStart(2, '0');
}

function prices(oneTime: number, recurring: number, currency: string): OrderPrice[] {
  return [
    { name: 'One-time charge', priceType: 'oneTime', price: money(oneTime, currency) },
    { name: 'Monthly charge', priceType: 'recurring', recurringChargePeriod: 'month', price: money(recurring, currency) },
  ];
}

function serviceAddressText(order: OrderDoc): string | undefined {
  const address = order.serviceAddress;
  if (!address) return undefined;
  const parts = [address.street, [address.postcode, address.city].filter(Boolean).join(' '), address.country].filter(Boolean);
  return parts.length > 0 ? `Service address: ${parts.join(', ')}` : undefined;
}

export function stateReasonOf(order: ProductOrder): string | undefined {
  return order.note?.find((note) => note.id === STATE_REASON_NOTE)?.text;
}

/** The order with the central system's note `id` set to `text` (replaced, or appended once). */
export function withCentralNote(order: ProductOrder, id: string, text: string, date: string): ProductOrder {
  const note = { id, author: AUTHOR, date, text };
  const notes = order.note ?? [];
  const replaced = notes.some((existing) => existing.id === id);
  return { ...order, note: replaced ? notes.map((existing) => (existing.id === id ? note : existing)) : [...notes, note] };
}

/** The TMF622 ProductOrder for an order captured in the app; `externalId` is the app's order id. */
export function productOrderFromOrder(
  order: OrderDoc,
  submitter: AuthUser,
  decision: IngestDecision,
  id: string,
  orderDate: string,
  supplement?: SupplementOf,
  /** The central system's charges and tax (never the laptop's); without them the prices are the lines' subtotal. */
  charged?: CentralCharges,
  /** The card authorisation the central system verified and claimed for this order (TMF622 `payment`, a PaymentRef). */
  verifiedPayment?: { id: string; name: string },
): ProductOrder {
  const currency = order.totals.currency;
  const delta = order.delta;
  // A move records where the product now is, so the installed product shows its new address.
  const moved = delta?.change === 'move' ? serviceAddressText(order)?.replace(/^Service address: /, '') : undefined;
  const items: ProductOrderItem[] = order.items.map((line, index) => {
    // A supplemental order modifies the original's item for the same line (TMF622 RelatedProductOrderItem).
    const original = supplement?.itemOf.get(line.id);
    const related =
      supplement && original
        ? {
            productOrderItem: [
              {
                orderItemId: original,
                orderItemAction: 'modify',
                productOrderId: supplement.productOrderId,
                productOrderHref: productOrderHref(supplement.productOrderId),
                role: 'supplements',
                '@referredType': 'ProductOrderItem',
              },
            ],
          }
        : {};
    return {
      id: lineNumber(index),
      // A delta order changes the installed product it names (inventory/productChanges.ts).
      action: original ? 'modify' : (delta?.action ?? 'add'),
      quantity: line.quantity,
      state: decision.state,
      productOffering: { id: line.offeringId, name: line.offeringName, href: `${CATALOG_BASE}/productOffering/${line.offeringId}` },
      itemPrice: prices(line.oneTime, line.recurring, currency),
      ...(charged ? { itemTotalPrice: itemTotalPrices(line, charged.lines[index] ?? NO_CHARGES, currency) } : {}),
      product: {
        ...(delta ? { id: delta.productId } : {}),
        name: line.offeringName,
        productCharacteristic: [
          ...line.characteristics.map((c) => ({ name: c.name, valueType: 'string', value: c.value })),
          ...(moved ? [{ name: 'Service address', valueType: 'string', value: moved }] : []),
        ],
        ...related,
      },
      // A direct order has no quote to refer to.
      ...(order.quoteId === undefined ? {} : { quoteItem: { id: line.id, quoteId: order.quoteId } }),
    };
  });
  const address = serviceAddressText(order);
  const notes: NonNullable<ProductOrder['note']> = [];
  if (address) notes.push({ id: SERVICE_ADDRESS_NOTE, author: submitter.displayName, date: orderDate, text: address });
  if (order.paymentTerms) {
    notes.push({ id: PAYMENT_TERMS_NOTE, author: submitter.displayName, date: orderDate, text: `Payment terms: ${order.paymentTerms}` });
  }
  if (supplement) {
    notes.push({
      id: SUPPLEMENT_NOTE,
      author: AUTHOR,
      date: orderDate,
      text: `Supplemental order revising ProductOrder ${supplement.productOrderId}, which it replaces`,
    });
  }
  notes.push({ id: STATE_REASON_NOTE, author: AUTHOR, date: orderDate, text: decision.reason });
  return {
    id,
    href: productOrderHref(id),
    externalId: order.id,
    description: `${supplement ? 'Supplemental order' : 'Order'} for ${order.accountName} captured in Outpost`,
    category: 'enterprise',
    orderDate,
    state: decision.state,
    ...(order.billingAccount ? { billingAccount: { id: order.billingAccount, '@referredType': 'BillingAccount' } } : {}),
    channel: [{ id: 'outpost-desktop', name: 'Outpost field sales' }],
    ...(order.quoteId === undefined ? {} : { quote: [{ id: order.quoteId }] }),
    relatedParty: [
      { id: order.accountId, name: order.accountName, role: 'customer', '@referredType': 'Organization' },
      { id: submitter.id, name: submitter.displayName, role: 'salesAgent', '@referredType': 'Individual' },
    ],
    note: notes,
    // TMF622: a payment made at submission is kept on the order as a reference.
    ...(verifiedPayment ? { payment: [{ ...verifiedPayment, '@referredType': 'CardAuthorisation' }] } : {}),
    orderTotalPrice: charged
      ? orderTotalPrices(order.totals, charged.charges)
      : prices(order.totals.oneTime, order.totals.recurring, currency),
    productOrderItem: items,
    '@type': 'ProductOrder',
  };
}
