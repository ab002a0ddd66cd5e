import type { OrderDoc } from '../../../../shared/schemas';
import type { Queryable } from '../../platform/db/db';
import type { AuthUser } from '../../platform/auth/users';
import { loadDoc, type StoredDoc } from '../../platform/sync/docs';
import { statusOf, type OrderStatus } from '../productOrder/orderStatus';
import { placeProductOrder, type OrderRequest } from '../productOrder/placeProductOrder';
import { findByExternalId } from '../productOrder/productOrderStore';
import type { QuotedLine } from './consistency';
import type { ProductRef } from './deltaCheck';
import { lineNumber, productOrderFromOrder } from './productOrderFromOrder';

export function waitingForAccountReason(accountId: string): string {
  return `Waiting for account ${accountId} to sync; the order is submitted as soon as it arrives`;
}

function quotedLines(order: OrderDoc): QuotedLine[] {
  // A disconnect is not priced: it stops the product's charges.
  if (order.delta?.action === 'delete') return [];
  return order.items.map((line, index) => ({
    lineId: lineNumber(index),
    offeringId: line.offeringId,
    quantity: line.quantity,
    characteristics: line.characteristics,
    oneTime: line.oneTime,
    recurring: line.recurring,
    currency: order.totals.currency,
  }));
}

/** A delta order's lines change the installed product it names (deltaCheck.ts checks it). */
function deltaRefs(order: OrderDoc): ProductRef[] {
  const delta = order.delta;
  if (!delta) return [];
  return order.items.map((_, index) => ({ itemId: lineNumber(index), action: delta.action, productId: delta.productId }));
}

/** A queued app order as an order for the one creation pipeline; its id is the externalId. */
function orderRequestOf(order: OrderDoc, submitter: AuthUser): OrderRequest {
  return {
    externalId: order.id,
    customerId: order.accountId,
    offeringIds: order.items.map((line) => line.offeringId),
    lines: quotedLines(order),
    totals: order.totals,
    productRefs: deltaRefs(order),
    build: (decision, id, orderDate) => productOrderFromOrder(order, submitter, decision, id, orderDate),
  };
}

export interface Ingested {
  /** What the order document must show. */
  status: OrderStatus;
  /** Synced documents the pipeline wrote (the order document, through orderStatus.ts). */
  changed: StoredDoc[];
}

/**
 * The ProductOrder of a queued app order, through the pipeline TMF622 POST uses too
 * (placeProductOrder): `rejected`, `acknowledged`, or held for review. Exactly one ProductOrder
 * per order id, whatever the retries: an existing one is returned, and the insert itself is
 * guarded by the UNIQUE external_id. Waits (no ProductOrder) while the account is not here.
 */
export async function ingestQueuedOrder(tx: Queryable, submitter: AuthUser, order: OrderDoc, now: string): Promise<Ingested> {
  const existing = await findByExternalId(tx, order.id);
  if (existing) return { status: statusOf(existing.order), changed: [] };
  // Collections sync independently: an account created offline may arrive after its order.
  if (!(await loadDoc(tx, 'accounts', order.accountId))) {
    return { status: { kind: 'waiting', reason: waitingForAccountReason(order.accountId) }, changed: [] };
  }
  const placed = await placeProductOrder(tx, submitter, orderRequestOf(order, submitter), now);
  return { status: statusOf(placed.stored.order), changed: placed.changed };
}
