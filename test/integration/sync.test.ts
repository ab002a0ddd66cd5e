import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCentral } from '../../central/src/server';
import { IDBKeyRange } from 'fake-indexeddb';
import { collectionOf, openDatabase } from '../../renderer/data/database';
import { newId } from '../../shared/ids';
import { defaultCharacteristics, priceItems } from '../../shared/pricing/engine';
import type { OrderDoc } from '../../shared/schemas';
import { leadOnCentral } from './centralAccess';
import { startLossyProxy, type LossyProxy } from './lossyProxy';
import { dumpDisk } from './rawDisk';
import type { SyncOptions } from '../../renderer/sync/syncEngine';
import { openLaptop, waitFor, waitForStatus, type RepLaptop } from './syncHarness';

let central: Awaited<ReturnType<typeof createCentral>>;
let centralUrl: string;
let proxy: LossyProxy;
const open: RepLaptop[] = [];

beforeAll(async () => {
  central = await createCentral({ seed: true });
  centralUrl = await central.app.listen({ port: 0, host: '127.0.0.1' });
  proxy = await startLossyProxy(centralUrl);
});
afterEach(async () => {
  // RxDB's free edition allows 13 open collections per process: one laptop at a time.
  while (open.length) await open.pop()?.close();
  proxy.setDown(false);
  proxy.delay('', 0);
  proxy.hang('');
  proxy.silenceStreams(false);
});
afterAll(async () => {
  await proxy.close();
  await central.close();
});

async function laptop(
  username: string,
  options: { viaProxy?: boolean; disk?: RepLaptop['disk']; sync?: SyncOptions } = {},
): Promise<RepLaptop> {
  const rep = await openLaptop({
    signInUrl: centralUrl,
    syncUrl: options.viaProxy ? proxy.url : centralUrl,
    username,
    disk: options.disk,
    sync: options.sync,
  });
  open.push(rep);
  return rep;
}

