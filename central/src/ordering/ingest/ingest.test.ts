import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startCentral, type TestCentral } from '../../test/harness';
import { api, integrationToken, pullAll, signIn, type Api, type Json } from '../../test/client';
import { sellableOrder } from '../../conformance/cases/productOrdering';
import { asMaster, newAccount, newOrder } from '../../test/fixtures';

const PO = '/tmf-api/productOrderingManagement/v4/productOrder';

describe.each(ENGINES)('order ingest as TMF622 ProductOrders on $name', (engine) => {
  let central: TestCentral;
  let alex: Api;
  let sam: Api;
  let tmf: Api;
  beforeAll(async () => {
    central = await startCentral(engine);
    alex = api(central.url, await signIn(central.url, 'alex'));
    sam = api(central.url, await signIn(central.url, 'sam'));
    tmf = api(central.url, await integrationToken(central.url));
  });
  afterAll(() => central?.close());

  const orderDoc = async (client: Api, id: string) => (await client.pull('orders')).documents.find((doc) => doc.id === id) as Json;
  const productOrders = async (externalId: string) => {
    const response = await tmf.get(`${PO}?externalId=${externalId}`);
    expect(response.headers.get('x-total-count')).not.toBeNull();
    return (await response.json()) as Json[];
  };

  it('acknowledges a valid queued order and sends the new state back by pull', async () => {
    const order = newOrder('user-alex');
    expect(await alex.push('orders', [{ newDocumentState: order }])).toEqual([]);
    const stored = await orderDoc(alex, order.id);
    expect(stored).toMatchObject({ status: 'acknowledged', owner: 'user-alex', syncPending: false });
    expect(stored.stateReason).toMatch(/^Acknowledged/);
    const [productOrder] = await productOrders(order.id);
    expect(productOrder).toMatchObject({
      id: stored.tmfOrderId,
      href: `${PO}/${String(stored.tmfOrderId)}`,
      externalId: order.id,
      state: 'acknowledged',
      billingAccount: { id: 'ba-harbor-main' },
      relatedParty: expect.arrayContaining([expect.objectContaining({ id: 'acct-harbor-logistics', role: 'customer' })]),
    });
    const items = productOrder?.productOrderItem as Json[];
    expect(items.map((item) => item.id)).toEqual(['01', '02']);
    expect(items[0]).toMatchObject({
      action: 'add',
      quantity: 1,
      state: 'acknowledged',
      productOffering: { id: 'off-fibre-internet', name: 'Business Fibre Internet' },
      product: { productCharacteristic: expect.arrayContaining([{ name: 'Bandwidth', valueType: 'string', value: '500 Mbps' }]) },
    });
    expect(items[1]?.itemPrice).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          priceType: 'recurring',
          recurringChargePeriod: 'month',
          price: { dutyFreeAmount: { unit: 'USD', value: 195 } },
        }),
        expect.objectContaining({ priceType: 'oneTime', price: { dutyFreeAmount: { unit: 'USD', value: 50 } } }),
      ]),
    );
    expect((productOrder?.note as Json[]).map((note) => note.text)).toContain('Service address: 1200 Pier Avenue, 94607 Oakland, US');
  });

  it('creates exactly one ProductOrder for concurrent duplicate pushes', async () => {
    const order = newOrder('user-alex');
    const results = await Promise.all(Array.from({ length: 8 }, () => alex.push('orders', [{ newDocumentState: order }])));
    // One push stored it; the others were conflicts answered with the acknowledged master.
    expect(results.filter((returned) => returned.length === 0)).toHaveLength(1);
    for (const returned of results.filter((r) => r.length > 0)) expect(returned[0]).toMatchObject({ id: order.id, status: 'acknowledged' });
    expect(await productOrders(order.id)).toHaveLength(1);
  });

  it('creates exactly one ProductOrder whatever the retries: same push twice, push after a lost response', async () => {
    const order = newOrder('user-alex', { status: 'validated' });
    await alex.push('orders', [{ newDocumentState: order }]);
    const validated = await orderDoc(alex, order.id);
    const queued = { ...validated, status: 'queued' };
    const first = await alex.push('orders', [{ newDocumentState: queued, assumedMasterState: asMaster(validated) }]);
    expect(first).toEqual([]);
    // The response was lost: the laptop still assumes the validated master and pushes again.
    const retry = await alex.push('orders', [{ newDocumentState: queued, assumedMasterState: asMaster(validated) }]);
    expect(retry[0]).toMatchObject({ id: order.id, status: 'acknowledged' });
    // After taking the master, re-queueing on top of it does not create a second order either.
    const master = retry[0] as Json;
    const again = await alex.push('orders', [{ newDocumentState: { ...master, status: 'queued' }, assumedMasterState: master }]);
    expect(again).toEqual([]);
    expect((await orderDoc(alex, order.id)).status).toBe('acknowledged');
    const found = await productOrders(order.id);
    expect(found).toHaveLength(1);
    expect(found[0]?.id).toBe(master.tmfOrderId);
  });

  it('rejects an order for a Retired offering with the reason', async () => {
    const order = newOrder('user-alex', {
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
    await alex.push('orders', [{ newDocumentState: order }]);
    const stored = await orderDoc(alex, order.id);
    expect(stored.status).toBe('rejected');
    expect(stored.stateReason).toContain('Retired');
    expect((await productOrders(order.id))[0]).toMatchObject({ state: 'rejected', id: stored.tmfOrderId });
  });

  it("rejects an order for another rep's account", async () => {
    const order = newOrder('user-alex', { accountId: 'acct-summit-legal', accountName: 'Summit Legal Partners' });
    await alex.push('orders', [{ newDocumentState: order }]);
    const stored = await orderDoc(alex, order.id);
    expect(stored.status).toBe('rejected');
    expect(stored.stateReason).toContain('not one of your accounts');
  });

  it('keeps an order queued until its offline-created account arrives, then submits it', async () => {
    const account = newAccount('user-sam');
    const order = newOrder('user-sam', { accountId: account.id, accountName: account.name, billingAccount: 'ba-fresh' });
    expect(await sam.push('orders', [{ newDocumentState: order }])).toEqual([]);
    const waiting = await orderDoc(sam, order.id);
    expect(waiting).toMatchObject({ status: 'queued' });
    expect(waiting.stateReason).toContain('Waiting for account');
    expect(await productOrders(order.id)).toHaveLength(0);

    const since = (await pullAll(sam, 'orders')).seq;
    expect(await sam.push('accounts', [{ newDocumentState: account }])).toEqual([]);
    const update = await sam.pull('orders', since);
    expect(update.documents).toHaveLength(1);
    expect(update.documents[0]).toMatchObject({ id: order.id, status: 'acknowledged' });
    expect(await productOrders(order.id)).toHaveLength(1);
  });

  it('refuses an incomplete queued order visibly and submits nothing', async () => {
    const order = newOrder('user-alex', { billingAccount: '' });
    const [refused] = await alex.push('orders', [{ newDocumentState: order }]);
    expect(refused).toMatchObject({ id: order.id, status: 'queued' });
    expect((refused?.syncError as Json).reason).toContain('billing account');
    expect(await productOrders(order.id)).toHaveLength(0);
  });

  it('lets a draft be incomplete but not claim a central state', async () => {
    const draft = newOrder('user-alex', { status: 'draft', billingAccount: '' });
    expect(await alex.push('orders', [{ newDocumentState: draft }])).toEqual([]);
    const forged = newOrder('user-alex', { status: 'completed', tmfOrderId: 'fake' });
    const [refused] = await alex.push('orders', [{ newDocumentState: forged }]);
    expect((refused?.syncError as Json).reason).toContain('only by the central system');
    expect(refused).not.toHaveProperty('tmfOrderId');
    expect(await productOrders(forged.id)).toHaveLength(0);
  });

  it('keeps a submitted order unchangeable from the app', async () => {
    const order = newOrder('user-alex');
    await alex.push('orders', [{ newDocumentState: order }]);
    const master = await orderDoc(alex, order.id);
    const edited = { ...master, billingAccount: 'ba-other' };
    const [refused] = await alex.push('orders', [{ newDocumentState: edited, assumedMasterState: master }]);
    expect(refused).toMatchObject({ billingAccount: 'ba-harbor-main', status: 'acknowledged' });
    expect((refused?.syncError as Json).reason).toMatch(
      /is acknowledged, so its billingAccount cannot change; .*revise it with a supplemental order, or cancel it/,
    );
    const [deleted] = await alex.push('orders', [
      { newDocumentState: { ...(refused as Json), _deleted: true }, assumedMasterState: refused },
    ]);
    expect(deleted).toMatchObject({ _deleted: false, status: 'acknowledged' });
    expect(await productOrders(order.id)).toHaveLength(1);
  });

  it("refuses an order whose id is another party's TMF622 externalId, and leaves that order alone", async () => {
    const taken = crypto.randomUUID();
    const posted = await tmf.post(PO, sellableOrder(taken));
    expect(posted.status).toBe(201);
    const theirs = (await posted.json()) as Json;
    const [refused] = await alex.push('orders', [{ newDocumentState: newOrder('user-alex', { id: taken }) }]);
    expect(refused).toMatchObject({ id: taken, status: 'queued' });
    expect(refused).not.toHaveProperty('tmfOrderId');
    expect((refused?.syncError as Json).reason).toContain('already used by another party');
    expect(await orderDoc(alex, taken)).toBeUndefined();
    const found = await productOrders(taken);
    expect(found.map((order) => [order.id, order.state])).toEqual([[theirs.id, theirs.state]]);
  });
});
