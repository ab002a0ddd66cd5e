import { describe, expect, it } from 'vitest';
import { ORDER_STATES, type OrderStatus } from '../schemas/order.schema';
import { makeOrder } from '../testing/docs.fixture';
import { MANAGER, OTHER_MANAGER, REP, SYSTEM } from '../testing/actors';
import {
  answerProblem,
  MAX_ANSWER_LENGTH,
  orderLifecycle,
  orderMachine,
  sendOrder,
  type OrderEvent,
  type OrderMachineContext,
} from './order.machine';
import { machineSteps } from '../testing/machineSteps';

const { can, next, step } = machineSteps(orderLifecycle, (context) => context.cancellationOrigin);

const ctx: OrderMachineContext = { order: makeOrder() };
const incomplete: OrderMachineContext = { order: makeOrder({ billingAccount: undefined }) };
const from = (origin: 'inProgress' | 'pending' | 'held'): OrderMachineContext => ({ ...ctx, cancellationOrigin: origin });
const ev = (type: OrderEvent['type']) => ({ type }) as OrderEvent;

describe('order machine: allowed transitions', () => {
  const cases: [OrderStatus, OrderMachineContext, OrderEvent, OrderStatus][] = [
    ['draft', ctx, { type: 'order.edit', changes: { billingAccount: 'ba-2' } }, 'draft'],
    ['draft', ctx, ev('order.validate'), 'validated'],
    ['validated', ctx, ev('order.edit'), 'draft'],
    ['validated', ctx, ev('order.submit'), 'queued'],
    ['queued', ctx, ev('central.acknowledged'), 'acknowledged'],
    ['queued', ctx, ev('central.rejected'), 'rejected'],
    ['acknowledged', ctx, ev('central.start'), 'inProgress'],
    ['acknowledged', ctx, ev('central.pend'), 'pending'],
    ['inProgress', ctx, ev('central.pend'), 'pending'],
    ['pending', ctx, ev('central.resume'), 'inProgress'],
    ['pending', ctx, ev('central.cancelled'), 'cancelled'],
    ['inProgress', ctx, ev('central.hold'), 'held'],
    ['held', ctx, ev('central.release'), 'inProgress'],
    ['held', ctx, ev('central.cancelled'), 'cancelled'],
    ['inProgress', ctx, ev('central.complete'), 'completed'],
    ['inProgress', ctx, ev('central.fail'), 'failed'],
    ['inProgress', ctx, ev('central.partial'), 'partial'],
    ['inProgress', ctx, ev('central.requestCancellation'), 'assessingCancellation'],
    ['pending', ctx, ev('central.requestCancellation'), 'assessingCancellation'],
    ['held', ctx, ev('central.requestCancellation'), 'assessingCancellation'],
    ['assessingCancellation', from('inProgress'), ev('central.denyCancellation'), 'inProgress'],
    ['assessingCancellation', from('pending'), ev('central.denyCancellation'), 'pending'],
    ['assessingCancellation', from('held'), ev('central.denyCancellation'), 'held'],
    ['assessingCancellation', ctx, ev('central.acceptCancellation'), 'pendingCancellation'],
    ['pendingCancellation', ctx, ev('central.cancelled'), 'cancelled'],
  ];
  it.each(cases)('%s --%s--> %s', (status, context, event, expected) => {
    expect(can(status, context, event)).toBe(true);
    expect(next(status, context, event)).toBe(expected);
  });
});

