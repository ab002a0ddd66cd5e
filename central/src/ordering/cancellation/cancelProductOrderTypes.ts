import { PRODUCT_ORDER_BASE, productOrderHref } from '../productOrder/productOrderTypes';

/** TMF622 TaskStateType: acknowledged -> inProgress -> done | terminatedWithError. */
export const TASK_STATES = ['acknowledged', 'inProgress', 'done', 'terminatedWithError'] as const;
export type TaskState = (typeof TASK_STATES)[number];

/** TMF622 v4 CancelProductOrder, plus `stateReason` (extension): why the task ended as it did. */
export interface CancelProductOrder {
  id: string;
  href: string;
  productOrder: { id: string; href: string; '@referredType': 'ProductOrder' };
  cancellationReason?: string;
  requestedCancellationDate?: string;
  effectiveCancellationDate?: string;
  state: TaskState;
  stateReason?: string;
  '@type': 'CancelProductOrder';
  [attribute: string]: unknown;
}

export function cancelProductOrderHref(id: string): string {
  return `${PRODUCT_ORDER_BASE}/cancelProductOrder/${id}`;
}

export function productOrderRef(id: string): CancelProductOrder['productOrder'] {
  return { id, href: productOrderHref(id), '@referredType': 'ProductOrder' };
}
