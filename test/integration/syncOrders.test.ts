/** Queued orders against a real central system: exactly once through lost answers, refusals on their own record. */
import { describe, expect, it } from 'vitest';
import { collectionOf } from '../../renderer/data/database';
import { centralBehindProxy } from './centralBehindProxy';
import { centralOrdersFor, orderStatus, queuedOrder } from './queuedOrders';
import { waitFor, waitForStatus } from './syncHarness';

const setup = centralBehindProxy();

describe('queued orders', () => {
  it('are ingested exactly once even when the response to their push is lost', async () => {
    const alex = await setup.laptop('alex');
    await alex.sync.awaitInitialSync();
    setup.proxy.dropResponses('/sync/orders/push', 2);
    const order = await queuedOrder(alex);
    await collectionOf(alex.db, 'orders').insert(order);

    const synced = await waitFor('the order to be acknowledged', async () => {
      const doc = await orderStatus(alex, order.id)();
      return doc?.status === 'acknowledged' && !doc.syncPending ? doc : undefined;
    });
    expect(setup.proxy.dropped()).toBe(2);
    expect(synced.tmfOrderId).toBeTruthy();
    expect(synced.conflictCopy).toBeUndefined();
    const ingested = await centralOrdersFor(setup.url, order.id);
    expect(ingested).toHaveLength(1);
    expect(ingested[0]).toMatchObject({ id: synced.tmfOrderId, externalId: order.id, state: 'acknowledged' });
    await waitForStatus(alex.sync, 'nothing pending', (s) => s.pending === 0);
  });

  it("show a refused order's reason on that record and the others are still ingested", async () => {
    const alex = await setup.laptop('alex', { direct: true });
    await alex.sync.awaitInitialSync();
    const broken = await queuedOrder(alex, { billingAccount: '' });
    const good = await queuedOrder(alex);
    await collectionOf(alex.db, 'orders').bulkInsert([broken, good]);

    const refused = await waitFor('the refusal to come back', async () => (await orderStatus(alex, broken.id)())?.syncError);
    expect(refused.reason).toMatch(/billing account/i);
    await waitFor('the good order to be acknowledged', async () => (await orderStatus(alex, good.id)())?.status === 'acknowledged');
    expect(await centralOrdersFor(setup.url, broken.id)).toHaveLength(0);
    expect(await centralOrdersFor(setup.url, good.id)).toHaveLength(1);
  });
});
