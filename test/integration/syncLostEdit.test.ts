/**
 * The rep's last edit wins when pushes and their answers cross (issue "Trust", lost edit): a quick
 * second edit, a lost push answer, and a restart in between are edits, never conflicts.
 */
import { describe, expect, it } from 'vitest';
import { leadOnCentral } from './centralAccess';
import { centralBehindProxy } from './centralBehindProxy';
import { dumpDisk } from './rawDisk';
import { waitFor, waitForStatus, type RepLaptop } from './syncHarness';

const setup = centralBehindProxy();

async function firstLead(rep: RepLaptop) {
  await rep.sync.awaitInitialSync();
  const lead = (await rep.db.leads.find().exec())[0];
  if (!lead) throw new Error('alex has no seeded lead');
  return lead;
}

const phoneOnCentral = async (id: string) => (await leadOnCentral(setup.url, 'alex', id))?.phone;

describe("the rep's last edit", () => {
  it('takes a quick second edit as an edit, not a conflict', async () => {
    const alex = await setup.laptop('alex');
    const lead = await firstLead(alex);
    // Hold pulls back so the second edit is made before the first one's stored form comes back.
    setup.proxy.delay('/sync/leads/pull', 1_500);
    await lead.incrementalPatch({ phone: '+1 555 0100' });
    await waitFor('the first edit to reach the central system', async () => (await phoneOnCentral(lead.id)) === '+1 555 0100');
    await lead.incrementalPatch({ phone: '+1 555 0199' });
    await waitFor('the second edit to be stored centrally', async () => (await phoneOnCentral(lead.id)) === '+1 555 0199');
    await waitForStatus(alex.sync, 'nothing pending', (s) => s.pending === 0);
    const local = await alex.db.leads.findOne(lead.id).exec();
    expect(local?.phone).toBe('+1 555 0199');
    expect(local?.conflictCopy).toBeUndefined();
  });

  it('survives when the answer to the push of the edit before was lost', async () => {
    const alex = await setup.laptop('alex', { sync: { requestTimeoutMs: 1_000 } });
    const lead = await firstLead(alex);
    // The central system stores the first edit, its answer is lost, and the retry waits until the second edit is made.
    const droppedBefore = setup.proxy.dropped();
    setup.proxy.dropResponses('/sync/leads/push', 1, { thenHang: true });
    await lead.incrementalPatch({ phone: '+1 555 0171', syncPending: true });
    await waitFor(
      'the first edit to be stored centrally with its answer lost',
      async () => setup.proxy.dropped() === droppedBefore + 1 && (await phoneOnCentral(lead.id)) === '+1 555 0171',
    );
    await (await alex.db.leads.findOne(lead.id).exec())?.incrementalPatch({ phone: '+1 555 0172', syncPending: true });
    setup.proxy.hang('');

    await waitFor('the last edit to be stored centrally', async () => (await phoneOnCentral(lead.id)) === '+1 555 0172');
    await waitForStatus(alex.sync, 'nothing pending', (s) => s.pending === 0);
    const local = (await alex.db.leads.findOne(lead.id).exec())?.toMutableJSON();
    expect(local?.phone).toBe('+1 555 0172');
    expect(local?.conflictCopy).toBeUndefined();
  });

  it('takes the fix of a refused edit whose refusal never reached the laptop', async () => {
    const alex = await setup.laptop('alex', { sync: { requestTimeoutMs: 1_000 } });
    const lead = await firstLead(alex);
    // The central system refuses the first edit and stores the refusal; its answer is lost, and the retry waits for the fix.
    const droppedBefore = setup.proxy.dropped();
    setup.proxy.dropResponses('/sync/leads/push', 1, { thenHang: true });
    await lead.incrementalPatch({ email: 'robin-at-refused', syncPending: true });
    await waitFor(
      'the refusal of the first edit to be stored centrally with its answer lost',
      async () => setup.proxy.dropped() === droppedBefore + 1 && (await leadOnCentral(setup.url, 'alex', lead.id))?.syncError !== undefined,
    );
    await (await alex.db.leads.findOne(lead.id).exec())?.incrementalPatch({ email: 'robin@refused.example', syncPending: true });
    setup.proxy.hang('');

    await waitFor('the fix to be accepted centrally', async () => {
      const central = await leadOnCentral(setup.url, 'alex', lead.id);
      return central?.email === 'robin@refused.example' && central.syncError === undefined;
    });
    await waitForStatus(alex.sync, 'nothing pending', (s) => s.pending === 0);
    const local = (await alex.db.leads.findOne(lead.id).exec())?.toMutableJSON();
    expect(local?.email).toBe('robin@refused.example');
    expect(local?.syncError).toBeUndefined();
    expect(local?.conflictCopy).toBeUndefined();
  });

  it('survives the app restarting between a lost push answer and the next edit', async () => {
    const first = await setup.laptop('alex', { sync: { requestTimeoutMs: 1_000 } });
    const lead = await firstLead(first);
    const droppedBefore = setup.proxy.dropped();
    setup.proxy.dropResponses('/sync/leads/push', 1, { thenHang: true });
    await lead.incrementalPatch({ phone: '+1 555 0181', syncPending: true });
    await waitFor(
      'the first edit to be stored centrally with its answer lost',
      async () => setup.proxy.dropped() === droppedBefore + 1 && (await phoneOnCentral(lead.id)) === '+1 555 0181',
    );
    const disk = first.disk;
    await setup.closeLast();

    // Restart on the same disk; pushes still hang, so the rep's next edit is made before any push is answered.
    const again = await setup.laptop('alex', { disk, sync: { requestTimeoutMs: 1_000 } });
    await (await again.db.leads.findOne(lead.id).exec())?.incrementalPatch({ phone: '+1 555 0182', syncPending: true });
    setup.proxy.hang('');

    await waitFor('the last edit to be stored centrally', async () => (await phoneOnCentral(lead.id)) === '+1 555 0182');
    await waitForStatus(again.sync, 'nothing pending', (s) => s.pending === 0);
    const local = (await again.db.leads.findOne(lead.id).exec())?.toMutableJSON();
    expect(local?.phone).toBe('+1 555 0182');
    expect(local?.conflictCopy).toBeUndefined();
    // What the laptop keeps about unanswered pushes holds the rep's data: never in clear on the disk.
    expect(JSON.stringify(await dumpDisk(disk))).not.toContain('+1 555 0181');
  });
});
