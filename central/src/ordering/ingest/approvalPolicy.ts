import type { OfferingDoc, PolicyDoc } from '../../../../shared/schemas';
import {
  ORDER_APPROVAL_POLICY_ID,
  orderApprovalPolicyOf,
  orderApprovalReasons,
  type OrderForPolicy,
} from '../../../../shared/orders/orderPolicy';
import type { Queryable } from '../../platform/db/db';
import { loadDoc, loadDocs } from '../../platform/sync/docs';

/**
 * The order approval policy as the laptops have it (the synced `policies` document), applied by
 * the central system to the order it received: the same function the app shows the rep.
 */
export async function approvalReasons(tx: Queryable, order: OrderForPolicy): Promise<string[]> {
  const stored = await loadDoc(tx, 'policies', ORDER_APPROVAL_POLICY_ID);
  const policy = stored && !stored.deleted ? orderApprovalPolicyOf([stored.data as unknown as PolicyDoc]) : undefined;
  if (!policy) return [];
  const ids = [...new Set(order.items.map((line) => line.offeringId))];
  const offerings = await loadDocs(tx, 'offerings', ids);
  const catalog = [...offerings.values()].filter((doc) => !doc.deleted).map((doc) => doc.data as unknown as OfferingDoc);
  return orderApprovalReasons(order, policy, catalog);
}
