/**
 * Order lifecycle: local states on the laptop (draft -> validated -> queued), then the TMF622
 * ProductOrder states driven by the central system (tmf/STATES.md section 1). `central.*`
 * events are what the central system reports; the rep never sends them.
 */
import { assign, setup } from 'xstate';
import type { OrderDoc } from '../schemas';
import type { OrderStatus } from '../schemas/order.schema';
import { validateOrder } from '../orders/order.validation';
import type { Editing } from './editing';
import {
  answeredOrder,
  cancellationRequested,
  centralOrder,
  editedOrder,
  isPartialAccepted,
  isUsableAnswer,
  partialAccepted,
  submittedOrder,
  type CancellationOrigin,
  type OrderEvent,
  type OrderEventType,
  type OrderMachineContext,
} from './order.context';
import { allowedEvents, send, type Actor, type Lifecycle, type Party, type Sent } from './send';

export { answerProblem, MAX_ANSWER_LENGTH } from './order.context';
export type { CancellationOrigin, OrderEvent, OrderEventType, OrderMachineContext };

export const orderMachine = setup({
  types: {
    context: {} as OrderMachineContext,
    events: {} as OrderEvent,
    input: {} as OrderMachineContext,
  },
  actions: {
    applyChanges: assign(({ context, event }) => ({ order: editedOrder(context.order, event) })),
    recordSubmission: assign(({ context, event }) => ({ order: submittedOrder(context.order, event) })),
    recordCentral: assign(({ context, event }) => ({ order: centralOrder(context.order, event) })),
    recordCancellationRequest: assign(({ context, event }) => ({ order: cancellationRequested(context.order, event) })),
    recordAnswer: assign(({ context, event }) => ({ order: answeredOrder(context.order, event) })),
    recordPartialAcceptance: assign(({ context, event }) => ({ order: partialAccepted(context.order, event) })),
    rememberOrigin: assign((_, origin: CancellationOrigin) => ({ cancellationOrigin: origin })),
    forgetOrigin: assign({ cancellationOrigin: undefined }),
  },
  guards: {
    orderValid: ({ context }) => validateOrder(context.order).length === 0,
    refusedByCentral: ({ context }) => context.order.syncError !== undefined,
    cameFrom: ({ context }, origin: CancellationOrigin) => context.cancellationOrigin === origin,
    // The central system routed the order to the rep's manager (order policy, approval field).
    awaitingApproval: ({ context }) => context.order.approval?.state === 'required',
    // An information request is answered with words the order desk can act on.
    answerGiven: ({ event }) => event.type === 'order.answer' && isUsableAnswer(event.answer),
    // A partial delivery is accepted once; a second acceptance (a replayed push) is no event.
    partialNotYetAccepted: ({ context }) => !isPartialAccepted(context.order),
  },
}).createMachine({
  id: 'order',
  context: ({ input }) => input,
  initial: 'draft',
  states: {
    draft: {
      on: {
        'order.edit': { actions: 'applyChanges' },
        'order.validate': { guard: 'orderValid', target: 'validated' },
      },
    },
    validated: {
      on: {
        'order.edit': { target: 'draft', actions: 'applyChanges' },
        'order.submit': { target: 'queued', actions: 'recordSubmission' },
      },
    },
    queued: {
      on: {
        // The central system refused it (syncError): the rep fixes it, back through draft and validation.
        'order.edit': { guard: 'refusedByCentral', target: 'draft', actions: 'applyChanges' },
        'central.acknowledged': { target: 'acknowledged', actions: 'recordCentral' },
        'central.rejected': { target: 'rejected', actions: 'recordCentral' },
      },
    },
    acknowledged: {
      on: {
        'central.start': { target: 'inProgress', actions: 'recordCentral' },
        'central.pend': { target: 'pending', actions: 'recordCentral' },
        // The rep asks; the central system runs TMF622 cancelProductOrder and answers with the outcome.
        'order.cancel': { target: 'assessingCancellation', actions: 'recordCancellationRequest' },
      },
    },
    inProgress: {
      on: {
        'central.pend': { target: 'pending', actions: 'recordCentral' },
        'central.hold': { target: 'held', actions: 'recordCentral' },
        'central.complete': { target: 'completed', actions: 'recordCentral' },
        'central.fail': { target: 'failed', actions: 'recordCentral' },
        'central.partial': { target: 'partial', actions: 'recordCentral' },
        'central.requestCancellation': {
          target: 'assessingCancellation',
          actions: ['recordCentral', { type: 'rememberOrigin', params: 'inProgress' }],
        },
        'order.cancel': {
          target: 'assessingCancellation',
          actions: ['recordCancellationRequest', { type: 'rememberOrigin', params: 'inProgress' }],
        },
      },
    },
    pending: {
      on: {
        // The rep answers the information request; the central system adds it as a TMF622 note and resumes.
        'order.answer': { guard: 'answerGiven', target: 'inProgress', actions: 'recordAnswer' },
        'central.resume': { target: 'inProgress', actions: 'recordCentral' },
        'central.cancelled': { target: 'cancelled', actions: 'recordCentral' },
        'central.requestCancellation': {
          target: 'assessingCancellation',
          actions: ['recordCentral', { type: 'rememberOrigin', params: 'pending' }],
        },
        'order.cancel': {
          target: 'assessingCancellation',
          actions: ['recordCancellationRequest', { type: 'rememberOrigin', params: 'pending' }],
        },
      },
    },
    held: {
      on: {
        'central.release': { target: 'inProgress', actions: 'recordCentral' },
        'central.cancelled': { target: 'cancelled', actions: 'recordCentral' },
        'central.requestCancellation': {
          target: 'assessingCancellation',
          actions: ['recordCentral', { type: 'rememberOrigin', params: 'held' }],
        },
        'order.cancel': {
          target: 'assessingCancellation',
          actions: ['recordCancellationRequest', { type: 'rememberOrigin', params: 'held' }],
        },
        // The manager's decision on an order the policy routed to them; central releases or cancels it.
        'order.approve': { guard: 'awaitingApproval', target: 'inProgress' },
        'order.decline': { guard: 'awaitingApproval', target: 'cancelled' },
      },
    },
    assessingCancellation: {
      on: {
        'central.denyCancellation': [
          { guard: { type: 'cameFrom', params: 'pending' }, target: 'pending', actions: ['recordCentral', 'forgetOrigin'] },
          { guard: { type: 'cameFrom', params: 'held' }, target: 'held', actions: ['recordCentral', 'forgetOrigin'] },
          // inProgress is the origin, and the safe answer when the origin was not kept.
          { target: 'inProgress', actions: ['recordCentral', 'forgetOrigin'] },
        ],
        'central.acceptCancellation': { target: 'pendingCancellation', actions: ['recordCentral', 'forgetOrigin'] },
      },
    },
    pendingCancellation: {
      on: {
        'central.cancelled': { target: 'cancelled', actions: 'recordCentral' },
      },
    },
    completed: { type: 'final' },
    failed: { type: 'final' },
    // TMF622 final (tmf/STATES.md: partial is final, its items stay completed or failed), so the
    // rep's acceptance changes no state: the order stays partial, the acceptance is noted on it.
    partial: {
      on: {
        'order.acceptPartial': { guard: 'partialNotYetAccepted', actions: 'recordPartialAcceptance' },
      },
    },
    cancelled: { type: 'final' },
    rejected: { type: 'final' },
  },
});

