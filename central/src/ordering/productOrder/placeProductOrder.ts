/**
 * The one pipeline that creates a TMF622 ProductOrder, for an order pushed from the app
 * (ingest/ingest.ts) and for POST /productOrder (productOrderRequest.ts) alike: one order per
 * externalId, the business consistency check, `rejected` or `acknowledged`, then held for
 * review when prices or credit need a person - all in the caller's transaction.
 */
import { randomUUID } from 'node:crypto';
import type { AuthUser } from '../../platform/auth/users';
import type { Queryable } from '../../platform/db/db';
import type { StoredDoc } from '../../platform/sync/docs';
import type { OrderForPolicy } from '../../../../shared/orders/orderPolicy';
import { approvalReasons } from '../ingest/approvalPolicy';
import { checkConsistency, holdReason, type OrderToCheck, type ReviewFinding } from '../ingest/consistency';
import { withApprovalRequired } from './approvalNotes';
import { withCentralNote, type IngestDecision } from '../ingest/productOrderFromOrder';
import { applyOrderTransition, createProductOrder } from './orderLifecycle';
import { findByExternalId, type StoredProductOrder } from './productOrderStore';
import type { ProductOrder } from './productOrderTypes';

/** A new order as its channel sends it, ready for the pipeline. */
export interface OrderRequest extends OrderToCheck {
  /** The consumer's id for the order (the app's order id): one ProductOrder per externalId. */
  externalId: string | undefined;
  /** The ProductOrder in the decided state, with the decision's reason as its stateReason note. */
  build(decision: IngestDecision, id: string, orderDate: string): ProductOrder;
  /** The order as the approval policy reads it; without it (TMF622 POST) the policy is not applied. */
  policyOrder?: OrderForPolicy;
  /** Reasons to reject the order its channel already found (a supplemental order whose original can no longer change). */
  problems?: readonly string[];
  /** What its channel found to review (the app's charges against the central charge table, its card payment), before the check's own findings. */
  findings?: readonly ReviewFinding[];
}

export interface PlacedOrder {
  /** False: an order with this externalId existed; `stored` is that one, unchanged. */
  created: boolean;
  stored: StoredProductOrder;
  /** Synced documents written (the owner's order document), to publish after commit. */
  changed: StoredDoc[];
}

const NOTE_OF: Record<ReviewFinding['kind'], string> = { price: 'priceCheck', credit: 'creditCheck', payment: 'paymentCheck' };

export async function placeProductOrder(tx: Queryable, submitter: AuthUser, request: OrderRequest, now: string): Promise<PlacedOrder> {
  if (request.externalId) {
    // The consumer's retry of an order it already placed: the same order, not a second one.
    const existing = await findByExternalId(tx, request.externalId);
    if (existing) return { created: false, stored: existing, changed: [] };
  }
  const checked = await checkConsistency(tx, submitter, request);
  const problems = [...(request.problems ?? []), ...checked.problems];
  const decision: IngestDecision =
    problems.length > 0
      ? { state: 'rejected', reason: `Rejected: ${problems.join('; ')}` }
      : { state: 'acknowledged', reason: 'Acknowledged: the order passed the business consistency check' };
  // A rejected order is not reviewed; the channel's findings come first, so "price" stays before "credit" in the reason.
  const findings = problems.length === 0 ? [...(request.findings ?? []), ...checked.findings] : [];
  // The order policy routes an accepted order to the rep's manager before fulfilment.
  const approval = problems.length === 0 && request.policyOrder ? await approvalReasons(tx, request.policyOrder) : [];
  return createWithReview(tx, request.build(decision, randomUUID(), now), submitter.id, findings, approval);
}

/** The stateReason of a held order: the approval first (the manager acts on it), then what else is reviewed. */
function heldReason(findings: readonly ReviewFinding[], approval: readonly string[]): string {
  if (approval.length === 0) return holdReason(findings);
  const waiting = `Held for approval by the rep's manager: ${approval.join('; ')}`;
  return findings.length > 0 ? `${waiting}. ${holdReason(findings)}` : waiting;
}

/**
 * Creates the order (ProductOrderCreateEvent) and, when the consistency check found something
 * to review, holds it the way TMF622 allows: acknowledged -> inProgress ("start order
 * treatment": the review is the first step of treatment) -> held (blocked by an issue). The
 * findings are also notes on the order, so they stay readable after the hold is released.
 * The insert itself is guarded by the UNIQUE external_id, so concurrent retries create one order.
 */
async function createWithReview(
  tx: Queryable,
  order: ProductOrder,
  owner: string,
  findings: readonly ReviewFinding[],
  approval: readonly string[],
): Promise<PlacedOrder> {
  let noted = approval.length > 0 && order.state === 'acknowledged' ? withApprovalRequired(order, approval, order.orderDate) : order;
  for (const kind of ['price', 'credit', 'payment'] as const) {
    const texts = findings.filter((finding) => finding.kind === kind).map((finding) => finding.text);
    if (texts.length > 0) noted = withCentralNote(noted, NOTE_OF[kind], texts.join('; '), order.orderDate);
  }
  const placed = await createProductOrder(tx, noted, owner);
  if (!placed.created || (findings.length === 0 && approval.length === 0) || placed.stored.order.state !== 'acknowledged') return placed;
  const id = placed.stored.order.id;
  const started = await applyOrderTransition(tx, id, { type: 'central.start' }, 'In progress: the order is reviewed before treatment');
  const held = await applyOrderTransition(tx, id, { type: 'central.hold' }, heldReason(findings, approval));
  return {
    created: true,
    stored: { order: held.order, owner: held.owner },
    changed: [...placed.changed, ...started.changed, ...held.changed],
  };
}
