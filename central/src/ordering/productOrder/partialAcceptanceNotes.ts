/**
 * How a ProductOrder carries the rep's acceptance of a partial delivery (order.acceptPartial,
 * shared/orders/partialAcceptance.ts) in TMF622 terms: one note, `partialAccepted`, by the rep.
 * `partial` is final, so no PATCH and no state change: the note is added here, once, with an
 * attribute-value-change event, and the rep's document shows it as `partialAcceptanceNoted`
 * (written by the one status writer, orderStatus.ts).
 */
import type { Queryable } from '../../platform/db/db';
import type { AuthUser } from '../../platform/auth/users';
import { HttpError } from '../../platform/http/errors';
import { PARTIAL_ACCEPTED_NOTE, partialAcceptanceNote } from '../../../../shared/orders/partialAcceptance';
import type { OrderDoc } from '../../../../shared/schemas';
import { stateReasonOf } from '../ingest/productOrderFromOrder';
import { recordProductOrderEvent } from './productOrderEvents';
import { updateProductOrder } from './productOrderStore';
import type { ProductOrder } from './productOrderTypes';
import { lockVisible } from './productOrderUpdate';

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

/** Adds the acceptance note to the partial ProductOrder `id`; the same acceptance again changes nothing. */
export async function acceptPartialDelivery(tx: Queryable, user: AuthUser, id: string, date: string): Promise<void> {
  const locked = await lockVisible(tx, user, id);
  const problem = partialAcceptanceProblem(locked.order);
  if (problem) throw new HttpError(409, 'conflict', problem);
  if (partialAcceptanceOf(locked.order)) return;
  const text = partialAcceptanceNote(user.displayName, stateReasonOf(locked.order));
  const order: ProductOrder = {
    ...locked.order,
    note: [...(locked.order.note ?? []), { id: PARTIAL_ACCEPTED_NOTE, author: user.displayName, date, text }],
  };
  await updateProductOrder(tx, order, locked.cancellationOrigin);
  await recordProductOrderEvent(tx, 'ProductOrderAttributeValueChangeEvent', order, locked.owner, {
    fieldPath: 'note',
    description: text,
  });
}
