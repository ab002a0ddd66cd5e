import { describe, expect, it } from 'vitest';
import { openPglite } from '../platform/db/pglite';
import { openPostgres } from '../platform/db/postgres';
import { expectApiError, signIn, type Json } from '../test/client';
import { catalogClient } from '../test/catalogClient';
import { startCentralOn } from '../test/centralOn';
import { ENGINES } from '../test/harness';

interface EventRow extends Record<string, unknown> {
  event_type: string;
  resource_name: string;
  resource_id: string;
  owner: string | null;
  payload: Json;
}

describe.each(ENGINES)('TMF620 notification events on $name', (engine) => {
  it('records Create, AttributeValueChange, StateChange and Delete events with the changes, and none for refused or empty ones', async () => {
    // A database that outlives the server, to read its event log after the HTTP calls.
    const storage = await engine.prepare(true);
    const central = await startCentralOn(storage.options);
    const url = central.url;
    let categoryId: string | undefined;
    try {
      const admin = catalogClient(url, await signIn(url, 'admin'));
      const alex = catalogClient(url, await signIn(url, 'alex'));

      const category = (await (await admin.post('/category', { name: 'Events', lifecycleStatus: 'In Design' })).json()) as Json;
      categoryId = String(category.id);
      expect((await admin.patch(`/category/${categoryId}`, { description: 'Watched' })).status).toBe(200);
      expect((await admin.patch(`/category/${categoryId}`, { lifecycleStatus: 'Launched', name: 'Events!' })).status).toBe(200);
      expect((await admin.patch(`/category/${categoryId}`, { name: 'Events!' })).status).toBe(200);
      await expectApiError(await admin.patch(`/category/${categoryId}`, { isRoot: 'yes' }), 400);
      await expectApiError(await alex.patch(`/category/${categoryId}`, { description: 'Mine' }), 403);
      expect((await admin.patch('/productOffering/off-static-ip', { lifecycleStatus: 'Retired' })).status).toBe(200);
      expect((await admin.patch('/productOfferingPrice/price-ip-29', { price: { value: 16 } })).status).toBe(200);
      expect((await admin.delete(`/category/${categoryId}`)).status).toBe(204);
    } finally {
      await central.close();
    }

    const db = storage.options.databaseUrl ? await openPostgres(storage.options.databaseUrl) : await openPglite(storage.options.dataDir);
    try {
      const rows = await db.query<EventRow>(
        `SELECT event_type, resource_name, resource_id, owner, payload FROM tmf_events WHERE domain = 'productCatalogManagement' ORDER BY seq`,
      );
      expect(rows.map((row) => [row.event_type, row.resource_name, row.resource_id, row.payload.fieldPath])).toEqual([
        ['CategoryCreateEvent', 'category', categoryId, undefined],
        ['CategoryAttributeValueChangeEvent', 'category', categoryId, 'description'],
        ['CategoryStateChangeEvent', 'category', categoryId, undefined],
        ['CategoryAttributeValueChangeEvent', 'category', categoryId, 'name'],
        ['ProductOfferingStateChangeEvent', 'productOffering', 'off-static-ip', undefined],
        ['ProductOfferingPriceAttributeValueChangeEvent', 'productOfferingPrice', 'price-ip-29', 'price'],
        ['CategoryDeleteEvent', 'category', categoryId, undefined],
      ]);
      for (const row of rows) expect(row.owner).toBeNull();
      const [created, , state] = rows;
      expect(created?.payload).toMatchObject({
        eventType: 'CategoryCreateEvent',
        domain: 'productCatalogManagement',
        event: { category: { id: categoryId, name: 'Events' } },
      });
      expect(state?.payload).toMatchObject({ event: { category: { lifecycleStatus: 'Launched', name: 'Events!' } } });
      expect(rows[5]?.payload).toMatchObject({ event: { productOfferingPrice: { id: 'price-ip-29', price: { unit: 'USD', value: 16 } } } });
    } finally {
      await db.close();
      await storage.dispose();
    }
  });
});
