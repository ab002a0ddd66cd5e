/**
 * How a ProductOrder carries the rep's acceptance of a partial delivery (order.acceptPartial,
 * shared/orders/partialAcceptance.ts) in TMF622 terms: one note, `partialAccepted`, by the rep.
 * `partial` is final, so no PATCH and no state change: `acceptPartialDelivery` (productOrderUpdate.ts)
 * adds the note once, with an attribute-value-change event, and the rep's document shows it as
 * `partialAcceptanceNoted` (written by the one status writer, orderStatus.ts). Read here.
 */
import { PARTIAL_ACCEPTED_NOTE } from '../../../../shared/orders/partialAcceptance';
import type { OrderDoc } from '../../../../shared/schemas';
import type { ProductOrder } from './productOrderTypes';

export type PartialAcceptanceNoted = NonNullable<OrderDoc['partialAcceptanceNoted']>;

/** Who accepted the partial delivery and when, as the order's note says; undefined before. */
export function partialAcceptanceOf(order: ProductOrder): PartialAcceptanceNoted | undefined {
  const note = order.note?.find((candidate) => candidate.id === PARTIAL_ACCEPTED_NOTE);
  return note ? { by: note.author ?? 'the rep', at: note.date ?? '' } : undefined;
}

/** Why the ProductOrder cannot take the acceptance, or undefined. */
export function partialAcceptanceProblem(order: ProductOrder): string | undefined {
  if (order.state === 'partial') return undefined;
  return `ProductOrder ${order.id} is ${order.state}, not partial, so there is no partial delivery to accept`;
}
