import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startCentral, type TestCentral } from '../../test/harness';
import { expectApiError, integrationToken, type Json } from '../../test/client';
import {
  itemStates,
  orderingApi,
  placeOrder,
  productOrder,
  pulledOrder,
  signedIn,
  stateReason,
  transition,
  walk,
  type OrderingApi,
} from '../../test/ordering';

const FINAL = ['completed', 'failed', 'partial', 'cancelled'];

/** Every transition of tmf/STATES.md section 1 after creation, each path from a fresh acknowledged order. */
const PATHS: [string, string[], string][] = [
  ['acknowledged -> inProgress -> completed', ['central.start', 'central.complete'], 'completed'],
  ['inProgress -> failed', ['central.start', 'central.fail'], 'failed'],
  [
    'acknowledged -> pending -> inProgress -> pending -> cancelled',
    ['central.pend', 'central.resume', 'central.pend', 'central.cancelled'],
    'cancelled',
  ],
  [
    'inProgress -> held -> inProgress -> held -> cancelled',
    ['central.start', 'central.hold', 'central.release', 'central.hold', 'central.cancelled'],
    'cancelled',
  ],
  [
    'inProgress -> assessingCancellation -> denied back to inProgress',
    ['central.start', 'central.requestCancellation', 'central.denyCancellation'],
    'inProgress',
  ],
  [
    'pending -> assessingCancellation -> denied back to pending',
    ['central.pend', 'central.requestCancellation', 'central.denyCancellation'],
    'pending',
  ],
  [
    'held -> assessingCancellation -> denied back to held',
    ['central.start', 'central.hold', 'central.requestCancellation', 'central.denyCancellation'],
    'held',
  ],
  [
    'assessingCancellation -> pendingCancellation -> cancelled',
    ['central.start', 'central.requestCancellation', 'central.acceptCancellation', 'central.cancelled'],
    'cancelled',
  ],
];

