import { canSendOrder } from '../../../shared/machines/order.machine';
import { CENTRAL_SYSTEM } from '../../../shared/machines/send';
import type { OrderDoc } from '../../../shared/schemas';

/** Queued for the central system and not taken over by it yet: the order machine waits for central's `central.acknowledged`. */
export function awaitingCentral(order: OrderDoc): boolean {
  return canSendOrder(order, { type: 'central.acknowledged' }, CENTRAL_SYSTEM);
}
