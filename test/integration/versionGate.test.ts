/**
 * The version gate with the real local store and the real central system: an app older than the
 * central system's minimum version keeps pushing its queue and pulls nothing; after the update
 * (the same disk opened by a newer app) pulls resume from where they stopped.
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, pullAll, signIn as centralSignIn } from '../../central/src/test/client';
import { newLead } from '../../central/src/test/fixtures';
import { createCentral } from '../../central/src/server';
import { seededPglite } from '../../central/src/test/harness';
import { setInstallationHeaders } from '../../renderer/sync/centralClient';
import { createVersionGate } from '../../renderer/sync/versionGate';
import { newId } from '../../shared/ids';
import { makeLead } from '../../shared/testing/docs.fixture';
import { APP_VERSION_HEADER } from '../../shared/updates/version';
import { openLaptop, waitFor, waitForStatus, type RepLaptop } from './syncHarness';

const MINIMUM = '2.0.0';

describe('version gate against a real central system', () => {
  let central: Awaited<ReturnType<typeof createCentral>>;
  let url = '';
  const open: RepLaptop[] = [];
  beforeAll(async () => {
    central = await createCentral({ ...(await seededPglite()), seed: true, updates: { rollout: {}, minimumVersion: MINIMUM } });
    url = await central.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    while (open.length) await open.pop()?.close();
    await central?.close();
  });

  /** The app as openWorkspace starts it: its version on every request and a gate for that version. */
  const laptop = async (version: string, disk: IDBFactory) => {
    setInstallationHeaders({ [APP_VERSION_HEADER]: version });
    const rep = await openLaptop({
      signInUrl: url,
      username: 'alex',
      disk,
      sync: { versionGate: createVersionGate(version), periodicPullMs: 300 },
    });
    open.push(rep);
    return rep;
  };

  it('keeps pushing and stops pulling while the app is too old; the update pulls what was held back', async () => {
    const disk = new IDBFactory();
    const old = await laptop('1.0.0', disk);
    const gated = await waitForStatus(old.sync, 'the update to be asked for', (s) => Boolean(s.updateRequired));
    expect(gated.updateRequired?.reason).toMatch(/version 1\.0\.0 and the central system needs 2\.0\.0 or newer/);

    // Pushes go on: a lead captured on the old app reaches the central system.
    const mine = makeLead({ id: newId(), owner: old.user.id, company: 'Captured Before The Update', syncPending: true });
    await old.db.leads.insert(mine);
    const alexOnCentral = api(url, await centralSignIn(url, 'alex'));
    const stored = await waitFor('the pushed lead on the central system', async () =>
      (await pullAll(alexOnCentral, 'leads')).documents.find((doc) => doc.id === mine.id),
    );
    expect(stored).toMatchObject({ company: 'Captured Before The Update', owner: old.user.id });
    // It is no longer waiting, though no pull clears its flag: else the update could not be installed
    // (never with changes waiting) and the gate would never open.
    await waitForStatus(old.sync, 'the acknowledged lead to stop counting as waiting', (s) => s.pending === 0);

    // Pulls stop: a lead from another of alex's devices does not come down, however often the engine tries.
    const fromElsewhere = newLead('user-alex', { company: 'Sent From Another Device' });
    expect(await alexOnCentral.push('leads', [{ newDocumentState: fromElsewhere }])).toEqual([]);
    old.sync.syncNow();
    await new Promise((resolve) => setTimeout(resolve, 1500)); // five periodic pulls and the stream's change event
    const local = (await old.db.leads.find().exec()).map((doc) => doc.id);
    expect(local).toEqual([mine.id]); // none of alex's seeded leads either
    expect(old.sync.getStatus().lastSyncAt).toBeNull();

    // Restarted, still too old: what the central system acknowledged is still not waiting.
    await open.pop()?.close();
    const restarted = await laptop('1.0.0', disk);
    await waitForStatus(restarted.sync, 'the update to be asked for again', (s) => Boolean(s.updateRequired));
    expect((await restarted.db.leads.findOne(mine.id).exec())?.syncPending).toBe(true);
    await waitForStatus(restarted.sync, 'nothing waiting after the restart', (s) => s.pending === 0);
    const edited = await restarted.db.leads.findOne(mine.id).exec();
    await edited?.incrementalPatch({ phone: '+1 555 0133', syncPending: true });
    await waitFor('the edit made while gated on the central system', async () =>
      (await pullAll(alexOnCentral, 'leads')).documents.some((doc) => doc.id === mine.id && doc.phone === '+1 555 0133'),
    );
    await waitForStatus(restarted.sync, 'the acknowledged edit to stop counting as waiting', (s) => s.pending === 0);

    // The update: a newer app on the same disk pulls everything, the rep's own lead kept as captured.
    await open.pop()?.close();
    const updated = await laptop(MINIMUM, disk);
    // Its first sync (every collection, in order) is the event to wait for: on a loaded machine it takes a while.
    await updated.sync.awaitInitialSync();
    expect(await updated.db.leads.findOne(fromElsewhere.id).exec()).not.toBeNull();
    expect(updated.sync.getStatus().updateRequired ?? null).toBeNull();
    const kept = (await updated.db.leads.findOne(mine.id).exec())?.toMutableJSON();
    expect(kept).toMatchObject({ company: 'Captured Before The Update', contactName: mine.contactName });
    expect(await updated.db.leads.count().exec()).toBeGreaterThan(2);
  });
});
