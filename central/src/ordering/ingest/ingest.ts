import { randomUUID } from 'node:crypto';
import type { OrderDoc } from '../../../../shared/schemas';
import type { Queryable } from '../../platform/db/db';
import type { AuthUser } from '../../platform/auth/users';
import { loadDoc } from '../../platform/sync/docs';
import type { StoredProductOrder } from '../productOrder/productOrderStore';
import { findByExternalId } from '../productOrder/productOrderStore';
import { createWithReview } from './createWithReview';
import { creditFinding, customerAccount, offeringProblems, priceFindings, type QuotedLine, type ReviewFinding } from './consistency';
import { lineNumber, productOrderFromOrder, stateReasonOf, type IngestDecision } from './productOrderFromOrder';

export type IngestOutcome =
  /** No ProductOrder yet: the order's account has not reached the central system. */
  | { kind: 'waiting'; reason: string }
  | { kind: 'ingested'; state: string; tmfOrderId: string; reason: string | undefined };

function outcomeOf(stored: StoredProductOrder): IngestOutcome {
  return { kind: 'ingested', state: stored.order.state, tmfOrderId: stored.order.id, reason: stateReasonOf(stored.order) };
}

export function waitingForAccountReason(accountId: string): string {
  return `Waiting for account ${accountId} to sync; the order is submitted as soon as it arrives`;
}

function quotedLines(order: OrderDoc): QuotedLine[] {
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

/**
 * TMF622 business consistency check and creation of the ProductOrder for a queued order:
 * `rejected` when it cannot be accepted, `acknowledged` when it can, then `held` (through
 * inProgress, the TMF622 path) when its prices or the account's credit need a review.
 * Exactly one ProductOrder per order id, whatever the retries: an existing one is returned,
 * and the insert itself is guarded by the UNIQUE external_id.
 */
export async function ingestQueuedOrder(tx: Queryable, submitter: AuthUser, order: OrderDoc, now: string): Promise<IngestOutcome> {
  const existing = await findByExternalId(tx, order.id);
  if (existing) return outcomeOf(existing);

  // Collections sync independently: an account created offline may arrive after its order.
  if (!(await loadDoc(tx, 'accounts', order.accountId))) return { kind: 'waiting', reason: waitingForAccountReason(order.accountId) };

  const problems: string[] = [];
  const customer = await customerAccount(tx, submitter, order.accountId);
  if ('problem' in customer) problems.push(customer.problem);
  problems.push(...(await offeringProblems(tx, order.items.map((line) => line.offeringId))));
  const decision: IngestDecision = problems.length > 0
    ? { state: 'rejected', reason: `Rejected: ${problems.join('; ')}` }
    : { state: 'acknowledged', reason: 'Acknowledged: the order passed the business consistency check' };

  const findings: ReviewFinding[] = [];
  if (problems.length === 0 && 'account' in customer) {
    findings.push(...(await priceFindings(tx, quotedLines(order))));
    const credit = creditFinding(customer.account, order.totals.oneTime, order.totals.recurring, order.totals.currency);
    if (credit) findings.push(credit);
  }
  const productOrder = productOrderFromOrder(order, submitter, decision, randomUUID(), now);
  return outcomeOf((await createWithReview(tx, productOrder, submitter.id, findings)).stored);
}