describe.each(ENGINES)('ProductOrder lifecycle (transitionProductOrder) on $name', (engine) => {
  let central: TestCentral;
  let alex: OrderingApi;
  let ops: OrderingApi;
  beforeAll(async () => {
    central = await startCentral(engine);
    alex = await signedIn(central.url, 'alex');
    ops = await signedIn(central.url, 'admin');
  });
  afterAll(() => central?.close());

  it.each(PATHS)('%s', async (_name, events, expected) => {
    const { orderId, tmfOrderId } = await placeOrder(alex, 'user-alex');
    const order = await walk(ops, tmfOrderId, events);
    expect(order.state).toBe(expected);
    // Items follow the order (bundled children included).
    expect(new Set(itemStates(order))).toEqual(new Set([expected]));
    expect(order.completionDate !== undefined).toBe(FINAL.includes(expected));
    expect(await productOrder(alex, tmfOrderId)).toEqual(order);
    // The rep's app sees the new status and reason on its next pull.
    const doc = await pulledOrder(alex, orderId);
    expect(doc).toMatchObject({ status: expected, tmfOrderId, stateReason: stateReason(order) });
  });

  it('ends partial with the outcome of each item: partial at order level only', async () => {
    const { orderId, tmfOrderId } = await placeOrder(alex, 'user-alex');
    await walk(ops, tmfOrderId, ['central.start']);
    const response = await transition(ops, tmfOrderId, 'central.partial', {
      reason: 'Mobile lines could not be activated',
      itemOutcomes: { '01': 'completed', '02': 'failed' },
    });
    expect(response.status).toBe(200);
    const order = (await response.json()) as Json;
    expect(order.state).toBe('partial');
    expect((order.productOrderItem as Json[]).map((item) => [item.id, item.state])).toEqual([
      ['01', 'completed'],
      ['02', 'failed'],
    ]);
    expect(typeof order.completionDate).toBe('string');
    expect(await pulledOrder(alex, orderId)).toMatchObject({ status: 'partial', stateReason: 'Mobile lines could not be activated' });
  });

  it('refuses partial without a completed and a failed item', async () => {
    const { tmfOrderId } = await placeOrder(alex, 'user-alex');
    await walk(ops, tmfOrderId, ['central.start']);
    expect((await expectApiError(await transition(ops, tmfOrderId, 'central.partial'), 400)).reason).toContain('itemOutcomes');
    const allDone = await transition(ops, tmfOrderId, 'central.partial', { itemOutcomes: { '01': 'completed', '02': 'completed' } });
    expect((await expectApiError(allDone, 400)).reason).toContain('central.complete');
    const unknown = await transition(ops, tmfOrderId, 'central.partial', { itemOutcomes: { '01': 'completed', '99': 'failed' } });
    expect((await expectApiError(unknown, 400)).reason).toContain('99');
    expect((await productOrder(ops, tmfOrderId)).state).toBe('inProgress');
  });

  it('refuses forbidden transitions with 409 naming the state and what is allowed', async () => {
    const { orderId, tmfOrderId } = await placeOrder(alex, 'user-alex');
    const early = await expectApiError(await transition(ops, tmfOrderId, 'central.complete'), 409);
    expect(early.reason).toContain('is acknowledged');
    expect(early.reason).toContain('central.start, central.pend');
    expect((await expectApiError(await transition(ops, tmfOrderId, 'central.requestCancellation'), 409)).reason).toContain('acknowledged');

    await walk(ops, tmfOrderId, ['central.start', 'central.hold']);
    const held = await expectApiError(await transition(ops, tmfOrderId, 'central.complete'), 409);
    expect(held.reason).toContain('is held');
    expect(held.reason).toContain('central.release');

    await walk(ops, tmfOrderId, ['central.requestCancellation', 'central.acceptCancellation']);
    const accepted = await expectApiError(await transition(ops, tmfOrderId, 'central.denyCancellation'), 409);
    expect(accepted.reason).toContain('pendingCancellation');
    expect(accepted.reason).toContain('central.cancelled');

    await walk(ops, tmfOrderId, ['central.cancelled']);
    const final = await expectApiError(await transition(ops, tmfOrderId, 'central.resume'), 409);
    expect(final.reason).toContain('final state');
    // Refusals change nothing, neither the order nor the rep's document.
    expect((await productOrder(ops, tmfOrderId)).state).toBe('cancelled');
    expect((await pulledOrder(alex, orderId)).status).toBe('cancelled');
  });

  it('keeps a rejected order rejected: final from creation', async () => {
    const { tmfOrderId, doc } = await placeOrder(alex, 'user-alex', {
      items: [
        {
          id: 'l1',
          offeringId: 'off-business-adsl',
          offeringName: 'Business ADSL',
          quantity: 1,
          characteristics: [],
          oneTime: 4900,
          recurring: 3900,
        },
      ],
    });
    expect(doc.status).toBe('rejected');
    const error = await expectApiError(await transition(ops, tmfOrderId, 'central.start'), 409);
    expect(error.reason).toContain('rejected');
  });

  it('lets only the operations desk drive the lifecycle, with reasons', async () => {
    const { tmfOrderId } = await placeOrder(alex, 'user-alex');
    expect((await expectApiError(await transition(alex, tmfOrderId, 'central.start'), 403)).reason).toContain('cancelProductOrder');
    expect((await expectApiError(await transition(ops, tmfOrderId, 'order.submit'), 400)).reason).toContain('central.start');
    expect((await expectApiError(await transition(ops, tmfOrderId, 'central.start', { reason: 42 }), 400)).reason).toContain('reason');
    await expectApiError(await transition(ops, '00000000-0000-0000-0000-000000000000', 'central.start'), 404);
    // A fulfilment system connected as an integration client may, too.
    const integration = await orderingApi(central.url, await integrationToken(central.url));
    expect((await transition(integration, tmfOrderId, 'central.start')).status).toBe(200);
  });
});