const CENTRAL_ONLY: readonly Party[] = ['system'];

/**
 * Who may send each event: the rep builds and queues their own order; every TMF622 state after
 * that is caused by the central system or fulfilment, never by a user of the app.
 */
export const ORDER_EVENT_RULES: Readonly<Record<OrderEventType, readonly Party[]>> = {
  'order.edit': ['owner'],
  'order.validate': ['owner'],
  'order.submit': ['owner'],
  'order.approve': ['ownersManager'],
  'order.decline': ['ownersManager'],
  'order.cancel': ['owner'],
  'order.answer': ['owner'],
  'order.acceptPartial': ['owner'],
  'central.acknowledged': CENTRAL_ONLY,
  'central.rejected': CENTRAL_ONLY,
  'central.start': CENTRAL_ONLY,
  'central.pend': CENTRAL_ONLY,
  'central.resume': CENTRAL_ONLY,
  'central.hold': CENTRAL_ONLY,
  'central.release': CENTRAL_ONLY,
  'central.complete': CENTRAL_ONLY,
  'central.fail': CENTRAL_ONLY,
  'central.partial': CENTRAL_ONLY,
  'central.requestCancellation': CENTRAL_ONLY,
  'central.denyCancellation': CENTRAL_ONLY,
  'central.acceptCancellation': CENTRAL_ONLY,
  'central.cancelled': CENTRAL_ONLY,
};

