/** Stopping and restarting the sync module: no write after stop, offline work kept and sent once. */
import { describe, expect, it, vi } from 'vitest';
import { collectionOf } from '../../renderer/data/database';
import { centralBehindProxy } from './centralBehindProxy';
import { centralOrdersFor, orderStatus, queuedOrder } from './queuedOrders';
import { waitFor, waitForStatus, type RepLaptop } from './syncHarness';

const setup = centralBehindProxy();

/** Signs in while the central system is reachable, syncs once, then loses the connection. */
async function laptopGoneOffline(): Promise<RepLaptop> {
  const rep = await setup.laptop('alex');
  await rep.sync.awaitInitialSync();
  setup.proxy.setDown(true);
  rep.sync.setNetworkAvailable(false);
  return rep;
}

describe('stopping and restarting sync', () => {
  it('stops without writing to the local store after stop, even when pulls are answered during it', async () => {
    const alex = await setup.laptop('alex');
    await alex.sync.awaitInitialSync();
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const writes = vi.spyOn(alex.db, 'upsertLocal');
      // Pulls that are answered only after the engine has been told to stop and the database closed.
      setup.proxy.delay('/sync/', 400);
      alex.sync.syncNow();
      await waitFor('pulls to be on their way', async () => setup.proxy.unanswered('/sync/') > 1);
      await setup.closeLast();
      const writesAtStop = writes.mock.calls.length;
      await waitFor(
        'the held pulls to be answered',
        async () => setup.proxy.unanswered('/sync/leads/pull') === 0 && setup.proxy.unanswered('/sync/orders/pull') === 0,
      );
      // What would go wrong happens right after an answer arrives; give it a moment to show.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(writes.mock.calls.length).toBe(writesAtStop);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('keeps work done offline across a restart and sends it once the central system is back', async () => {
    const first = await laptopGoneOffline();
    const order = await queuedOrder(first, {});
    await collectionOf(first.db, 'orders').insert(order);
    const offline = await waitForStatus(first.sync, 'offline with one change waiting', (s) => !s.online && s.pending === 1);
    expect(offline.online).toBe(false);
    const disk = first.disk;
    await setup.closeLast();

    // Restart: same disk, still no central system.
    const again = await setup.laptop('alex', { disk });
    expect((await orderStatus(again, order.id)())?.status).toBe('queued');
    await waitForStatus(again.sync, 'still one change waiting', (s) => !s.online && s.pending === 1);

    setup.proxy.setDown(false);
    again.sync.setNetworkAvailable(true);
    await waitFor('the order to be acknowledged', async () => (await orderStatus(again, order.id)())?.status === 'acknowledged');
    await waitForStatus(again.sync, 'online with nothing pending', (s) => s.online && s.pending === 0);
    expect(await centralOrdersFor(setup.url, order.id)).toHaveLength(1);
  });
});
