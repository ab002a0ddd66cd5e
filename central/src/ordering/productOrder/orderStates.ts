/**
 * TMF622 ProductOrder state rules the central system applies on top of the shared order machine
 * (tmf/STATES.md section 1): which central.* events a stored order accepts, and the item states
 * that stay consistent with the order's.
 */
import type { OrderDoc } from '../../../../shared/schemas';
import { canSendOrder, sendOrder, type CancellationOrigin, type OrderEvent } from '../../../../shared/machines/order.machine';
import { CENTRAL_SYSTEM } from '../../../../shared/machines/send';
import { isObject } from '../../platform/json';
import type { ProductOrderItem, ProductOrderState } from './productOrderTypes';

export type CentralOrderEvent = Extract<OrderEvent, { type: `central.${string}` }>;
export type CentralEventType = CentralOrderEvent['type'];

export const CENTRAL_EVENT_TYPES: readonly CentralEventType[] = [
  'central.acknowledged',
  'central.rejected',
  'central.start',
  'central.pend',
  'central.resume',
  'central.hold',
  'central.release',
  'central.complete',
  'central.fail',
  'central.partial',
  'central.requestCancellation',
  'central.denyCancellation',
  'central.acceptCancellation',
  'central.cancelled',
];

export const FINAL_ORDER_STATES: ReadonlySet<ProductOrderState> = new Set(['completed', 'failed', 'partial', 'cancelled', 'rejected']);
const CANCELLATION_ORIGINS: readonly string[] = ['inProgress', 'pending', 'held'] satisfies CancellationOrigin[];

/** Outcome of one item when an order ends `partial` (the order level is the only `partial`). */
export type ItemOutcome = 'completed' | 'failed';

export function isCentralEvent(event: OrderEvent): event is CentralOrderEvent {
  return (CENTRAL_EVENT_TYPES as readonly string[]).includes(event.type);
}

export function isCancellationOrigin(state: string | null | undefined): state is CancellationOrigin {
  return typeof state === 'string' && CANCELLATION_ORIGINS.includes(state);
}

/**
 * The machine only reads `status` and `cancellationOrigin` for central events, so the order
 * document it carries is a stand-in: a ProductOrder placed through TMF622 has no app document.
 */
const STAND_IN: OrderDoc = {
  id: 'product-order',
  owner: '',
  createdAt: '',
  updatedAt: '',
  syncPending: false,
  quoteId: '',
  accountId: '',
  accountName: '',
  status: 'acknowledged',
  items: [],
  totals: { oneTime: 0, recurring: 0, currency: 'USD' },
  catalogVersion: '',
};

function standIn(state: ProductOrderState): OrderDoc {
  return { ...STAND_IN, status: state };
}

export function allowedEvents(state: ProductOrderState, origin: CancellationOrigin | undefined): CentralEventType[] {
  return CENTRAL_EVENT_TYPES.filter((type) => canSendOrder(standIn(state), { type }, CENTRAL_SYSTEM, origin));
}

/** The next state, or undefined when the shared order machine forbids the event in this state. */
export function nextOrderState(
  state: ProductOrderState,
  origin: CancellationOrigin | undefined,
  event: CentralOrderEvent,
): ProductOrderState | undefined {
  const next = sendOrder(standIn(state), event, CENTRAL_SYSTEM, origin);
  return next.ok ? (next.doc.status as ProductOrderState) : undefined;
}

export function forbiddenTransitionReason(
  id: string,
  state: ProductOrderState,
  origin: CancellationOrigin | undefined,
  event: string,
): string {
  const allowed = allowedEvents(state, origin);
  const options = allowed.length > 0 ? `allowed from ${state}: ${allowed.join(', ')}` : `${state} is a final state, nothing is allowed`;
  return `ProductOrder ${id} is ${state}; ${event} is not allowed (${options})`;
}

/** What the state means, for the stateReason when the caller gives none. */
export const DEFAULT_REASONS: Readonly<Record<ProductOrderState, string>> = {
  acknowledged: 'Acknowledged: the order passed the business consistency check',
  rejected: 'Rejected by the central system',
  pending: 'Pending: more information is needed to continue',
  held: 'Held: order treatment is blocked by an issue',
  inProgress: 'In progress: order treatment started',
  cancelled: 'Cancelled',
  completed: 'Completed: every item is delivered',
  failed: 'Failed: the order could not be delivered',
  partial: 'Partially completed: some items were delivered, some failed',
  assessingCancellation: 'Assessing the cancellation request',
  pendingCancellation: 'Cancellation accepted; cancelling the order',
};

/** Where the same state is reached for different reasons, the event says which. */
const EVENT_REASONS: Partial<Readonly<Record<CentralEventType, string>>> = {
  'central.resume': 'In progress: the missing information arrived',
  'central.release': 'In progress: the issue that held the order is solved',
  'central.denyCancellation': 'Cancellation denied; order treatment continues',
};

/** The stateReason when the caller gives none. */
export function defaultReason(event: CentralEventType, next: ProductOrderState): string {
  return EVENT_REASONS[event] ?? DEFAULT_REASONS[next];
}

function withItemState(item: ProductOrderItem, state: string): ProductOrderItem {
  const children = Array.isArray(item.productOrderItem)
    ? { productOrderItem: item.productOrderItem.filter(isObject).map((child) => withItemState(child as ProductOrderItem, state)) }
    : {};
  return { ...item, state, ...children };
}

/**
 * Item states consistent with the order's: every item (and its bundled children) follows the
 * order, except `partial`, which exists at order level only: there each top-level item takes
 * the outcome it is given, children following their parent.
 */
export function itemsInState(
  items: readonly ProductOrderItem[],
  state: ProductOrderState,
  outcomes: Readonly<Record<string, ItemOutcome>> = {},
): ProductOrderItem[] {
  if (state !== 'partial') return items.map((item) => withItemState(item, state));
  return items.map((item) => withItemState(item, outcomes[item.id] ?? 'failed'));
}

/**
 * `partial` means "some items completed, some failed": the outcomes must name at least one
 * completed and one failed top-level item, and only items the order has. Returns the problem.
 */
export function partialOutcomeProblem(
  items: readonly ProductOrderItem[],
  outcomes: Readonly<Record<string, ItemOutcome>> | undefined,
): string | undefined {
  const hint = 'pass itemOutcomes, e.g. { "01": "completed", "02": "failed" }';
  if (!outcomes) return `central.partial needs the outcome of each item; ${hint}`;
  const ids = new Set(items.map((item) => item.id));
  const unknown = Object.keys(outcomes).filter((id) => !ids.has(id));
  if (unknown.length > 0) return `itemOutcomes names items the order does not have: ${unknown.join(', ')}`;
  const results = items.map((item) => outcomes[item.id] ?? 'failed');
  if (!results.includes('completed') || !results.includes('failed')) {
    return `central.partial needs at least one completed and one failed item (use central.complete or central.fail otherwise); ${hint}`;
  }
  return undefined;
}