describe('order machine: forbidden transitions', () => {
  it('cannot validate an order with missing details', () => {
    expect(can('draft', incomplete, ev('order.validate'))).toBe(false);
  });

  it('cannot submit a draft order: it must be validated first', () => {
    expect(can('draft', ctx, ev('order.submit'))).toBe(false);
    expect(() => next('draft', ctx, ev('order.submit'))).toThrow("'order.submit' is not allowed when the order is 'draft'");
  });

  it('cannot edit an order once queued for the central system', () => {
    for (const status of ['queued', 'acknowledged', 'inProgress'] as const) expect(can(status, ctx, ev('order.edit'))).toBe(false);
  });

  it('lets the rep fix a queued order the central system refused: it goes back to draft with the change', () => {
    const refused: OrderMachineContext = {
      order: makeOrder({ status: 'queued', syncError: { reason: 'Enter the street of the service address', at: 't' } }),
    };
    expect(can('queued', refused, ev('order.edit'))).toBe(true);
    const fixed = step('queued', refused, { type: 'order.edit', changes: { billingAccount: 'ba-9' } });
    expect(fixed.status).toBe('draft');
    expect(fixed.context.order.billingAccount).toBe('ba-9');
    const acknowledged: OrderMachineContext = { order: { ...refused.order, status: 'acknowledged' } };
    expect(can('acknowledged', acknowledged, ev('order.edit'))).toBe(false);
  });

  it('does not take central events before the order is queued', () => {
    expect(can('draft', ctx, ev('central.acknowledged'))).toBe(false);
    expect(can('validated', ctx, ev('central.acknowledged'))).toBe(false);
  });

  it('cannot complete an order that has not started, nor request cancellation of a merely acknowledged one', () => {
    expect(can('acknowledged', ctx, ev('central.complete'))).toBe(false);
    expect(can('acknowledged', ctx, ev('central.requestCancellation'))).toBe(false);
    expect(can('inProgress', ctx, ev('central.cancelled'))).toBe(false);
  });

  it('allows nothing in the final states', () => {
    const all = [
      'order.edit',
      'order.validate',
      'order.submit',
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
    ] as const;
    for (const status of ['completed', 'failed', 'partial', 'cancelled', 'rejected'] as const) {
      for (const type of all) expect(can(status, ctx, ev(type))).toBe(false);
    }
  });

  it('has a state for every local and TMF622 order status', () => {
    expect(Object.keys(orderMachine.states).sort()).toEqual([...ORDER_STATES].sort());
  });
});

describe('order machine: context', () => {
  it('goes back where a cancellation request came from when it is denied (the central system keeps the origin)', () => {
    const assessing = sendOrder({ ...ctx.order, status: 'held' }, ev('central.requestCancellation'), SYSTEM);
    expect(assessing).toMatchObject({ ok: true, doc: { status: 'assessingCancellation' } });
    if (!assessing.ok) return;
    const denied = sendOrder(assessing.doc, { type: 'central.denyCancellation', reason: 'Work already started' }, SYSTEM, 'held');
    expect(denied).toMatchObject({ ok: true, doc: { status: 'held', stateReason: 'Work already started' } });
  });

  it('goes back to inProgress when a denial arrives and the origin was not kept', () => {
    expect(next('assessingCancellation', ctx, ev('central.denyCancellation'))).toBe('inProgress');
  });

  it('records submission time, the TMF order id and the central reason', () => {
    const queued = step('validated', ctx, { type: 'order.submit', at: '2024-05-04T08:00:00Z' });
    expect(queued.context.order.submittedAt).toBe('2024-05-04T08:00:00Z');
    const acked = step('queued', queued.context, { type: 'central.acknowledged', tmfOrderId: 'PO-42' });
    expect(acked.context.order.tmfOrderId).toBe('PO-42');
    const rejected = step('queued', ctx, { type: 'central.rejected', reason: 'Credit limit exceeded' });
    expect(rejected.context.order.stateReason).toBe('Credit limit exceeded');
  });

  it('lets the rep fix a validated order (back to draft) but not overwrite server-owned fields', () => {
    const next = step('validated', ctx, { type: 'order.edit', changes: { billingAccount: 'ba-2', tmfOrderId: 'x', status: 'completed' } });
    expect(next.status).toBe('draft');
    expect(next.context.order).toMatchObject({ billingAccount: 'ba-2', status: 'draft' });
    expect(next.context.order.tmfOrderId).toBeUndefined();
  });
});

describe('order machine: approval and the rep asking to cancel', () => {
  const awaiting = makeOrder({ status: 'held', tmfOrderId: 'po-1', approval: { state: 'required', reason: 'Payment terms "Net 90"' } });

  it("lets only the owner's manager approve or decline an order the policy routed to them", () => {
    const approved = sendOrder(awaiting, { type: 'order.approve' }, MANAGER);
    expect(approved.ok && approved.doc.status).toBe('inProgress');
    const declined = sendOrder(awaiting, { type: 'order.decline' }, MANAGER);
    expect(declined.ok && declined.doc.status).toBe('cancelled');
    for (const actor of [REP, OTHER_MANAGER, SYSTEM]) {
      expect(sendOrder(awaiting, { type: 'order.approve' }, actor).ok, JSON.stringify(actor)).toBe(false);
    }
    // Held for another reason (a price review): not the manager's to release.
    const review = { ...awaiting, approval: undefined };
    expect(sendOrder(review, { type: 'order.approve' }, MANAGER).ok).toBe(false);
    expect(sendOrder({ ...awaiting, approval: { state: 'approved' as const, reason: 'x' } }, { type: 'order.approve' }, MANAGER).ok).toBe(
      false,
    );
  });

  it('lets the owner ask to cancel a submitted order, with the reason, until it is final or already being cancelled', () => {
    for (const status of ['acknowledged', 'inProgress', 'pending', 'held'] as const) {
      const asked = sendOrder(makeOrder({ status }), { type: 'order.cancel', reason: ' Customer changed plans ' }, REP);
      expect(asked.ok && asked.doc, status).toMatchObject({
        status: 'assessingCancellation',
        cancellationReason: 'Customer changed plans',
      });
      expect(sendOrder(makeOrder({ status }), { type: 'order.cancel' }, MANAGER).ok, status).toBe(false);
    }
    for (const status of ['draft', 'queued', 'assessingCancellation', 'completed', 'cancelled'] as const) {
      expect(sendOrder(makeOrder({ status }), { type: 'order.cancel' }, REP).ok, status).toBe(false);
    }
  });
});

