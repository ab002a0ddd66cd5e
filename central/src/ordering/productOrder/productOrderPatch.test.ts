import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startCentral, type TestCentral } from '../../test/harness';
import { expectApiError, integrationToken, type Json } from '../../test/client';
import { PO, orderingApi, placeOrder, productOrder, pulledOrder, signedIn, stateReason, walk, type OrderingApi } from '../../test/ordering';

describe.each(ENGINES)('TMF622 PATCH and DELETE /productOrder on $name', (engine) => {
  let central: TestCentral;
  let alex: OrderingApi;
  let sam: OrderingApi;
  let admin: OrderingApi;
  let tmf: OrderingApi;
  beforeAll(async () => {
    central = await startCentral(engine);
    alex = await signedIn(central.url, 'alex');
    sam = await signedIn(central.url, 'sam');
    admin = await signedIn(central.url, 'admin');
    tmf = await orderingApi(central.url, await integrationToken(central.url));
  });
  afterAll(() => central?.close());

  it('patches the attributes the spec allows, with merge-patch or plain JSON', async () => {
    const { tmfOrderId } = await placeOrder(alex, 'user-alex');
    const before = await productOrder(alex, tmfOrderId);
    const merged = await alex.patch(`${PO}/${tmfOrderId}`, {
      description: 'Harbor HQ fibre + mobile',
      priority: '1',
      requestedCompletionDate: '2026-12-15T09:00:00Z',
      billingAccount: { name: 'Harbor Logistics - head office' },
      note: [{ text: 'Call Maria before the installation' }],
    });
    expect(merged.status).toBe(200);
    const order = (await merged.json()) as Json;
    expect(order).toMatchObject({
      description: 'Harbor HQ fibre + mobile',
      priority: '1',
      requestedCompletionDate: '2026-12-15T09:00:00Z',
      // Merge patch: the reference keeps its id and gains the name.
      billingAccount: { id: 'ba-harbor-main', name: 'Harbor Logistics - head office' },
      state: 'acknowledged',
      orderDate: before.orderDate,
    });
    // The client's notes replace the client's notes; the central system's notes stay.
    const notes = (order.note as Json[]).map((note) => note.text);
    expect(notes).toContain('Call Maria before the installation');
    expect(stateReason(order)).toBe(stateReason(before));
    expect(await productOrder(alex, tmfOrderId)).toEqual(order);

    const plain = await alex.patch(`${PO}/${tmfOrderId}`, { priority: null, category: 'enterprise-gold' }, 'application/json');
    expect(plain.status).toBe(200);
    const after = (await plain.json()) as Json;
    expect(after).not.toHaveProperty('priority');
    expect(after.category).toBe('enterprise-gold');
  });

  it.each([
    ['state', 'completed', 'lifecycle'],
    ['id', 'x', 'id'],
    ['href', '/elsewhere', 'href'],
    ['orderDate', '2020-01-01T00:00:00Z', 'orderDate'],
    ['completionDate', '2020-01-01T00:00:00Z', 'completionDate'],
    ['expectedCompletionDate', '2020-01-01T00:00:00Z', 'expectedCompletionDate'],
    ['cancellationDate', '2020-01-01T00:00:00Z', 'cancelProductOrder'],
    ['cancellationReason', 'no', 'cancelProductOrder'],
    ['externalId', 'other', 'externalId'],
    ['productOrderItem', [{ id: '01', action: 'add', state: 'completed' }], 'productOrderItem'],
    ['orderTotalPrice', [], 'orderTotalPrice'],
    ['relatedParty', [], 'relatedParty'],
    ['colour', 'blue', 'not a ProductOrder attribute'],
  ] as const)('refuses to patch %s with 400 naming it', async (attribute, value, mentions) => {
    const { tmfOrderId } = await placeOrder(alex, 'user-alex');
    const before = await productOrder(alex, tmfOrderId);
    const error = await expectApiError(await alex.patch(`${PO}/${tmfOrderId}`, { description: 'ok', [attribute]: value }), 400);
    expect(error.reason).toContain(attribute);
    expect(error.reason).toContain(mentions);
    expect(await productOrder(alex, tmfOrderId)).toEqual(before);
  });

  it('validates values and answers 404 for orders the caller may not see, 409 for final ones', async () => {
    const { orderId, tmfOrderId } = await placeOrder(alex, 'user-alex');
    expect((await expectApiError(await alex.patch(`${PO}/${tmfOrderId}`, { requestedStartDate: 'soon' }), 400)).reason).toContain(
      'requestedStartDate',
    );
    expect((await expectApiError(await alex.patch(`${PO}/${tmfOrderId}`, { note: [{ author: 'x' }] }), 400)).reason).toContain('text');
    expect((await expectApiError(await alex.patch(`${PO}/${tmfOrderId}`, { billingAccount: 'ba-2' }), 400)).reason).toContain(
      'billingAccount',
    );
    expect((await expectApiError(await alex.patch(`${PO}/${tmfOrderId}`, [1]), 400)).reason).toContain('JSON object');
    await expectApiError(await sam.patch(`${PO}/${tmfOrderId}`, { description: 'mine now' }), 404);
    await expectApiError(await alex.patch(`${PO}/unknown-order`, { description: 'x' }), 404);
    await expectApiError(await alex.patch(`${PO}/${tmfOrderId}`, { description: 'x' }, 'application/json-patch+json'), 415);

    await walk(admin, tmfOrderId, ['central.start', 'central.complete']);
    const final = await expectApiError(await alex.patch(`${PO}/${tmfOrderId}`, { description: 'late' }), 409);
    expect(final.reason).toContain('completed');
    // PATCH never touches the rep's document: the app owns nothing of a submitted order but status.
    expect((await pulledOrder(alex, orderId)).status).toBe('completed');
  });

  it('deletes for administration only', async () => {
    const { tmfOrderId } = await placeOrder(alex, 'user-alex');
    expect((await expectApiError(await alex.delete(`${PO}/${tmfOrderId}`), 403)).reason).toContain('administration');
    await expectApiError(await tmf.delete(`${PO}/${tmfOrderId}`), 403);
    expect((await admin.delete(`${PO}/${tmfOrderId}`)).status).toBe(204);
    await expectApiError(await admin.get(`${PO}/${tmfOrderId}`), 404);
    await expectApiError(await admin.delete(`${PO}/${tmfOrderId}`), 404);
  });
});
