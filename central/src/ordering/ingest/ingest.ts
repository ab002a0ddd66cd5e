import type { OrderDoc } from '../../../../shared/schemas';
import { takeWriteLock, type Queryable } from '../../platform/db/db';
import type { AuthUser } from '../../platform/auth/users';
import { loadDoc, type StoredDoc } from '../../platform/sync/docs';
import { statusOf, type OrderStatus } from '../productOrder/orderStatus';
import { placeProductOrder, type OrderRequest } from '../productOrder/placeProductOrder';
import { findByExternalId } from '../productOrder/productOrderStore';
import { requestCancellation } from '../cancellation/cancellation';
import type { QuotedLine } from './consistency';
import type { ProductRef } from './deltaCheck';
import { describeCard } from '../../../../shared/orders/cardAuthorisation';
import { billedTotals } from '../../../../shared/orders/creditCheck';
import { paymentOf } from '../../../../shared/orders/payment';
import { centralCharges, chargesFinding, type CentralCharges } from './orderCharges';
import type { ReviewFinding } from './consistency';
import { paymentFinding } from './paymentCheck';
import { lineNumber, productOrderFromOrder, type SupplementOf } from './productOrderFromOrder';

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

/** The order's card payment once paymentFinding found nothing to hold it for: verified and claimed. */
function verifiedCard(order: OrderDoc): { id: string; name: string } | undefined {
  const payment = paymentOf(order.payment);
  return payment?.method === 'card' ? { id: payment.authorisationId, name: describeCard(payment.brand, payment.last4) } : undefined;
}

/** A queued app order as an order for the one creation pipeline; its id is the externalId. */
function orderRequestOf(
  order: OrderDoc,
  submitter: AuthUser,
  supplement: Supplement | undefined,
  charged: CentralCharges | undefined,
  payment: ReviewFinding | undefined,
): OrderRequest {
  const charges = charged ? chargesFinding(order.charges, charged.charges) : undefined;
  const findings = [charges, payment].filter((finding) => finding !== undefined);
  return {
    externalId: order.id,
    customerId: order.accountId,
    offeringIds: order.items.map((line) => line.offeringId),
    lines: quotedLines(order),
    // The credit exposure: what the account is billed, by the central system's own charges.
    totals: billedTotals({ totals: order.totals, ...(charged ? { charges: charged.charges } : {}) }),
    ...(charged ? { chargesOf: charged.chargesOf } : {}),
    configuredLines: order.items,
    productRefs: deltaRefs(order),
    ...(order.supplementOf ? { supplementOf: order.supplementOf } : {}),
    policyOrder: { items: order.items, totals: order.totals, paymentTerms: order.paymentTerms, quoteId: order.quoteId, delta: order.delta },
    ...(supplement && 'problem' in supplement ? { problems: [supplement.problem] } : {}),
    ...(findings.length > 0 ? { findings } : {}),
    build: (decision, id, orderDate) =>
      productOrderFromOrder(
        order,
        submitter,
        decision,
        id,
        orderDate,
        supplement && 'of' in supplement ? supplement.of : undefined,
        charged,
        payment ? undefined : verifiedCard(order),
      ),
  };
}

/** Before fulfilment starts (seed 003: supplemental orders revise submitted orders). */
const REVISABLE_STATES: readonly string[] = ['acknowledged', 'held'];

type Supplement = { of: SupplementOf } | { problem: string };

/** The original a supplemental order revises, if the rep may still revise it. */
async function supplementOf(tx: Queryable, submitter: AuthUser, order: OrderDoc): Promise<Supplement | undefined> {
  if (order.supplementOf === undefined) return undefined;
  // The original may be moving on (fulfillment holds the write lock for that): judge and cancel it in order.
  await takeWriteLock(tx);
  const original = await findByExternalId(tx, order.supplementOf);
  const doc = await loadDoc(tx, 'orders', order.supplementOf);
  if (!original || original.owner !== submitter.id || !doc || doc.deleted) {
    return { problem: `The order ${order.supplementOf} this supplemental order revises is not one of your submitted orders` };
  }
  if (!REVISABLE_STATES.includes(original.order.state)) {
    return {
      problem: `Order ${order.supplementOf} (ProductOrder ${original.order.id}) is ${original.order.state}, so it can no longer be revised; fulfilment has started or it is closed`,
    };
  }
  const lines = (doc.data as unknown as OrderDoc).items;
  return { of: { productOrderId: original.order.id, itemOf: new Map(lines.map((line, index) => [line.id, lineNumber(index)])) } };
}

/**
 * The account's push looks for the orders waiting for it under the write lock, so an order about
 * to wait looks again under it: the account either committed before or will find this order.
 */
async function accountIsHere(tx: Queryable, accountId: string): Promise<boolean> {
  if (await loadDoc(tx, 'accounts', accountId)) return true;
  await takeWriteLock(tx);
  return (await loadDoc(tx, 'accounts', accountId)) !== undefined;
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
  if (!(await accountIsHere(tx, order.accountId))) {
    return { status: { kind: 'waiting', reason: waitingForAccountReason(order.accountId) }, changed: [] };
  }
  const supplement = await supplementOf(tx, submitter, order);
  const charged = await centralCharges(tx, order);
  const payment = await paymentFinding(tx, submitter.id, order, charged, now);
  const placed = await placeProductOrder(tx, submitter, orderRequestOf(order, submitter, supplement, charged, payment), now);
  const changed = [...placed.changed];
  // The supplemental order replaces the original: cancelled through TMF622 cancelProductOrder.
  if (placed.created && supplement && 'of' in supplement && placed.stored.order.state !== 'rejected') {
    const reason = `Superseded by supplemental order ${order.id} (ProductOrder ${placed.stored.order.id})`;
    const cancelled = await requestCancellation(tx, submitter, {
      productOrderId: supplement.of.productOrderId,
      cancellationReason: reason,
    });
    changed.push(...cancelled.changed);
  }
  return { status: statusOf(placed.stored.order), changed };
}