describe('order machine: the rep answering an information request', () => {
  const pending = makeOrder({
    status: 'pending',
    tmfOrderId: 'po-1',
    stateReason: 'Information required on line 01 (Fibre): which floor?',
  });

  it('lets the owner answer a pending order with words: it goes back in progress with the answer on the order', () => {
    const answered = sendOrder(pending, { type: 'order.answer', answer: '  Third floor, room 3.12 ', at: '2026-01-05T10:00:00.000Z' }, REP);
    expect(answered.ok && answered.doc).toMatchObject({
      status: 'inProgress',
      informationAnswer: { text: 'Third floor, room 3.12', answeredAt: '2026-01-05T10:00:00.000Z' },
    });
  });

  it('refuses an empty or overlong answer, anyone but the owner, and any order that is not waiting for information', () => {
    expect(sendOrder(pending, { type: 'order.answer', answer: '   ' }, REP).ok).toBe(false);
    expect(sendOrder(pending, { type: 'order.answer', answer: 'x'.repeat(MAX_ANSWER_LENGTH + 1) }, REP).ok).toBe(false);
    for (const actor of [MANAGER, OTHER_MANAGER, SYSTEM]) {
      expect(sendOrder(pending, { type: 'order.answer', answer: 'Floor 3' }, actor).ok, JSON.stringify(actor)).toBe(false);
    }
    for (const status of ['acknowledged', 'inProgress', 'held', 'partial', 'completed'] as const) {
      expect(sendOrder(makeOrder({ status }), { type: 'order.answer', answer: 'Floor 3' }, REP).ok, status).toBe(false);
    }
    expect(answerProblem(' ')).toBe('Write the information the order desk asked for');
    expect(answerProblem('Floor 3')).toBeUndefined();
  });
});

describe('order machine: the rep accepting a partial delivery', () => {
  const partial = makeOrder({
    status: 'partial',
    tmfOrderId: 'po-1',
    stateReason: 'Partially completed: line 01 (Fibre) delivered; line 02 (Mobile) failed: no coverage',
  });
  const at = '2026-01-06T09:00:00.000Z';

  it('lets the owner accept it once: the order stays partial (TMF622 final) with the acceptance on it', () => {
    const accepted = sendOrder(partial, { type: 'order.acceptPartial', at }, REP);
    expect(accepted.ok && accepted.doc).toMatchObject({ status: 'partial', partialAcceptance: { acceptedAt: at } });
    if (!accepted.ok) return;
    const again = sendOrder(accepted.doc, { type: 'order.acceptPartial', at }, REP);
    expect(again.ok).toBe(false);
    // Noted by the central system (another laptop of the rep accepted it): not again from here either.
    const noted = makeOrder({ ...partial, partialAcceptanceNoted: { by: 'Alex Rivera', at } });
    expect(sendOrder(noted, { type: 'order.acceptPartial', at }, REP).ok).toBe(false);
  });

  it('refuses anyone but the owner, and any order that is not partial', () => {
    for (const actor of [MANAGER, OTHER_MANAGER, SYSTEM]) {
      const refused = sendOrder(partial, { type: 'order.acceptPartial', at }, actor);
      expect(refused.ok, JSON.stringify(actor)).toBe(false);
    }
    for (const status of ORDER_STATES.filter((status) => status !== 'partial')) {
      const refused = sendOrder(makeOrder({ status }), { type: 'order.acceptPartial', at }, REP);
      expect(!refused.ok && refused.reason, status).toContain(`'order.acceptPartial' is not allowed when the order is '${status}'`);
    }
  });
});
