/**
 * The card payment re-checked on ingest: the laptop's reference is believed only when the
 * central system's own authorisation still covers the order (shared/orders/payment.ts). A
 * covering authorisation is claimed by the order in the ingest's transaction, so no second
 * order can use it; anything else holds the order for payment review, saying what to do.
 */
import { grandTotal, paymentProblem } from '../../../../shared/orders/payment';
import type { OrderDoc } from '../../../../shared/schemas';
import type { Queryable } from '../../platform/db/db';
import { claimAuthorisation, findAuthorisation } from '../payment/cardAuthorisationStore';
import type { ReviewFinding } from './consistency';
import type { CentralCharges } from './orderCharges';

export async function paymentFinding(
  tx: Queryable,
  owner: string,
  order: OrderDoc,
  charged: CentralCharges | undefined,
  now: string,
): Promise<ReviewFinding | undefined> {
  const payment = order.payment;
  if (!payment || payment.method !== 'card') return undefined;
  const authorisation = payment.authorisationId ? await findAuthorisation(tx, payment.authorisationId) : undefined;
  const total = grandTotal({ totals: order.totals, ...(charged ? { charges: charged.charges } : {}) });
  const problem =
    paymentProblem(payment, authorisation, { id: order.id, owner }, total, new Date(now)) ??
    // Claimed under its row lock: of two orders racing for one authorisation, the second finds it used.
    (authorisation && !(await claimAuthorisation(tx, authorisation.id, order.id))
      ? paymentProblem(payment, { ...authorisation, usedByOrder: 'another order' }, { id: order.id, owner }, total, new Date(now))
      : undefined);
  return problem ? { kind: 'payment', text: problem } : undefined;
}