async function centralOrdersFor(externalId: string): Promise<{ id: string; state: string; externalId: string }[]> {
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: 'tmf-client', client_secret: 'demo' });
  const token = (await (await fetch(`${centralUrl}/oauth/token`, { method: 'POST', body: form })).json()) as { access_token: string };
  const response = await fetch(`${centralUrl}/tmf-api/productOrderingManagement/v4/productOrder?externalId=${externalId}`, {
    headers: { authorization: `Bearer ${token.access_token}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { id: string; state: string; externalId: string }[];
}

/** A complete order, as the order screen would queue it, for one of the rep's accounts. */
async function queuedOrder(rep: RepLaptop, changes: Partial<OrderDoc> = {}): Promise<OrderDoc> {
  const account = (await rep.db.accounts.find().exec())[0]?.toMutableJSON();
  const catalog = (await rep.db.offerings.find().exec()).map((d) => d.toMutableJSON());
  const offering = catalog.find((o) => o.lifecycleStatus === 'Launched' && !o.isBundle);
  if (!account || !offering) throw new Error('the first sync brought no account or no offering');
  const priced = priceItems(
    [{ id: '01', offeringId: offering.id, quantity: 2, characteristics: defaultCharacteristics(offering) }],
    catalog,
  );
  const now = new Date().toISOString();
  return {
    id: newId(),
    owner: rep.user.id,
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
    serviceAddress: { street: '1 Main St', city: 'Springfield', postcode: '12345', country: 'US' },
    submittedAt: now,
    ...changes,
  };
}

const orderStatus = (rep: RepLaptop, id: string) => async () => (await rep.db.orders.findOne(id).exec())?.toMutableJSON();

describe('the app sync module against a real central system', () => {
  it("first sync brings the catalog, the rule sets and only the rep's own accounts and leads", async () => {
    const alex = await laptop('alex');
    await alex.sync.awaitInitialSync();
    const status = await waitForStatus(
      alex.sync,
      'online and caught up',
      (s) => s.online && s.lastSyncAt !== null && s.initialSync === null,
    );
    expect(status.pending).toBe(0);
    expect(await alex.db.offerings.count().exec()).toBeGreaterThan(5);
    const ruleSets = (await alex.db.ruleSets.find().exec()).map((d) => d.engine);
    expect(ruleSets.sort()).toEqual(['channel', 'qualification', 'rating']);
    const accounts = await alex.db.accounts.find().exec();
    const leads = await alex.db.leads.find().exec();
    expect(accounts.length).toBeGreaterThan(0);
    expect(leads.length).toBeGreaterThan(0);
    expect([...accounts, ...leads].every((d) => d.owner === alex.user.id)).toBe(true);
  });

  it("stores the rep's personal data encrypted, and only the right key opens it", async () => {
    const alex = await laptop('alex');
    await alex.sync.awaitInitialSync();
    const lead = (await alex.db.leads.find().exec()).map((d) => d.toMutableJSON()).find((l) => l.email);
    if (!lead?.email) throw new Error('alex has no seeded lead with an email');
    const onDisk = await dumpDisk(alex.disk);
    expect(onDisk).toContain(lead.company); // business data, readable: the dump does see documents
    expect(onDisk).not.toContain(lead.email);
    expect(onDisk).not.toContain(lead.contactName);

    const disk = alex.disk;
    await open.pop()?.close();
    await expect(
      openDatabase({ userId: alex.user.id, storageKey: 'not-the-key', dexie: { indexedDB: disk, IDBKeyRange } }),
    ).rejects.toThrow();
  });

  it('ingests a queued order exactly once even when the response to its push is lost', async () => {
    const alex = await laptop('alex', { viaProxy: true });
    await alex.sync.awaitInitialSync();
    proxy.dropResponses('/sync/orders/push', 2);
    const order = await queuedOrder(alex);
    await collectionOf(alex.db, 'orders').insert(order);

    const synced = await waitFor('the order to be acknowledged', async () => {
      const doc = await orderStatus(alex, order.id)();
      return doc?.status === 'acknowledged' && !doc.syncPending ? doc : undefined;
    });
    expect(proxy.dropped()).toBe(2);
    expect(synced.tmfOrderId).toBeTruthy();
    expect(synced.conflictCopy).toBeUndefined();
    const ingested = await centralOrdersFor(order.id);
    expect(ingested).toHaveLength(1);
    expect(ingested[0]).toMatchObject({ id: synced.tmfOrderId, externalId: order.id, state: 'acknowledged' });
    await waitForStatus(alex.sync, 'nothing pending', (s) => s.pending === 0);
  });

  it("shows a refused order's reason on that record and still ingests the others", async () => {
    const alex = await laptop('alex');
    await alex.sync.awaitInitialSync();
    const broken = await queuedOrder(alex, { billingAccount: '' });
    const good = await queuedOrder(alex);
    await collectionOf(alex.db, 'orders').bulkInsert([broken, good]);

    const refused = await waitFor('the refusal to come back', async () => (await orderStatus(alex, broken.id)())?.syncError);
    expect(refused.reason).toMatch(/billing account/i);
    await waitFor('the good order to be acknowledged', async () => (await orderStatus(alex, good.id)())?.status === 'acknowledged');
    expect(await centralOrdersFor(broken.id)).toHaveLength(0);
    expect(await centralOrdersFor(good.id)).toHaveLength(1);
  });

  it('takes a quick second edit as an edit, not a conflict', async () => {
    const alex = await laptop('alex', { viaProxy: true });
    await alex.sync.awaitInitialSync();
    const lead = (await alex.db.leads.find().exec())[0];
    if (!lead) throw new Error('alex has no seeded lead');
    // Hold pulls back so the second edit is made before the first one's stored form comes back.
    proxy.delay('/sync/leads/pull', 1_500);
    await lead.incrementalPatch({ phone: '+1 555 0100' });
    await waitFor('the first edit to reach the central system', async () => {
      const [master] = await pullLead(alex, lead.id);
      return master?.phone === '+1 555 0100';
    });
    await lead.incrementalPatch({ phone: '+1 555 0199' });
    await waitFor('the second edit to be stored centrally', async () => (await pullLead(alex, lead.id))[0]?.phone === '+1 555 0199');
    await waitForStatus(alex.sync, 'nothing pending', (s) => s.pending === 0);
    const local = await alex.db.leads.findOne(lead.id).exec();
    expect(local?.phone).toBe('+1 555 0199');
    expect(local?.conflictCopy).toBeUndefined();
  });

  it("keeps the rep's last edit when the answer to the push of the edit before was lost", async () => {
    const alex = await laptop('alex', { viaProxy: true, sync: { requestTimeoutMs: 1_000 } });
    await alex.sync.awaitInitialSync();
    const lead = (await alex.db.leads.find().exec())[0];
    if (!lead) throw new Error('alex has no seeded lead');
    // The central system stores the first edit, its answer is lost, and the retry waits until the second edit is made.
    const droppedBefore = proxy.dropped();
    proxy.dropResponses('/sync/leads/push', 1, { thenHang: true });
    await lead.incrementalPatch({ phone: '+1 555 0171', syncPending: true });
    await waitFor(
      'the first edit to be stored centrally with its answer lost',
      async () => proxy.dropped() === droppedBefore + 1 && (await leadOnCentral(centralUrl, 'alex', lead.id))?.phone === '+1 555 0171',
    );
    await (await alex.db.leads.findOne(lead.id).exec())?.incrementalPatch({ phone: '+1 555 0172', syncPending: true });
    proxy.hang('');

    await waitFor(
      'the last edit to be stored centrally',
      async () => (await leadOnCentral(centralUrl, 'alex', lead.id))?.phone === '+1 555 0172',
    );
    await waitForStatus(alex.sync, 'nothing pending', (s) => s.pending === 0);
    const local = (await alex.db.leads.findOne(lead.id).exec())?.toMutableJSON();
    expect(local?.phone).toBe('+1 555 0172');
    expect(local?.conflictCopy).toBeUndefined();
  });

  it("keeps the rep's last edit when the app restarts between a lost push answer and the next edit", async () => {
    const first = await laptop('alex', { viaProxy: true, sync: { requestTimeoutMs: 1_000 } });
    await first.sync.awaitInitialSync();
    const lead = (await first.db.leads.find().exec())[0];
    if (!lead) throw new Error('alex has no seeded lead');
    const droppedBefore = proxy.dropped();
    proxy.dropResponses('/sync/leads/push', 1, { thenHang: true });
    await lead.incrementalPatch({ phone: '+1 555 0181', syncPending: true });
    await waitFor(
      'the first edit to be stored centrally with its answer lost',
      async () => proxy.dropped() === droppedBefore + 1 && (await leadOnCentral(centralUrl, 'alex', lead.id))?.phone === '+1 555 0181',
    );
    const disk = first.disk;
    await open.pop()?.close();

    // Restart on the same disk; pushes still hang, so the rep's next edit is made before any push is answered.
    const again = await laptop('alex', { viaProxy: true, disk, sync: { requestTimeoutMs: 1_000 } });
    await (await again.db.leads.findOne(lead.id).exec())?.incrementalPatch({ phone: '+1 555 0182', syncPending: true });
    proxy.hang('');

    await waitFor(
      'the last edit to be stored centrally',
      async () => (await leadOnCentral(centralUrl, 'alex', lead.id))?.phone === '+1 555 0182',
    );
    await waitForStatus(again.sync, 'nothing pending', (s) => s.pending === 0);
    const local = (await again.db.leads.findOne(lead.id).exec())?.toMutableJSON();
    expect(local?.phone).toBe('+1 555 0182');
    expect(local?.conflictCopy).toBeUndefined();
    // What the laptop keeps about unanswered pushes holds the rep's data: never in clear on the disk.
    expect(JSON.stringify(await dumpDisk(disk))).not.toContain('+1 555 0181');
  });

  it('stops without writing to the local store after stop, even when pulls are answered during it', async () => {
    const alex = await laptop('alex', { viaProxy: true });
    await alex.sync.awaitInitialSync();
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const writes = vi.spyOn(alex.db, 'upsertLocal');
      // Pulls that are answered only after the engine has been told to stop and the database closed.
      proxy.delay('/sync/', 400);
      alex.sync.syncNow();
      await waitFor('pulls to be on their way', async () => proxy.unanswered('/sync/') > 1);
      await open.pop()?.close();
      const writesAtStop = writes.mock.calls.length;
      await waitFor(
        'the held pulls to be answered',
        async () => proxy.unanswered('/sync/leads/pull') === 0 && proxy.unanswered('/sync/orders/pull') === 0,
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
    const first = await openLaptopOffline();
    const order = await queuedOrder(first, {});
    await collectionOf(first.db, 'orders').insert(order);
    const offline = await waitForStatus(first.sync, 'offline with one change waiting', (s) => !s.online && s.pending === 1);
    expect(offline.online).toBe(false);
    const disk = first.disk;
    await open.pop()?.close();

    // Restart: same disk, still no central system.
    const again = await laptop('alex', { viaProxy: true, disk });
    expect((await orderStatus(again, order.id)())?.status).toBe('queued');
    await waitForStatus(again.sync, 'still one change waiting', (s) => !s.online && s.pending === 1);

    proxy.setDown(false);
    again.sync.setNetworkAvailable(true);
    await waitFor('the order to be acknowledged', async () => (await orderStatus(again, order.id)())?.status === 'acknowledged');
    await waitForStatus(again.sync, 'online with nothing pending', (s) => s.online && s.pending === 0);
    expect(await centralOrdersFor(order.id)).toHaveLength(1);
  });
});

/** The central system's copy of one of the rep's leads, read with the rep's own token. */
async function pullLead(rep: RepLaptop, id: string): Promise<{ phone?: string }[]> {
  const form = new URLSearchParams({ grant_type: 'password', client_id: 'outpost-desktop', username: rep.user.username, password: 'demo' });
  const token = (await (await fetch(`${centralUrl}/oauth/token`, { method: 'POST', body: form })).json()) as { access_token: string };
  const response = await fetch(`${centralUrl}/sync/leads/pull?seq=0&limit=500`, {
    headers: { authorization: `Bearer ${token.access_token}` },
  });
  const body = (await response.json()) as { documents: { id: string; phone?: string }[] };
  return body.documents.filter((d) => d.id === id);
}

/** Signs in while the central system is reachable, syncs once, then loses the connection. */
async function openLaptopOffline(): Promise<RepLaptop> {
  proxy.setDown(false);
  const rep = await laptop('alex', { viaProxy: true });
  await rep.sync.awaitInitialSync();
  proxy.setDown(true);
  rep.sync.setNetworkAvailable(false);
  return rep;
}
