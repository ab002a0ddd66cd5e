import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startCentral, type TestCentral } from '../test/harness';
import { api, expectApiError, integrationToken, signIn, type Api, type Json } from '../test/client';
import { newOrder } from '../test/fixtures';
import { fixedOrderId, listOf, step, tmfOrderOf } from '../test/fulfillmentClient';
import { deltaOrderFromProduct } from '../../../shared/orders/deltaOrder';
import type { AccountDoc, ProductDoc } from '../../../shared/schemas';

const BASE = '/tmf-api/productInventory/v4/product';
const ORDERING = '/tmf-api/productOrderingManagement/v4/productOrder';

/** A TMF622 client's order: a bundle, a static IP block, and a line with no offering (no asset). */
const apiOrder = {
  relatedParty: [{ id: 'acct-summit-legal', name: 'Summit Legal Partners', role: 'customer', '@referredType': 'Organization' }],
  productOrderItem: [
    {
      id: '1',
      action: 'add',
      quantity: 1,
      productOffering: { id: 'off-office-connect-bundle', name: 'Office Connect Bundle' },
      itemPrice: [
        { priceType: 'recurring', recurringChargePeriod: 'month', price: { dutyFreeAmount: { unit: 'USD', value: 349 } } },
        { priceType: 'oneTime', price: { dutyFreeAmount: { unit: 'USD', value: 99 } } },
      ],
    },
    { id: '2', action: 'add', productOffering: { id: 'off-static-ip' } },
    { id: '3', action: 'add' },
  ],
};

