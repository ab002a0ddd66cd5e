import { canSendOrder } from '../../../shared/machines/order.machine';
import type { OrderDoc } from '../../../shared/schemas';

/** Queued for the central system and not taken over by it yet: the order machine waits for `central.acknowledged`. */
export function awaitingCentral(order: OrderDoc): boolean {
  return canSendOrder(order.status, { order }, { type: 'central.acknowledged' });
}