export const ORDER_EVENT_TYPES = Object.keys(ORDER_EVENT_RULES) as OrderEventType[];

export const orderLifecycle: Lifecycle<typeof orderMachine, OrderDoc, CancellationOrigin> = {
  machine: orderMachine,
  rules: ORDER_EVENT_RULES,
  probes: ORDER_EVENT_TYPES.map((type) => ({ type }) as OrderEvent),
  contextOf: (order, origin) => (origin === undefined ? { order } : { order, cancellationOrigin: origin }),
  docOf: (context) => context.order,
};

/**
 * The order after the event (status and changes applied), or why this actor may not send it
 * now. `origin` is where an order in assessingCancellation came from (kept by the central system).
 */
export function sendOrder(order: OrderDoc, event: OrderEvent, actor: Actor, origin?: CancellationOrigin): Sent<OrderDoc, OrderEventType> {
  const result = send(orderLifecycle, order, event, actor, origin);
  return result.ok ? { ok: true, doc: { ...result.doc, status: result.doc.status as OrderStatus } } : result;
}

export function canSendOrder(order: OrderDoc, event: OrderEvent, actor: Actor, origin?: CancellationOrigin): boolean {
  return sendOrder(order, event, actor, origin).ok;
}

export function allowedOrderEvents(order: OrderDoc, actor: Actor, origin?: CancellationOrigin): OrderEventType[] {
  return allowedEvents(orderLifecycle, order, actor, origin);
}

/**
 * The rep fills in an order until it is queued; a queued order the central system refused
 * (syncError) goes back to editing, which is the machine's `order.edit` guard: so `queued` is
 * listed, and the machine decides.
 */
export const ORDER_EDITING: Editing<OrderStatus> = {
  noun: 'Order',
  editableIn: ['draft', 'validated', 'queued'],
  instead: {
    queued: 'it is submitted and waits for the central system; it can be changed only if the central system refuses it',
    acknowledged: 'the central system has taken it on; revise it with a supplemental order, or cancel it',
    inProgress: 'it is being fulfilled; cancel it, then capture a new order',
    pending: 'the central system needs information; answer its request, or cancel it and capture a new order',
    held: 'the central system holds it; revise it with a supplemental order, or cancel it',
    assessingCancellation: 'its cancellation is being assessed',
    pendingCancellation: 'it is being cancelled',
    completed: 'it is completed; capture a new order for a change',
    failed: 'it failed; capture a new order',
    partial: 'it was partly fulfilled; accept the partial delivery, or start a supplemental order for the lines that failed',
    cancelled: 'it is cancelled; capture a new order',
    rejected: 'the central system rejected it; capture a new order',
  },
  writtenByEvents: ['submittedAt', 'cancellationReason', 'informationAnswer'],
  // Written only by the central system's order status writer (ordering/productOrder/orderStatus.ts).
  centralFields: ['tmfOrderId', 'stateReason', 'approval', 'partialAcceptanceNoted'],
  // The acceptance changes no status, so no replay sees it: shared/orders/partialAcceptance.ts judges it.
  judgedApart: ['partialAcceptance'],
};

/** Whether this actor may change the order now: an editable status and the machine accepts `order.edit` from them. */
export function canEditOrderDoc(order: OrderDoc, actor: Actor): boolean {
  return (ORDER_EDITING.editableIn as readonly string[]).includes(order.status) && canSendOrder(order, { type: 'order.edit' }, actor);
}
