import { randomUUID } from 'node:crypto';
import type { OfferingDoc, OrderDoc } from '../../../shared/schemas';
import type { Queryable } from '../db/db';
import type { AuthUser } from '../auth/users';
import { loadDoc } from '../sync/docs';
import { visibleOwners } from '../sync/scope';
import { findByExternalId, insertProductOrder, type StoredProductOrder } from '../tmf/productOrderStore';
import { productOrderFromOrder, stateReasonOf, type IngestDecision } from './productOrderFromOrder';

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

/** Offerings that may not be ordered, as reasons; empty when every line is sellable. */
export async function offeringProblems(tx: Queryable, offeringIds: readonly string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const offeringId of new Set(offeringIds)) {
    const offering = await loadDoc(tx, 'offerings', offeringId);
    if (!offering || offering.deleted) {
      problems.push(`Offering ${offeringId} is not in the catalog; remove the line and re-quote`);
      continue;
    }
    const doc = offering.data as unknown as OfferingDoc;
    if (doc.lifecycleStatus !== 'Launched') {
      problems.push(`Offering "${doc.name}" (${offeringId}) is ${doc.lifecycleStatus}; only Launched offerings can be ordered`);
    }
  }
  return problems;
}

/**
 * TMF622 business consistency check and creation of the ProductOrder for a queued order.
 * Exactly one ProductOrder per order id, whatever the retries: an existing one is returned,
 * and the insert itself is guarded by the UNIQUE external_id.
 */
export async function ingestQueuedOrder(tx: Queryable, submitter: AuthUser, order: OrderDoc, now: string): Promise<IngestOutcome> {
  const existing = await findByExternalId(tx, order.id);
  if (existing) return outcomeOf(existing);

  const account = await loadDoc(tx, 'accounts', order.accountId);
  // Collections sync independently: an account created offline may arrive after its order.
  if (!account) return { kind: 'waiting', reason: waitingForAccountReason(order.accountId) };

  const problems: string[] = [];
  const owners = await visibleOwners(tx, submitter);
  if (account.deleted || (owners !== null && (account.owner === null || !owners.has(account.owner)))) {
    problems.push(`Account ${order.accountId} is not one of your accounts; order for an account you own`);
  }
  problems.push(...(await offeringProblems(tx, order.items.map((line) => line.offeringId))));
  const decision: IngestDecision = problems.length > 0
    ? { state: 'rejected', reason: `Rejected: ${problems.join('; ')}` }
    : { state: 'acknowledged', reason: 'Acknowledged: the order passed the business consistency check' };

  const productOrder = productOrderFromOrder(order, submitter, decision, randomUUID(), now);
  const { stored } = await insertProductOrder(tx, productOrder, submitter.id);
  return outcomeOf(stored);
}
