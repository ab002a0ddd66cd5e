import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startCentral, type TestCentral } from '../test/harness';
import { expectApiError, integrationToken, signIn, type Json } from '../test/client';
import { catalogClient, TMF620, type CatalogClient } from '../test/catalogClient';

describe.each(ENGINES)('TMF620 Product Catalog API on $name', (engine) => {
  let central: TestCentral;
  let admin: CatalogClient;
  let alex: CatalogClient;
  let morgan: CatalogClient;
  let tmf: CatalogClient;
  beforeAll(async () => {
    central = await startCentral(engine);
    admin = catalogClient(central.url, await signIn(central.url, 'admin'));
    alex = catalogClient(central.url, await signIn(central.url, 'alex'));
    morgan = catalogClient(central.url, await signIn(central.url, 'morgan'));
    tmf = catalogClient(central.url, await integrationToken(central.url));
  });
  afterAll(() => central?.close());

  it('lets every signed-in user read the seeded catalog in all five resources', async () => {
    const counts: Record<string, string> = {
      productOffering: '10',
      productSpecification: '10',
      category: '7',
      catalog: '1',
      productOfferingPrice: '42',
    };
    for (const [resource, total] of Object.entries(counts)) {
      const response = await alex.get(`/${resource}`);
      expect(response.status, resource).toBe(200);
      expect(response.headers.get('x-total-count'), resource).toBe(total);
      expect(response.headers.get('x-result-count'), resource).toBe(total);
    }
    const catalog = await alex.read<Json[]>('/catalog');
    expect(catalog[0]).toMatchObject({
      id: 'catalog-outpost-business',
      name: 'Outpost Business Catalog',
      version: '2026.11',
      '@type': 'Catalog',
    });
    const offering = await tmf.read('/productOffering/off-fibre-internet');
    expect(offering).toMatchObject({
      id: 'off-fibre-internet',
      href: `${TMF620}/productOffering/off-fibre-internet`,
      lifecycleStatus: 'Launched',
    });
    expect(await morgan.read('/productOfferingPrice/price-fibre-500')).toMatchObject({
      priceType: 'recurring',
      recurringChargePeriodType: 'month',
      price: { unit: 'USD', value: 149 },
    });
  });

  it('filters on first-level attributes (ANDed), pages with X-Total-Count/X-Result-Count and selects fields', async () => {
    const launched = await alex.get('/productOffering?lifecycleStatus=Launched');
    expect(launched.headers.get('x-total-count')).toBe('9');
    const retired = (await alex.read<Json[]>('/productOffering?lifecycleStatus=Retired')).map((offering) => offering.id);
    expect(retired).toEqual(['off-business-adsl']);
    expect((await alex.read<Json[]>('/productOffering?name=Mobile%20Business')).map((offering) => offering.id)).toEqual([
      'off-mobile-business',
    ]);
    expect((await alex.read<Json[]>('/productOffering?isBundle=true&lifecycleStatus=Launched')).map((offering) => offering.id)).toEqual([
      'off-office-connect-bundle',
    ]);
    expect(await alex.read('/productOffering?isBundle=true&lifecycleStatus=Retired')).toEqual([]);
    expect((await alex.get('/productOfferingPrice?priceType=discount')).headers.get('x-total-count')).toBe('11');

    const page = await alex.get('/productOffering?lifecycleStatus=Launched&offset=2&limit=3&fields=name,lifecycleStatus');
    expect(page.headers.get('x-total-count')).toBe('9');
    expect(page.headers.get('x-result-count')).toBe('3');
    const rows = (await page.json()) as Json[];
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(['href', 'id', 'lifecycleStatus', 'name']);
    const all = await alex.read<Json[]>('/productOffering?lifecycleStatus=Launched');
    expect(rows.map((row) => row.id)).toEqual(all.slice(2, 5).map((row) => row.id));
    expect(Object.keys(await alex.read('/category/cat-voice?fields=name')).sort()).toEqual(['href', 'id', 'name']);

    await expectApiError(await alex.get('/productOffering?limit=lots'), 400);
  });

  it('answers 404 with a TMF Error for an unknown id of every resource', async () => {
    for (const resource of ['productOffering', 'productSpecification', 'productOfferingPrice', 'category', 'catalog']) {
      const error = await expectApiError(await alex.get(`/${resource}/no-such-id`), 404);
      expect(error.reason).toContain('no-such-id');
      await expectApiError(await admin.patch(`/${resource}/no-such-id`, { description: 'x' }), 404);
      await expectApiError(await admin.delete(`/${resource}/no-such-id`), 404);
    }
    await expectApiError(await fetch(`${central.url}${TMF620}/productOffering`), 401);
  });

  it('refuses writes by anyone but an administrator with 403 and a reason', async () => {
    for (const client of [alex, morgan, tmf]) {
      const created = await expectApiError(await client.post('/category', { name: 'Rep category' }), 403);
      expect(created.reason).toContain('administrators');
      await expectApiError(await client.patch('/productOfferingPrice/price-fibre-500', { price: { unit: 'USD', value: 1 } }), 403);
      await expectApiError(await client.delete('/productOffering/off-static-ip'), 403);
    }
    expect(await alex.read('/productOfferingPrice/price-fibre-500')).toMatchObject({ price: { value: 149 } });
    expect((await alex.get('/productOffering/off-static-ip')).status).toBe(200);
    expect((await alex.get('/category?name=Rep%20category')).headers.get('x-total-count')).toBe('0');
  });

  it('creates each resource: 201, Location equals href, server-set id, @type and lastUpdate', async () => {
    const bodies: Record<string, Json> = {
      category: { name: 'IoT', isRoot: true },
      productSpecification: {
        name: 'IoT SIM',
        productSpecCharacteristic: [{ name: 'Data', productSpecCharacteristicValue: [{ value: '1 GB', isDefault: true }] }],
      },
      productOfferingPrice: {
        name: 'IoT monthly',
        priceType: 'recurring',
        recurringChargePeriodType: 'month',
        price: { unit: 'USD', value: 4.5 },
      },
      catalog: { name: 'IoT catalog', version: '2027.01', catalogType: 'productCatalog' },
      productOffering: {
        name: 'IoT Connect',
        lifecycleStatus: 'In Design',
        category: [{ id: 'cat-mobile' }],
        lastUpdate: '2000-01-01T00:00:00Z',
      },
    };
    for (const [resource, body] of Object.entries(bodies)) {
      const response = await admin.post(`/${resource}`, body);
      expect(response.status, resource).toBe(201);
      const created = (await response.json()) as Json;
      expect(response.headers.get('location')).toBe(created.href);
      expect(created.href).toBe(`${TMF620}/${resource}/${String(created.id)}`);
      expect(created).toMatchObject({ ...body, '@type': resource[0]?.toUpperCase() + resource.slice(1), lastUpdate: expect.any(String) });
      expect(Date.now() - Date.parse(String(created.lastUpdate))).toBeLessThan(60_000);
      expect(await alex.read(`/${resource}/${String(created.id)}`)).toEqual(created);
    }
  });

  it('validates bodies against *_Create and *_Update with reasons naming what to fix', async () => {
    const creates: [string, unknown, string][] = [
      ['/productOffering', {}, 'name is required'],
      ['/productOffering', { name: '  ' }, 'name is required'],
      ['/category', [{ name: 'x' }], 'Category_Create'],
      ['/catalog', { name: 'x', id: 'mine', href: '/x' }, 'id, href are set by the server'],
      ['/productOffering', { name: 'x', colour: 'red', state: 'active' }, 'colour, state cannot be sent in ProductOffering_Create'],
      ['/productOffering', { name: 'x', isBundle: 'yes' }, 'isBundle must be a boolean'],
      ['/productOffering', { name: 'x', category: 'Voice' }, 'category must be an array of objects'],
      [
        '/productOffering',
        { name: 'x', productOfferingPrice: [{ name: 'no id' }] },
        'productOfferingPrice[0] must reference a ProductOfferingPrice by its id',
      ],
      [
        '/productOffering',
        { name: 'x', productSpecification: { id: 'spec-nope' } },
        'ProductSpecification "spec-nope", which does not exist',
      ],
      ['/productOfferingPrice', { name: 'x', price: { value: 5 } }, 'price must be Money'],
      ['/productOfferingPrice', { name: 'x', percentage: 150 }, 'percentage must be from 0 to 100'],
      ['/productOfferingPrice', { name: 'x', recurringChargePeriodLength: 1.5 }, 'recurringChargePeriodLength must be an integer'],
      ['/productOfferingPrice', { name: 'x', prodSpecCharValueUse: [{ name: 'Plan' }] }, 'prodSpecCharValueUse[0]'],
      ['/catalog', { name: 'x', validFor: { startDateTime: 'soon' } }, 'validFor'],
    ];
    for (const [path, body, reason] of creates) {
      const error = await expectApiError(await admin.post(path, body), 400);
      expect(error.reason, JSON.stringify(body)).toContain(reason);
    }
    const patches: [unknown, string][] = [
      [{}, 'The patch is empty'],
      [{ '@type': 'Bundle', lastUpdate: '2026-01-01T00:00:00Z' }, '@type, lastUpdate cannot be sent in ProductOffering_Update'],
      [{ id: 'other' }, 'id is set by the server'],
      [{ name: null }, 'name is required'],
      [{ isSellable: 'no' }, 'isSellable must be a boolean'],
      [{ productOfferingPrice: [{ id: 'price-nope' }] }, 'ProductOfferingPrice "price-nope", which does not exist'],
    ];
    for (const [body, reason] of patches) {
      const error = await expectApiError(await admin.patch('/productOffering/off-static-ip', body), 400);
      expect(error.reason, JSON.stringify(body)).toContain(reason);
    }
    expect(await alex.read('/productOffering/off-static-ip')).toMatchObject({ name: 'Static IP Block', isSellable: true });
  });

  it('patches as a merge patch: nested objects merge, null removes, other attributes stay', async () => {
    const created = (await (
      await admin.post('/productOfferingPrice', {
        name: 'Router rental',
        description: 'Temporary',
        priceType: 'recurring',
        price: { unit: 'USD', value: 5 },
        version: '1',
      })
    ).json()) as Json;
    const path = `/productOfferingPrice/${String(created.id)}`;
    const patched = await admin.patch(path, { price: { value: 6.5 }, description: null }, 'application/merge-patch+json');
    expect(patched.status).toBe(200);
    const body = (await patched.json()) as Json;
    expect(body).toMatchObject({ name: 'Router rental', priceType: 'recurring', price: { unit: 'USD', value: 6.5 }, version: '1' });
    expect(body.description).toBeUndefined();
    expect(Date.parse(String(body.lastUpdate))).toBeGreaterThanOrEqual(Date.parse(String(created.lastUpdate)));
    expect(await alex.read(path)).toEqual(body);
  });

  it('deletes with 204, then 404; refuses with 409 while other resources still reference it', async () => {
    const category = (await (await admin.post('/category', { name: 'Short-lived' })).json()) as Json;
    expect((await admin.delete(`/category/${String(category.id)}`)).status).toBe(204);
    await expectApiError(await alex.get(`/category/${String(category.id)}`), 404);

    const inUse = await expectApiError(await admin.delete('/productOfferingPrice/price-fibre-500'), 409);
    expect(inUse.reason).toContain('productOffering off-fibre-internet (productOfferingPrice)');
    const discount = await expectApiError(await admin.delete('/productOfferingPrice/disc-fibre-internet-1'), 409);
    expect(discount.reason).toContain('productOfferingPrice price-fibre-500 (popRelationship)');
    const bundled = await expectApiError(await admin.delete('/productOffering/off-business-voice'), 409);
    expect(bundled.reason).toContain('productOffering off-office-connect-bundle (bundledProductOffering)');
    await expectApiError(await admin.delete('/category/cat-voice'), 409);
    expect((await alex.get('/productOfferingPrice/price-fibre-500')).status).toBe(200);
  });
});
