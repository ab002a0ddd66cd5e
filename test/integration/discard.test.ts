/**
 * Outbox Discard against real RxDB and a real central system: a change to a record the central
 * system already has goes back to its version with the rep's copy kept; discarded copies belong
 * to the rep who discarded them and go with a wipe.
 */
import { firstValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { discarded$ } from '../../renderer/features/outbox/discardedStore';
import { discardRecord } from '../../renderer/features/outbox/outboxActions';
import { deleteStoreFiles } from '../../renderer/features/session/remoteWipe';
import { leadOnCentral } from './centralAccess';
import { centralBehindProxy } from './centralBehindProxy';
import { dumpDisk } from './rawDisk';
import { waitFor, waitForStatus, type RepLaptop } from './syncHarness';

const setup = centralBehindProxy();

async function laptop(username: string, disk?: RepLaptop['disk']): Promise<RepLaptop> {
  const rep = await setup.laptop(username, { disk });
  return rep;
}

/** Alex, synced, then offline with one edit to a lead the central system has: the change Discard is for. */
async function offlineEdit(phone: string, disk?: RepLaptop['disk']) {
  const alex = await laptop('alex', disk);
  await alex.sync.awaitInitialSync();
  await waitForStatus(alex.sync, 'nothing pending', (s) => s.pending === 0);
  const lead = (await alex.db.leads.find({ sort: [{ id: 'asc' }] }).exec())[0];
  if (!lead) throw new Error('alex has no seeded lead');
  const before = lead.toMutableJSON();
  setup.proxy.setDown(true);
  alex.sync.setNetworkAvailable(false);
  await lead.incrementalPatch({ phone });
  await waitForStatus(alex.sync, 'the edit waiting', (s) => s.pending === 1);
  return { alex, before };
}

describe('outbox Discard with real RxDB', () => {
  it("puts back the central system's version of a record it has, keeps the rep's copy under Discarded, and the queue is empty", async () => {
    const { alex, before } = await offlineEdit('+1 555 0900');
    await discardRecord(alex.db, alex.sync, 'leads', before.id, before.company);

    const local = (await alex.db.leads.findOne(before.id).exec())?.toMutableJSON();
    expect(local?.phone).toBe(before.phone);
    expect(local?.company).toBe(before.company);
    const kept = await firstValueFrom(discarded$(alex.db));
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ collection: 'leads', id: before.id, title: before.company, data: { phone: '+1 555 0900' } });

    setup.proxy.setDown(false);
    alex.sync.setNetworkAvailable(true);
    await waitForStatus(alex.sync, 'online with nothing pending', (s) => s.online && s.pending === 0);
    expect((await leadOnCentral(setup.url, 'alex', before.id))?.phone).toBe(before.phone);
    expect((await alex.db.leads.findOne(before.id).exec())?.phone).toBe(before.phone);
  });

  it('keeps discarded copies to the rep who discarded them: another rep on the same laptop sees none, and a wipe removes them', async () => {
    const { alex, before } = await offlineEdit('+1 555 0911');
    await discardRecord(alex.db, alex.sync, 'leads', before.id, before.company);
    expect(await firstValueFrom(discarded$(alex.db))).toHaveLength(1);
    const disk = alex.disk;
    await setup.closeLast();
    setup.proxy.setDown(false);
    // Sealed with alex's key: the disk never holds the discarded phone in clear.
    expect(await dumpDisk(disk)).not.toContain('+1 555 0911');

    const sam = await laptop('sam', disk);
    expect(await firstValueFrom(discarded$(sam.db))).toEqual([]);
    await setup.closeLast();

    // Alex's copy is still there for alex, until a wipe deletes alex's store.
    const again = await laptop('alex', disk);
    expect(await firstValueFrom(discarded$(again.db))).toHaveLength(1);
    await setup.closeLast();
    await deleteStoreFiles(again.user.id, disk);
    const afterWipe = await laptop('alex', disk);
    expect(await firstValueFrom(discarded$(afterWipe.db))).toEqual([]);
    await waitFor('the wiped laptop to sync again', async () => (await afterWipe.db.leads.count().exec()) > 0);
  });
});
