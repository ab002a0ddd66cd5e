import type { Queryable } from '../../platform/db/db';
import { withCentralNote } from './productOrderFromOrder';
import { applyOrderTransition, createProductOrder } from '../productOrder/orderLifecycle';
import type { StoredProductOrder } from '../productOrder/productOrderStore';
import type { ProductOrder } from '../productOrder/productOrderTypes';
import { holdReason, type ReviewFinding } from './consistency';

const NOTE_OF: Record<ReviewFinding['kind'], string> = { price: 'priceCheck', credit: 'creditCheck' };

/**
 * Creates the order (ProductOrderCreateEvent) and, when the consistency check found something
 * to review, holds it the way TMF622 allows: acknowledged -> inProgress ("start order
 * treatment": the review is the first step of treatment) -> held (blocked by an issue). The
 * findings are also notes on the order, so they stay readable after the hold is released.
 * The caller writes the rep's order document from the returned state (same transaction).
 */
export async function createWithReview(
  tx: Queryable,
  order: ProductOrder,
  owner: string,
  findings: readonly ReviewFinding[],
): Promise<{ created: boolean; stored: StoredProductOrder }> {
  let noted = order;
  for (const kind of ['price', 'credit'] as const) {
    const texts = findings.filter((finding) => finding.kind === kind).map((finding) => finding.text);
    if (texts.length > 0) noted = withCentralNote(noted, NOTE_OF[kind], texts.join('; '), order.orderDate);
  }
  const { created, stored } = await createProductOrder(tx, noted, owner);
  if (!created || findings.length === 0 || stored.order.state !== 'acknowledged') return { created, stored };
  const id = stored.order.id;
  await applyOrderTransition(tx, id, { type: 'central.start' }, 'In progress: the order is reviewed before treatment', { syncDoc: false });
  const held = await applyOrderTransition(tx, id, { type: 'central.hold' }, holdReason(findings), { syncDoc: false });
  return { created, stored: { order: held.order, owner: held.owner } };
}
