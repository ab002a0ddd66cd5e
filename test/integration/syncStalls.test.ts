import { describe, expect, it } from 'vitest';
import type { SyncOptions } from '../../renderer/sync/syncEngine';
import { editLeadOnCentral, leadOnCentral } from './centralAccess';
import { centralBehindProxy } from './centralBehindProxy';
import { waitFor, waitForStatus, type RepLaptop } from './syncHarness';

const setup = centralBehindProxy();

async function laptopViaProxy(sync: SyncOptions): Promise<RepLaptop> {
  const alex = await setup.laptop('alex', { sync });
  await alex.sync.awaitInitialSync();
  await waitForStatus(alex.sync, 'online', (s) => s.online);
  return alex;
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
    setup.proxy.hang('/sync/leads/push');
    await lead.incrementalPatch({ phone: '+1 555 0142', syncPending: true });
    const since = Date.now();

    // The status names the first channel that got stuck; on a loaded machine a pull the stream's
    // reconnect started can be slower than 2 s too, so wait for the push's reason, not any reason.
    const stuck = await waitForStatus(alex.sync, 'the status to say sending is stuck', (s) => /sending leads/.test(s.stuck ?? ''), 10_000);
    expect(Date.now() - since).toBeLessThan(10_000);
    expect(stuck.online).toBe(false);
    expect(stuck.stuck).toMatch(/the central system has not answered for \d+ s \(sending leads\)/);
    expect(setup.proxy.hanging()).toBeGreaterThan(0);
    // Other requests answering does not hide the push that hangs.
    alex.sync.syncNow();
    await waitForStatus(alex.sync, 'stuck through a timeout and a retry', (s) => s.stuck !== null && /sending leads/.test(s.stuck));

    setup.proxy.hang('');
    await waitFor(
      'the queued edit to reach the central system',
      async () => (await leadOnCentral(setup.url, 'alex', lead.id))?.phone === '+1 555 0142',
    );
    await waitForStatus(alex.sync, 'online with nothing pending', (s) => s.online && s.stuck === null && s.pending === 0);
  });

  it('still brings central changes when the live stream stays open but silent, and says so', async () => {
    const alex = await laptopViaProxy({ streamHeartbeatMs: 500, periodicPullMs: 4_000 });
    const lead = await firstLead(alex);
    setup.proxy.silenceStreams(true);
    const phones = ['+1 555 0161', '+1 555 0162', '+1 555 0163'];
    for (const phone of phones) {
      await editLeadOnCentral(setup.url, 'alex', lead.id, { phone });
      await waitFor(
        `central change ${phone} to reach the laptop`,
        async () => (await alex.db.leads.findOne(lead.id).exec())?.phone === phone,
      );
    }
    // As above: a slow pull may be the first reason for a while; the stream's must come within 10 s.
    const silent = await waitForStatus(
      alex.sync,
      'the status to say live updates stopped',
      (s) => /no live updates/.test(s.stuck ?? ''),
      10_000,
    );
    expect(silent.stuck).toMatch(/no live updates from the central system/);

    setup.proxy.silenceStreams(false);
    await waitForStatus(alex.sync, 'online again once the stream speaks', (s) => s.online && s.stuck === null, 10_000);
  });
});
