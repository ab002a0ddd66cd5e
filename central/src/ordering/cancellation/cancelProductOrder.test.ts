import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startCentral, type TestCentral } from '../../test/harness';
import { expectApiError, type Json } from '../../test/client';
import {
  CANCEL,
  PO,
  itemStates,
  placeOrder,
  productOrder,
  pulledOrder,
  signedIn,
  stateReason,
  walk,
  type OrderingApi,
} from '../../test/ordering';

describe.each(ENGINES)('TMF622 cancelProductOrder on $name', (engine) => {
  let central: TestCentral;
  let alex: OrderingApi;
  let sam: OrderingApi;
  let morgan: OrderingApi;
  let ops: OrderingApi;
  beforeAll(async () => {
    central = await startCentral(engine);
    alex = await signedIn(central.url, 'alex');
    sam = await signedIn(central.url, 'sam');
    morgan = await signedIn(central.url, 'morgan');
    ops = await signedIn(central.url, 'admin');
  });
  afterAll(() => central?.close());

  const cancel = async (client: OrderingApi, id: string, extra: Json = {}) => {
    const response = await client.post(CANCEL, { productOrder: { id, '@referredType': 'ProductOrder' }, ...extra });
    expect(response.status).toBe(201);
    const task = (await response.json()) as Json;
    expect(response.headers.get('location')).toBe(task.href);
    return task;
  };

  it.each([
    ['inProgress', ['central.start']],
    ['pending', ['central.pend']],
    ['held', ['central.start', 'central.hold']],
    ['acknowledged', []],
  ] as const)('cancels a %s order: assessingCancellation -> pendingCancellation -> cancelled, task done', async (_from, events) => {
    const { orderId, tmfOrderId } = await placeOrder(alex, 'user-alex');
    await walk(ops, tmfOrderId, events);
    const task = await cancel(alex, tmfOrderId, { cancellationReason: 'Customer moved offices' });
    expect(task).toMatchObject({
      '@type': 'CancelProductOrder',
      state: 'done',
      cancellationReason: 'Customer moved offices',
      productOrder: { id: tmfOrderId, href: `${PO}/${tmfOrderId}` },
    });
    expect(Number.isNaN(Date.parse(String(task.effectiveCancellationDate)))).toBe(false);
    expect(task.href).toBe(`${CANCEL}/${String(task.id)}`);

    const order = await productOrder(alex, tmfOrderId);
    expect(order).toMatchObject({ state: 'cancelled', cancellationReason: 'Customer moved offices' });
    expect(typeof order.cancellationDate).toBe('string');
    expect(typeof order.completionDate).toBe('string');
    expect(new Set(itemStates(order))).toEqual(new Set(['cancelled']));
    expect(await pulledOrder(alex, orderId)).toMatchObject({ status: 'cancelled', stateReason: 'Cancelled: Customer moved offices' });
    expect(await (await alex.get(`${CANCEL}/${String(task.id)}`)).json()).toEqual(task);
  });

  it('denies a cancellation the assessment refuses and returns the order to the state it came from', async () => {
    const { orderId, tmfOrderId } = await placeOrder(alex, 'user-alex');
    await walk(ops, tmfOrderId, ['central.start', 'central.hold']);
    expect((await alex.patch(`${PO}/${tmfOrderId}`, { requestedCompletionDate: '2026-12-01T00:00:00.000Z' })).status).toBe(200);
    const task = await cancel(alex, tmfOrderId, { requestedCancellationDate: '2027-01-15T00:00:00Z' });
    expect(task.state).toBe('terminatedWithError');
    expect(task.stateReason).toContain('due to complete on 2026-12-01');
    const order = await productOrder(alex, tmfOrderId);
    expect(order.state).toBe('held');
    expect(stateReason(order)).toContain('Cancellation denied');
    expect(await pulledOrder(alex, orderId)).toMatchObject({ status: 'held' });
    expect(String((await pulledOrder(alex, orderId)).stateReason)).toContain('Cancellation denied');
    // Denied means back to held: the order can still be released or cancelled later.
    expect((await walk(ops, tmfOrderId, ['central.release'])).state).toBe('inProgress');
  });

  it('refuses an acknowledged order the assessment refuses without starting it', async () => {
    const { tmfOrderId } = await placeOrder(alex, 'user-alex');
    await alex.patch(`${PO}/${tmfOrderId}`, { requestedCompletionDate: '2026-12-01T00:00:00Z' });
    const task = await cancel(alex, tmfOrderId, { requestedCancellationDate: '2026-12-24T00:00:00Z' });
    expect(task.state).toBe('terminatedWithError');
    expect((await productOrder(alex, tmfOrderId)).state).toBe('acknowledged');
  });

  it.each([
    ['completed', ['central.start', 'central.complete'], 'can no longer be cancelled'],
    ['failed', ['central.start', 'central.fail'], 'can no longer be cancelled'],
    ['cancelled', ['central.pend', 'central.cancelled'], 'can no longer be cancelled'],
    ['assessingCancellation', ['central.start', 'central.requestCancellation'], 'already under way'],
  ] as const)('denies cancelling a %s order with terminatedWithError and changes nothing', async (state, events, says) => {
    const { orderId, tmfOrderId } = await placeOrder(alex, 'user-alex');
    await walk(ops, tmfOrderId, events);
    const before = await pulledOrder(alex, orderId);
    const task = await cancel(alex, tmfOrderId);
    expect(task.state).toBe('terminatedWithError');
    expect(task.stateReason).toContain(says);
    expect((await productOrder(alex, tmfOrderId)).state).toBe(state);
    expect(await pulledOrder(alex, orderId)).toEqual(before);
  });

  it('scopes cancellation: a rep cancels only their own orders, a manager their team', async () => {
    const { tmfOrderId } = await placeOrder(alex, 'user-alex');
    const refused = await expectApiError(await sam.post(CANCEL, { productOrder: { id: tmfOrderId } }), 400);
    expect(refused.reason).toContain('not a ProductOrder you may see');
    expect((await productOrder(alex, tmfOrderId)).state).toBe('acknowledged');

    const task = await cancel(morgan, tmfOrderId, { cancellationReason: 'Duplicate order' });
    expect(task.state).toBe('done');
    await expectApiError(await sam.get(`${CANCEL}/${String(task.id)}`), 404);
    expect((await alex.get(`${CANCEL}/${String(task.id)}`)).status).toBe(200);
    const samList = await sam.get(`${CANCEL}?productOrder=${tmfOrderId}`);
    expect(await samList.json()).toEqual([]);
    expect(samList.headers.get('x-total-count')).toBe('0');
  });

  it('lists tasks with the TMF list conventions', async () => {
    const { tmfOrderId } = await placeOrder(alex, 'user-alex');
    await cancel(alex, tmfOrderId, { requestedCancellationDate: '2020-01-01T00:00:00Z' });
    await cancel(alex, tmfOrderId);
    const page = await alex.get(`${CANCEL}?productOrder=${tmfOrderId}&fields=state&limit=1`);
    expect(page.headers.get('x-total-count')).toBe('2');
    expect(page.headers.get('x-result-count')).toBe('1');
    expect(await page.json()).toEqual([{ id: expect.any(String), href: expect.any(String), state: 'done' }]);
    const terminated = (await (await alex.get(`${CANCEL}?productOrder=${tmfOrderId}&state=terminatedWithError`)).json()) as Json[];
    expect(terminated).toHaveLength(1);
    expect(terminated[0]?.stateReason).toContain('can no longer be cancelled');
  });

  it('validates the request with reasons', async () => {
    const cases: [unknown, string][] = [
      [{}, 'productOrder'],
      [{ productOrder: 'abc' }, 'productOrder'],
      [{ productOrder: { id: '' } }, 'productOrder'],
      [{ productOrder: { id: 'x' }, cancellationReason: 7 }, 'cancellationReason'],
      [{ productOrder: { id: 'x' }, requestedCancellationDate: 'tomorrow' }, 'requestedCancellationDate'],
      [{ productOrder: { id: 'no-such-order' } }, 'not a ProductOrder you may see'],
      [[], 'CancelProductOrder_Create'],
    ];
    for (const [body, mentions] of cases) expect((await expectApiError(await alex.post(CANCEL, body), 400)).reason).toContain(mentions);
    await expectApiError(await alex.get(`${CANCEL}/unknown`), 404);
  });
});
