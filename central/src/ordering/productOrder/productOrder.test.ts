import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startCentral, type TestCentral } from '../../test/harness';
import { api, expectApiError, integrationToken, signIn, type Api, type Json } from '../../test/client';
import { newOrder } from '../../test/fixtures';

const PO = '/tmf-api/productOrderingManagement/v4/productOrder';
/** The body the TMF622 v4 conformance kit posts. */
const CTK_BODY = { productOrderItem: [{ id: '123', action: 'add' }], relatedParty: [{ id: '456-dd-df45', '@referredType': 'Individual' }] };

describe.each(ENGINES)('TMF622 Product Ordering on $name', (engine) => {
  let central: TestCentral;
  let tmf: Api;
  let alex: Api;
  let sam: Api;
  beforeAll(async () => {
    central = await startCentral(engine);
    tmf = api(central.url, await integrationToken(central.url));
    alex = api(central.url, await signIn(central.url, 'alex'));
    sam = api(central.url, await signIn(central.url, 'sam'));
  });
  afterAll(() => central?.close());

  it('creates an order: 201, Location equals href, server-owned fields set', async () => {
    const response = await tmf.post(PO, { ...CTK_BODY, id: 'client-chosen', state: 'completed' });
    expect(response.status).toBe(201);
    const order = (await response.json()) as Json;
    expect(response.headers.get('location')).toBe(order.href);
    expect(order).toMatchObject({ state: 'acknowledged', relatedParty: CTK_BODY.relatedParty, '@type': 'ProductOrder' });
    expect(order.id).not.toBe('client-chosen');
    expect(order.href).toBe(`${PO}/${String(order.id)}`);
    expect(Number.isNaN(Date.parse(String(order.orderDate)))).toBe(false);
    expect(order.productOrderItem).toEqual([{ id: '123', action: 'add', state: 'acknowledged' }]);

    const fetched = await tmf.get(`${PO}/${String(order.id)}`);
    expect(fetched.status).toBe(200);
    expect(await fetched.json()).toEqual(order);
  });

  it('rejects an order referencing a Retired or unknown offering, stating why', async () => {
    const body = {
      ...CTK_BODY,
      productOrderItem: [
        { id: '01', action: 'add', productOffering: { id: 'off-business-adsl' } },
        { id: '02', action: 'add', productOffering: { id: 'off-does-not-exist' } },
      ],
    };
    const order = (await (await tmf.post(PO, body)).json()) as Json;
    expect(order.state).toBe('rejected');
    const reason = (order.note as Json[]).map((note) => note.text).join(' ');
    expect(reason).toContain('Retired');
    expect(reason).toContain('off-does-not-exist');
  });

  it('de-duplicates on externalId: the retry returns the same order with 200', async () => {
    const body = { ...CTK_BODY, externalId: `ext-${Date.now()}` };
    const [a, b] = await Promise.all([tmf.post(PO, body), tmf.post(PO, body)]);
    const statuses = [a.status, b.status].sort();
    const [first, second] = [(await a.json()) as Json, (await b.json()) as Json];
    expect(first.id).toBe(second.id);
    expect(statuses).toEqual([200, 201]);
    const again = await tmf.post(PO, body);
    expect(again.status).toBe(200);
    expect(again.headers.get('location')).toBe(first.href);
  });

  it('refuses a second party re-using an externalId with 409', async () => {
    const body = { ...CTK_BODY, externalId: `taken-${Date.now()}` };
    expect((await tmf.post(PO, body)).status).toBe(201);
    expect((await expectApiError(await alex.post(PO, body), 409)).reason).toContain('externalId');
  });

  it('validates the create body with reasons that say what to fix', async () => {
    const cases: [unknown, string][] = [
      [{ relatedParty: CTK_BODY.relatedParty }, 'productOrderItem'],
      [{ ...CTK_BODY, productOrderItem: [] }, 'productOrderItem'],
      [{ ...CTK_BODY, productOrderItem: [{ id: '01' }] }, 'action'],
      [{ ...CTK_BODY, productOrderItem: [{ id: '01', action: 'destroy' }] }, 'action'],
      [{ ...CTK_BODY, productOrderItem: [{ action: 'add' }] }, 'id'],
      [{ ...CTK_BODY, productOrderItem: [{ id: '01', action: 'add', quantity: -2 }] }, 'quantity'],
      [{ productOrderItem: CTK_BODY.productOrderItem }, 'relatedParty'],
      [{ ...CTK_BODY, relatedParty: [{ id: 'x' }] }, '@referredType'],
      [{ ...CTK_BODY, externalId: 42 }, 'externalId'],
      [{ ...CTK_BODY, note: 'hello' }, 'note'],
      [[CTK_BODY], 'object'],
    ];
    for (const [body, mentions] of cases) {
      const error = await expectApiError(await tmf.post(PO, body), 400);
      expect(error.reason).toContain(mentions);
    }
  });

  it('answers 404 with a TMF Error for an unknown id', async () => {
    const error = await expectApiError(await tmf.get(`${PO}/00000000-0000-0000-0000-000000000000`), 404);
    expect(error.code).toBe('not_found');
  });

  it('lists with offset/limit, X-Total-Count/X-Result-Count, equality filters and fields', async () => {
    const externalId = `list-${Date.now()}`;
    for (let index = 0; index < 3; index += 1) {
      await tmf.post(PO, { ...CTK_BODY, externalId: `${externalId}-${index}`, category: externalId });
    }
    const page = await tmf.get(`${PO}?category=${externalId}&offset=1&limit=1`);
    expect(page.headers.get('x-total-count')).toBe('3');
    expect(page.headers.get('x-result-count')).toBe('1');
    const [only] = (await page.json()) as Json[];
    expect(only?.externalId).toBe(`${externalId}-1`);

    const byExternal = (await (await tmf.get(`${PO}?externalId=${externalId}-2&fields=state,externalId`)).json()) as Json[];
    expect(byExternal).toHaveLength(1);
    expect(Object.keys(byExternal[0] ?? {}).sort()).toEqual(['externalId', 'href', 'id', 'state']);

    const acknowledged = await tmf.get(`${PO}?state=acknowledged&category=${externalId}`);
    expect(acknowledged.headers.get('x-total-count')).toBe('3');
    const none = await tmf.get(`${PO}?state=completed&category=${externalId}`);
    expect(await none.json()).toEqual([]);
    expect(none.headers.get('x-total-count')).toBe('0');

    await expectApiError(await tmf.get(`${PO}?limit=-1`), 400);
    await expectApiError(await tmf.get(`${PO}?offset=abc`), 400);
    await expectApiError(await tmf.get(`${PO}?${encodeURIComponent("state' OR 1=1 --")}=x`), 400);
  });

  it('scopes orders: a rep sees only their own, integration clients see all', async () => {
    const order = newOrder('user-alex');
    await alex.push('orders', [{ newDocumentState: order }]);
    const mine = (await (await alex.get(`${PO}?externalId=${order.id}`)).json()) as Json[];
    expect(mine).toHaveLength(1);
    const id = String(mine[0]?.id);
    expect((await alex.get(`${PO}/${id}`)).status).toBe(200);
    await expectApiError(await sam.get(`${PO}/${id}`), 404);
    expect(await (await sam.get(`${PO}?externalId=${order.id}`)).json()).toEqual([]);
    expect((await tmf.get(`${PO}/${id}`)).status).toBe(200);
    const total = Number((await tmf.get(PO)).headers.get('x-total-count'));
    const alexTotal = Number((await alex.get(PO)).headers.get('x-total-count'));
    expect(alexTotal).toBeGreaterThan(0);
    expect(total).toBeGreaterThan(alexTotal);
  });

  it('requires a bearer token', async () => {
    await expectApiError(await fetch(`${central.url}${PO}`), 401);
  });
});