describe.each(ENGINES)('TMF637 product inventory on $name', (engine) => {
  let central: TestCentral;
  let alex: Api;
  let sam: Api;
  let morgan: Api;
  let admin: Api;
  let integration: Api;
  let apiOrderId = '';
  beforeAll(async () => {
    central = await startCentral(engine, { fulfillment: { seed: 1, falloutRate: 0 } });
    [alex, sam, morgan, admin] = (await Promise.all(
      ['alex', 'sam', 'morgan', 'admin'].map(async (user) => api(central.url, await signIn(central.url, user))),
    )) as [Api, Api, Api, Api];
    integration = api(central.url, await integrationToken(central.url));
    await alex.push('orders', [{ newDocumentState: newOrder('user-alex', { id: fixedOrderId(31) }) }]);
    await sam.push('orders', [
      {
        newDocumentState: newOrder('user-sam', {
          id: fixedOrderId(32),
          accountId: 'acct-bluepeak-outfitters',
          accountName: 'Bluepeak Outfitters',
          billingAccount: 'ba-bluepeak-main',
        }),
      },
    ]);
    const posted = await integration.post(ORDERING, apiOrder);
    expect(posted.status).toBe(201);
    const order = (await posted.json()) as Json;
    expect(order.state).toBe('acknowledged');
    apiOrderId = String(order.id);
    await step(admin);
    await step(admin);
  });
  afterAll(() => central?.close());

  const list = (client: Api, query = '') => listOf(client, `${BASE}${query}`);

  it('creates active products for the trackable lines of completed orders, with the TMF637 attributes', async () => {
    const order = await tmfOrderOf(alex, fixedOrderId(31));
    expect(order.state).toBe('completed');
    const { status, total, body } = await list(alex);
    expect(status).toBe(200);
    expect(total).toBe('2');
    const mobile = body.find((product) => (product.productOffering as Json).id === 'off-mobile-business');
    expect(mobile).toMatchObject({
      href: `${BASE}/${String(mobile?.id)}`,
      name: 'Mobile Business',
      status: 'active',
      isBundle: false,
      '@type': 'Product',
      relatedParty: [{ id: 'acct-harbor-logistics', role: 'customer', '@referredType': 'Organization' }],
      productOrderItem: [{ orderItemId: '02', productOrderId: order.id, orderItemAction: 'add' }],
      billingAccount: { id: 'ba-harbor-main' },
    });
    expect(mobile?.productCharacteristic).toEqual(
      expect.arrayContaining([
        { name: 'Plan', valueType: 'string', value: 'Plus 50 GB' },
        { name: 'Quantity', valueType: 'integer', value: 5 },
      ]),
    );
    // Installation and SIM activation are delivered, not kept: only the recurring charge stays.
    expect(mobile?.productPrice).toEqual([
      {
        name: 'Monthly charge',
        priceType: 'recurring',
        recurringChargePeriod: 'month',
        price: { dutyFreeAmount: { unit: 'USD', value: 195 } },
      },
    ]);
    expect(Date.parse(String(mobile?.startDate))).not.toBeNaN();
  });

  it('turns a bundle into one product and skips lines without an offering', async () => {
    const { body } = await list(admin, `?relatedParty=acct-summit-legal`);
    expect(body.map((product) => (product.productOffering as Json).id).sort()).toEqual(['off-office-connect-bundle', 'off-static-ip']);
    const bundle = body.find((product) => product.isBundle === true);
    expect(bundle).toMatchObject({ name: 'Office Connect Bundle', productOrderItem: [{ orderItemId: '1', productOrderId: apiOrderId }] });
  });

  it('scopes the list: reps their own, managers their team, admin and integration clients all', async () => {
    expect((await list(alex)).total).toBe('2');
    expect((await list(sam)).body.every((product) => (product.relatedParty as Json[])[0]?.id === 'acct-bluepeak-outfitters')).toBe(true);
    expect((await list(sam)).total).toBe('2');
    expect((await list(morgan)).total).toBe('4');
    expect((await list(admin)).total).toBe('6');
    expect((await list(integration)).total).toBe('6');
  });

  it('reads one product, 404 when unknown or not visible', async () => {
    const [product] = (await list(alex)).body;
    const response = await alex.get(`${BASE}/${String(product?.id)}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(product);
    const trimmed = (await (await morgan.get(`${BASE}/${String(product?.id)}?fields=name`)).json()) as Json;
    expect(Object.keys(trimmed).sort()).toEqual(['href', 'id', 'name']);
    await expectApiError(await sam.get(`${BASE}/${String(product?.id)}`), 404);
    await expectApiError(await admin.get(`${BASE}/no-such-product`), 404);
  });

  it('filters on first-level attributes and references, selects fields and pages', async () => {
    expect((await list(admin, '?productOffering=off-fibre-internet')).total).toBe('2');
    expect((await list(admin, '?name=Mobile%20Business&status=active')).total).toBe('2');
    expect((await list(admin, '?status=terminated')).total).toBe('0');
    expect((await list(admin, '?relatedParty=acct-harbor-logistics')).total).toBe('2');
    const page = await admin.get(`${BASE}?limit=1&offset=1&fields=status`);
    expect(page.headers.get('x-total-count')).toBe('6');
    expect(page.headers.get('x-result-count')).toBe('1');
    const [only] = (await page.json()) as Json[];
    expect(Object.keys(only ?? {}).sort()).toEqual(['href', 'id', 'status']);
    await expectApiError(await admin.get(`${BASE}?limit=lots`), 400);
    await expectApiError(await admin.get(`${BASE}?relatedParty.id=x`), 400);
  });

  it('records one ProductCreateEvent per product, and none when a completed order is stepped again', async () => {
    const created = async () => {
      const response = await admin.get('/tmf-api/event/v4/topic/productInventory/event?limit=1000');
      expect(response.status).toBe(200);
      return ((await response.json()) as Json[]).filter((event) => event.eventType === 'ProductCreateEvent');
    };
    const before = await created();
    const ids = (await list(admin)).body.map((product) => product.id).sort();
    expect(before.map((event) => ((event.event as Json).product as Json).id).sort()).toEqual(ids);
    const order = await tmfOrderOf(alex, fixedOrderId(31));
    expect((await step(admin, order.id))[0]).toMatchObject({ event: null, productIds: [] });
    expect(await created()).toHaveLength(before.length);
    expect((await list(admin)).total).toBe('6');
  });

  describe('delta orders (asset-based ordering)', () => {
    const byOffering = async (offeringId: string) =>
      (await list(alex, `?productOffering=${offeringId}&relatedParty=acct-harbor-logistics`)).body[0] as Json;
    const placeDelta = async (items: Json[]) => {
      const response = await alex.post(ORDERING, {
        relatedParty: [{ id: 'acct-harbor-logistics', name: 'Harbor Logistics Inc.', role: 'customer', '@referredType': 'Organization' }],
        productOrderItem: items,
      });
      expect(response.status).toBe(201);
      return (await response.json()) as Json;
    };
    const productDoc = async (id: unknown) => (await alex.pull('products')).documents.filter((doc) => doc.id === id).pop();

    it('upgrades the bandwidth of an installed product on completion; the installation line becomes no asset', async () => {
      const fibre = await byOffering('off-fibre-internet');
      const before = (await list(admin)).total;
      const order = await placeDelta([
        {
          id: '1',
          action: 'modify',
          productOffering: { id: 'off-fibre-internet' },
          product: { id: fibre.id, productCharacteristic: [{ name: 'Bandwidth', valueType: 'string', value: '1 Gbps' }] },
        },
        { id: '2', action: 'add', quantity: 1, product: { name: 'Installation visit for the upgrade' } },
      ]);
      expect(order.state).toBe('acknowledged');
      await step(admin, String(order.id));
      const [completed] = await step(admin, String(order.id));
      expect(completed).toMatchObject({ to: 'completed', productIds: [fibre.id] });

      const upgraded = (await (await alex.get(`${BASE}/${String(fibre.id)}`)).json()) as Json;
      expect(upgraded.status).toBe('active');
      expect(upgraded.productCharacteristic).toEqual(expect.arrayContaining([{ name: 'Bandwidth', valueType: 'string', value: '1 Gbps' }]));
      expect(upgraded.productCharacteristic).not.toEqual(expect.arrayContaining([expect.objectContaining({ value: '500 Mbps' })]));
      expect(upgraded.productOrderItem).toEqual([
        expect.objectContaining({ role: 'creation' }),
        expect.objectContaining({ role: 'modification', orderItemAction: 'modify', productOrderId: order.id, orderItemId: '1' }),
      ]);
      expect((await list(admin)).total).toBe(before);
      // The rep sees it on the account: the synced product shows the new bandwidth.
      expect((await productDoc(fibre.id))?.characteristics).toEqual(expect.arrayContaining([{ name: 'Bandwidth', value: '1 Gbps' }]));
    });

    it('terminates a disconnected product on completion, and refuses to change it again', async () => {
      const mobile = await byOffering('off-mobile-business');
      const order = await placeDelta([
        { id: '1', action: 'delete', productOffering: { id: 'off-mobile-business' }, product: { id: mobile.id } },
      ]);
      await step(admin, String(order.id));
      await step(admin, String(order.id));
      const terminated = (await (await alex.get(`${BASE}/${String(mobile.id)}`)).json()) as Json;
      expect(terminated).toMatchObject({ status: 'terminated' });
      expect(Date.parse(String(terminated.terminationDate))).not.toBeNaN();
      expect(await productDoc(mobile.id)).toMatchObject({ status: 'terminated' });
      const events = (await (await admin.get('/tmf-api/event/v4/topic/productInventory/event?limit=1000')).json()) as Json[];
      expect(events.map((event) => event.eventType)).toEqual(
        expect.arrayContaining(['ProductStateChangeEvent', 'ProductAttributeValueChangeEvent']),
      );

      const again = await placeDelta([
        { id: '1', action: 'delete', productOffering: { id: 'off-mobile-business' }, product: { id: mobile.id } },
      ]);
      expect(again.state).toBe('rejected');
      expect(JSON.stringify(again.note)).toContain(`product ${String(mobile.id)} is terminated; only an active product can change`);
      const unnamed = await placeDelta([{ id: '1', action: 'modify', productOffering: { id: 'off-fibre-internet' } }]);
      expect(unnamed.state).toBe('rejected');
      expect(JSON.stringify(unnamed.note)).toContain('names no product; set product.id to the installed product it changes');
    });
    it("disconnects a product with a delta order pushed from the rep's app; the TMF622 item is a delete naming it", async () => {
      const fibre = await byOffering('off-fibre-internet');
      const product = (await productDoc(fibre.id)) as unknown as ProductDoc;
      const account = (await alex.pull('accounts')).documents.find((doc) => doc.id === 'acct-harbor-logistics') as unknown as AccountDoc;
      const draft = deltaOrderFromProduct({
        product,
        account,
        offering: undefined,
        change: 'disconnect',
        owner: 'user-alex',
        now: new Date().toISOString(),
      });
      expect(
        await alex.push('orders', [{ newDocumentState: { ...draft, status: 'queued', submittedAt: draft.createdAt, _deleted: false } }]),
      ).toEqual([]);
      const order = await tmfOrderOf(alex, draft.id);
      expect(order.state).toBe('acknowledged');
      expect(order.productOrderItem[0]).toMatchObject({ action: 'delete', product: { id: fibre.id } });
      await step(admin, order.id);
      await step(admin, order.id);
      expect(((await (await alex.get(`${BASE}/${String(fibre.id)}`)).json()) as Json).status).toBe('terminated');
      expect(await productDoc(fibre.id)).toMatchObject({ status: 'terminated' });
    });
  });

  it('requires a token', async () => {
    await expectApiError(await fetch(`${central.url}${BASE}`), 401);
  });
});
