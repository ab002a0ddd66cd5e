import type { Queryable } from '../../platform/db/db';
import { recordEvent } from '../../platform/events/eventLog';
import type { CancelProductOrder } from '../cancellation/cancelProductOrderTypes';
import type { ProductOrder } from './productOrderTypes';

export const ORDERING_DOMAIN = 'productOrderingManagement';

export type ProductOrderEventType =
  | 'ProductOrderCreateEvent'
  | 'ProductOrderStateChangeEvent'
  | 'ProductOrderAttributeValueChangeEvent'
  | 'ProductOrderDeleteEvent'
  | 'ProductOrderInformationRequiredEvent';

/** One TMF622 ProductOrder notification, in the transaction of the change it tells of. */
export async function recordProductOrderEvent(
  tx: Queryable,
  eventType: ProductOrderEventType,
  order: ProductOrder,
  owner: string,
  details: { description?: string; fieldPath?: string } = {},
): Promise<void> {
  await recordEvent(tx, {
    eventType,
    domain: ORDERING_DOMAIN,
    resourceName: 'productOrder',
    resource: order,
    owner,
    ...(details.description ? { description: details.description } : {}),
    ...(details.fieldPath ? { fieldPath: details.fieldPath } : {}),
  });
}

export async function recordCancelProductOrderEvent(
  tx: Queryable,
  eventType: 'CancelProductOrderCreateEvent' | 'CancelProductOrderStateChangeEvent',
  task: CancelProductOrder,
  owner: string,
  description?: string,
): Promise<void> {
  await recordEvent(tx, {
    eventType,
    domain: ORDERING_DOMAIN,
    resourceName: 'cancelProductOrder',
    resource: task,
    owner,
    ...(description ? { description } : {}),
  });
}
