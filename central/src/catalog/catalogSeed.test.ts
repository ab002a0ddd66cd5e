import { describe, expect, it } from 'vitest';
import { expectApiError, api, pullAll, signIn, type Json } from '../test/client';
import { catalogClient } from '../test/catalogClient';
import { SEED_OFFERINGS } from './demoCatalog';
import { startCentralOn } from '../test/centralOn';
import { ENGINES } from '../test/harness';

describe.each(ENGINES)('TMF620 demo catalog across restarts on $name', (engine) => {
  it('seeds each catalog resource once: changes and deletions by the admin survive a restart', async () => {
    const storage = await engine.prepare(true);
    try {
      const first = await startCentralOn(storage.options);
      try {
        const admin = catalogClient(first.url, await signIn(first.url, 'admin'));
        expect((await admin.patch('/productOfferingPrice/price-mobile-plus', { price: { value: 42 } })).status).toBe(200);
        expect((await admin.delete('/productOffering/off-business-adsl')).status).toBe(204);
      } finally {
        await first.close();
      }

      const second = await startCentralOn(storage.options);
      try {
        const token = await signIn(second.url, 'alex');
        const alex = catalogClient(second.url, token);
        await expectApiError(await alex.get('/productOffering/off-business-adsl'), 404);
        expect(await alex.read('/productOfferingPrice/price-mobile-plus')).toMatchObject({ price: { value: 42 } });
        expect((await alex.get('/productOffering')).headers.get('x-total-count')).toBe(String(SEED_OFFERINGS.length - 1));
        const offerings = new Map((await pullAll(api(second.url, token), 'offerings')).documents.map((doc) => [doc.id, doc]));
        expect(offerings.get('off-business-adsl')?._deleted).toBe(true);
        const mobile = offerings.get('off-mobile-business') as Json;
        expect((mobile.prices as Json[]).find((price) => price.id === 'price-mobile-plus')?.amount).toBe(4200);
      } finally {
        await second.close();
      }
    } finally {
      await storage.dispose();
    }
  });
});
