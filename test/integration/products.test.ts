import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCentral } from '../../central/src/server';
import { seededPglite } from '../../central/src/test/harness';
import { collectionOf } from '../../renderer/data/database';
import { newId } from '../../shared/ids';
import { defaultCharacteristics, priceItems } from '../../shared/pricing/engine';
import type { OrderDoc } from '../../shared/schemas';
import { openLaptop, waitFor, waitForStatus, type RepLaptop } from './syncHarness';

let central: Awaited<ReturnType<typeof createCentral>>;
let centralUrl: string;
let alex: RepLaptop | undefined;

beforeAll(async () => {
  central = await createCentral({ ...(await seededPglite()), seed: true, fulfillment: { seed: 1, falloutRate: 0 } });
  centralUrl = await central.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await alex?.close();
  await central.close();
});

async function adminStep(orderId: string): Promise<void> {
  const form = new URLSearchParams({ grant_type: 'password', username: 'admin', password: 'demo', client_id: 'outpost-desktop' });
  const token = (await (await fetch(`${centralUrl}/oauth/token`, { method: 'POST', body: form })).json()) as { access_token: string };
  const response = await fetch(`${centralUrl}/admin/fulfillment/step`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ orderId }),
  });
  expect(response.status).toBe(200);
}

describe('installed products in the app', () => {
  it("arrive read-only in the rep's local store once the order is fulfilled, with nothing to push", async () => {
    alex = await openLaptop({ signInUrl: centralUrl, username: 'alex' });
    await alex.sync.awaitInitialSync();
    const account = (await alex.db.accounts.find().exec())[0]?.toMutableJSON();
    const catalog = (await alex.db.offerings.find().exec()).map((d) => d.toMutableJSON());
    const offering = catalog.find((o) => o.id === 'off-fibre-internet');
    if (!account || !offering) throw new Error('the first sync brought no account or no fibre offering');
    const priced = priceItems(
      [{ id: '01', offeringId: offering.id, quantity: 1, characteristics: defaultCharacteristics(offering) }],
      catalog,
    );
    const now = new Date().toISOString();
    const order: OrderDoc = {
      id: newId(),
      owner: alex.user.id,
      createdAt: now,
      updatedAt: now,
      syncPending: true,
      quoteId: newId(),
      accountId: account.id,
      accountName: account.name,
      status: 'queued',
      items: priced.items,
      totals: priced.totals,
      catalogVersion: offering.catalogVersion,
      billingAccount: account.billingAccounts?.[0]?.id ?? 'BA-TEST',
      submittedAt: now,
      serviceAddress: { street: '1 Main St', city: 'Springfield', postcode: '12345', country: 'US' },
    };
    await collectionOf(alex.db, 'orders').insert(order);
    const laptop = alex;
    const acknowledged = await waitFor('the order to be acknowledged', async () => {
      const doc = (await laptop.db.orders.findOne(order.id).exec())?.toMutableJSON();
      return doc?.status === 'acknowledged' && doc.tmfOrderId ? doc : undefined;
    });

    await adminStep(acknowledged.tmfOrderId ?? '');
    await adminStep(acknowledged.tmfOrderId ?? '');

    const [product] = await waitFor('the installed product', async () => {
      const found = (await laptop.db.products.find({ selector: { accountId: account.id } }).exec()).map((d) => d.toMutableJSON());
      return found.length > 0 ? found : undefined;
    });
    expect(product).toMatchObject({
      owner: alex.user.id,
      offeringId: 'off-fibre-internet',
      status: 'active',
      orderId: order.id,
      syncPending: false,
    });
    // Orders and products replicate independently (one pull per collection and change event), so
    // the product may land before the order's pull that brings `completed`: wait for both.
    await waitFor('the order to show completed', async () =>
      (await laptop.db.orders.findOne(order.id).exec())?.status === 'completed' ? true : undefined,
    );
    await waitForStatus(laptop.sync, 'nothing pending', (s) => s.pending === 0 && s.online);
  });
});
