/**
 * The status an app `orders` document shows once it is submitted, and its one writer. The
 * ProductOrder is the truth; `status`, `tmfOrderId` and `stateReason` of the rep's document
 * mirror it, written only here: by the lifecycle on every state change (creation included) and
 * by the ingest while an order waits for its account. A push never sets them (orderRules.ts).
 */
import type { Queryable } from '../../platform/db/db';
import { jsonEqual, type JsonObject } from '../../platform/json';
import { loadDoc, writeDoc, type StoredDoc } from '../../platform/sync/docs';
import { stateReasonOf } from '../ingest/productOrderFromOrder';
import { approvalOf, type Approval } from './approvalNotes';
import { partialAcceptanceOf, type PartialAcceptanceNoted } from './partialAcceptanceNotes';
import type { ProductOrder } from './productOrderTypes';

/** Order fields only the central system writes once the order is submitted. */
export const CENTRAL_ORDER_FIELDS = ['status', 'tmfOrderId', 'stateReason', 'approval', 'partialAcceptanceNoted'] as const;

export type OrderStatus =
  /** No ProductOrder yet: the order's account has not reached the central system. */
  | { kind: 'waiting'; reason: string }
  | {
      kind: 'ingested';
      state: string;
      tmfOrderId: string;
      reason: string | undefined;
      approval?: Approval | undefined;
      partialAcceptance?: PartialAcceptanceNoted | undefined;
    };

export function statusOf(order: ProductOrder): OrderStatus {
  return {
    kind: 'ingested',
    state: order.state,
    tmfOrderId: order.id,
    reason: stateReasonOf(order),
    approval: approvalOf(order),
    partialAcceptance: partialAcceptanceOf(order),
  };
}

/** The document's data showing `status`. */
export function withStatus(data: JsonObject, status: OrderStatus): JsonObject {
  const next: JsonObject = { ...data };
  if (status.kind === 'waiting') {
    next.status = 'queued';
    next.stateReason = status.reason;
    delete next.tmfOrderId;
  } else {
    next.status = status.state;
    next.tmfOrderId = status.tmfOrderId;
    if (status.reason) next.stateReason = status.reason;
    else delete next.stateReason;
    if (status.approval) next.approval = { ...status.approval };
    else delete next.approval;
    if (status.partialAcceptance) next.partialAcceptanceNoted = { ...status.partialAcceptance };
    else delete next.partialAcceptanceNoted;
  }
  return next;
}

/**
 * Shows `status` on the owner's order document `orderId`, in the caller's transaction (which
 * holds the write lock). Returns what it wrote, to publish after commit: nothing when there is
 * no such document of this owner (a TMF622 client's externalId names no one's document, or
 * someone else's) or when it shows that status already.
 */
export async function writeOrderStatus(tx: Queryable, orderId: string, owner: string, status: OrderStatus): Promise<StoredDoc[]> {
  const doc = await loadDoc(tx, 'orders', orderId);
  if (!doc || doc.deleted || doc.owner !== owner) return [];
  const data = withStatus(doc.data, status);
  if (jsonEqual(data, doc.data)) return [];
  return [await writeDoc(tx, { collection: 'orders', id: doc.id, owner, deleted: false, data })];
}

/** The ProductOrder's status on its owner's document, when it has one (externalId). */
export async function mirrorOrderStatus(tx: Queryable, order: ProductOrder, owner: string): Promise<StoredDoc[]> {
  return order.externalId ? writeOrderStatus(tx, order.externalId, owner, statusOf(order)) : [];
}
