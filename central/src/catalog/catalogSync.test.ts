import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OfferingDoc } from '../../../shared/schemas';
import { SEED_OFFERINGS } from './demoCatalog';
import { ENGINES, startCentral, type TestCentral } from '../test/harness';
import { api, expectApiError, pullAll, signIn, type Api, type Json } from '../test/client';
import { catalogClient, type CatalogClient } from '../test/catalogClient';
import { openStream } from '../test/eventStream';

type PulledOffering = OfferingDoc & { _deleted: boolean };

describe.each(ENGINES)('TMF620 catalog changes reach the reps by sync on $name', (engine) => {
  let central: TestCentral;
  let admin: CatalogClient;
  let rep: CatalogClient;
  let alex: Api;
  let alexToken: string;
  /** alex's checkpoint: each test pulls only what changed since the previous one. */
  let seq = 0;
  beforeAll(async () => {
    central = await startCentral(engine);
    admin = catalogClient(central.url, await signIn(central.url, 'admin'));
    alexToken = await signIn(central.url, 'alex');
    rep = catalogClient(central.url, alexToken);
    alex = api(central.url, alexToken);
  });
  afterAll(() => central?.close());

  /** What alex's app receives since the last call, by offering id. */
  async function pullChanges(): Promise<Map<string, PulledOffering>> {
    const page = await pullAll(alex, 'offerings', seq);
    seq = page.seq;
    return new Map(page.documents.map((doc) => [String(doc.id), doc as unknown as PulledOffering]));
  }

  it('gives the reps the seeded offerings, projected from the TMF620 catalog, exactly as authored', async () => {
    const pulled = [...(await pullChanges()).values()];
    expect(pulled.map(({ _deleted, ...doc }) => (expect(_deleted).toBe(false), doc))).toEqual(
      expect.arrayContaining(SEED_OFFERINGS.map((doc) => ({ ...doc }))),
    );
    expect(pulled).toHaveLength(SEED_OFFERINGS.length);
  });

  it('sends a price the admin changed to the reps at once, with a higher seq', async () => {
    const stream = await openStream(central.url, alexToken);
    try {
      await stream.next((event) => event.event === 'hello');
      const before = seq;
      const patched = await admin.patch('/productOfferingPrice/price-fibre-500', { price: { value: 159 } });
      expect(patched.status).toBe(200);
      const change = await stream.next((event) => event.event === 'change' && event.data.includes('offerings'));
      expect(JSON.parse(change.data)).toMatchObject({ collection: 'offerings' });
      const changes = await pullChanges();
      expect([...changes.keys()]).toEqual(['off-fibre-internet']);
      const fibre = changes.get('off-fibre-internet') as PulledOffering;
      expect(fibre.prices.find((price) => price.id === 'price-fibre-500')?.amount).toBe(15900);
      expect(fibre.updatedAt).toBe(((await patched.json()) as Json).lastUpdate);
      expect(seq).toBeGreaterThan(before);
    } finally {
      stream.close();
    }
  });

  it('follows the specification and the offering: characteristics, state and name', async () => {
    const spec = await rep.read<Json>('/productSpecification/spec-static-ip');
    const characteristics = spec.productSpecCharacteristic as Json[];
    const block = characteristics[0] as Json;
    const values = [...(block.productSpecCharacteristicValue as Json[]), { value: '/27 (29 usable)', isDefault: false }];
    expect(
      (
        await admin.patch('/productSpecification/spec-static-ip', {
          productSpecCharacteristic: [{ ...block, productSpecCharacteristicValue: values }],
        })
      ).status,
    ).toBe(200);
    expect(
      (await admin.patch('/productOffering/off-sdwan-edge', { lifecycleStatus: 'Retired', name: 'SD-WAN Edge (legacy)' })).status,
    ).toBe(200);
    const changes = await pullChanges();
    expect([...changes.keys()].sort()).toEqual(['off-sdwan-edge', 'off-static-ip']);
    expect(changes.get('off-static-ip')?.characteristics[0]?.values).toEqual(['/29 (5 usable)', '/28 (13 usable)', '/27 (29 usable)']);
    expect(changes.get('off-sdwan-edge')).toMatchObject({ lifecycleStatus: 'Retired', name: 'SD-WAN Edge (legacy)', _deleted: false });
  });

  it('renames the category on every offering of a renamed Category', async () => {
    expect((await admin.patch('/category/cat-connectivity', { name: 'Internet access' })).status).toBe(200);
    const changes = await pullChanges();
    expect([...changes.keys()].sort()).toEqual(['off-5g-access', 'off-business-adsl', 'off-fibre-internet', 'off-static-ip']);
    for (const doc of changes.values()) expect(doc.category).toBe('Internet access');
  });

  it('publishes a new offering with its new price, and marks a deleted offering deleted', async () => {
    const price = (await (
      await admin.post('/productOfferingPrice', {
        name: 'Monthly fee',
        priceType: 'recurring',
        recurringChargePeriodType: 'month',
        price: { unit: 'USD', value: 19 },
      })
    ).json()) as Json;
    expect(await pullChanges()).toEqual(new Map());
    const created = (await (
      await admin.post('/productOffering', {
        name: 'Backup 4G',
        lifecycleStatus: 'Launched',
        version: '2026.11',
        category: [{ id: 'cat-mobile' }],
        productOfferingPrice: [{ id: price.id }],
      })
    ).json()) as Json;
    const added = (await pullChanges()).get(String(created.id));
    expect(added).toMatchObject({
      name: 'Backup 4G',
      category: 'Mobile',
      lifecycleStatus: 'Launched',
      catalogVersion: '2026.11',
      isBundle: false,
      characteristics: [],
      discounts: [],
      prices: [
        { id: price.id, name: 'Monthly fee', priceType: 'recurring', recurringChargePeriod: 'month', amount: 1900, currency: 'USD' },
      ],
    });

    expect((await admin.delete(`/productOffering/${String(created.id)}`)).status).toBe(204);
    const deleted = (await pullChanges()).get(String(created.id));
    expect(deleted?._deleted).toBe(true);
    // Its price is no longer used and can go too; nothing the reps hold depends on it.
    expect((await admin.delete(`/productOfferingPrice/${String(price.id)}`)).status).toBe(204);
    expect(await pullChanges()).toEqual(new Map());
  });

  it('changes nothing for the reps when a write is refused or changes nothing', async () => {
    for (const response of [
      await rep.patch('/productOfferingPrice/price-fibre-100', { price: { value: 1 } }),
      await rep.post('/productOffering', { name: 'Rep special' }),
      await rep.delete('/productOffering/off-static-ip'),
    ])
      await expectApiError(response, 403);
    await expectApiError(await admin.patch('/productOffering/off-static-ip', { productOfferingPrice: [{ id: 'price-nope' }] }), 400);
    expect((await admin.patch('/productOfferingPrice/price-fibre-100', { price: { value: 79 } })).status).toBe(200);
    expect(await pullChanges()).toEqual(new Map());
  });

  it('stops new orders for an offering the admin retired in the catalog', async () => {
    expect((await admin.patch('/productOffering/off-managed-firewall', { lifecycleStatus: 'Retired' })).status).toBe(200);
    const response = await api(central.url, await signIn(central.url, 'admin')).post('/tmf-api/productOrderingManagement/v4/productOrder', {
      productOrderItem: [{ id: '01', action: 'add', quantity: 1, productOffering: { id: 'off-managed-firewall' } }],
      relatedParty: [{ id: 'acct-harbor-logistics', '@referredType': 'Organization', role: 'customer' }],
    });
    expect(response.status).toBe(201);
    const order = (await response.json()) as Json;
    expect(order.state).toBe('rejected');
    expect(JSON.stringify(order.note)).toContain('Retired');
  });
});
