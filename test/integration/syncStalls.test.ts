import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCentral } from '../../central/src/server';
import type { SyncOptions } from '../../renderer/sync/syncEngine';
import { editLeadOnCentral, leadOnCentral } from './centralAccess';
import { startLossyProxy, type LossyProxy } from './lossyProxy';
import { openLaptop, waitFor, waitForStatus, type RepLaptop } from './syncHarness';

let central: Awaited<ReturnType<typeof createCentral>>;
let centralUrl: string;
let proxy: LossyProxy;
let open: RepLaptop | undefined;

beforeAll(async () => {
  central = await createCentral({ seed: true });
  centralUrl = await central.app.listen({ port: 0, host: '127.0.0.1' });
  proxy = await startLossyProxy(centralUrl);
});
afterEach(async () => {
  await open?.close();
  open = undefined;
  proxy.hang('');
  proxy.silenceStreams(false);
});
afterAll(async () => {
  await proxy.close();
  await central.close();
});

async function laptopViaProxy(sync: SyncOptions): Promise<RepLaptop> {
  open = await openLaptop({ signInUrl: centralUrl, syncUrl: proxy.url, username: 'alex', sync });
  await open.sync.awaitInitialSync();
  await waitForStatus(open.sync, 'online', (s) => s.online);
  return open;
}

async function firstLead(rep: RepLaptop) {
  const lead = (await rep.db.leads.find().exec())[0];
  if (!lead) throw new Error('alex has no seeded lead');
  return lead;
}

describe('sync that stalls without failing', () => {
  it('says sync is stuck within 10 s when a push is never answered, and sends the change once answers come again', async () => {
    const alex = await laptopViaProxy({ requestTimeoutMs: 3_000, slowAfterMs: 2_000 });
    const lead = await firstLead(alex);
    proxy.hang('/sync/leads/push');
    await lead.incrementalPatch({ phone: '+1 555 0142', syncPending: true });
    const since = Date.now();

    const stuck = await waitForStatus(alex.sync, 'the status to say sync is stuck', (s) => s.stuck !== null, 10_000);
    expect(Date.now() - since).toBeLessThan(10_000);
    expect(stuck.online).toBe(false);
    expect(stuck.stuck).toMatch(/the central system has not answered for \d+ s \(sending leads\)/);
    expect(proxy.hanging()).toBeGreaterThan(0);
    // Other requests answering does not hide the push that hangs.
    alex.sync.syncNow();
    await waitForStatus(alex.sync, 'stuck through a timeout and a retry', (s) => s.stuck !== null && /sending leads/.test(s.stuck));

    proxy.hang('');
    await waitFor(
      'the queued edit to reach the central system',
      async () => (await leadOnCentral(centralUrl, 'alex', lead.id))?.phone === '+1 555 0142',
    );
    await waitForStatus(alex.sync, 'online with nothing pending', (s) => s.online && s.stuck === null && s.pending === 0);
  });

  it('still brings central changes when the live stream stays open but silent, and says so', async () => {
    const alex = await laptopViaProxy({ streamHeartbeatMs: 500, periodicPullMs: 4_000 });
    const lead = await firstLead(alex);
    proxy.silenceStreams(true);
    const phones = ['+1 555 0161', '+1 555 0162', '+1 555 0163'];
    for (const phone of phones) {
      await editLeadOnCentral(centralUrl, 'alex', lead.id, { phone });
      await waitFor(
        `central change ${phone} to reach the laptop`,
        async () => (await alex.db.leads.findOne(lead.id).exec())?.phone === phone,
      );
    }
    const silent = await waitForStatus(alex.sync, 'the status to say live updates stopped', (s) => s.stuck !== null, 10_000);
    expect(silent.stuck).toMatch(/no live updates from the central system/);

    proxy.silenceStreams(false);
    await waitForStatus(alex.sync, 'online again once the stream speaks', (s) => s.online && s.stuck === null, 10_000);
  });
});
