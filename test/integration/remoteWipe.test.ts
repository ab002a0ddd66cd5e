import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCentral } from '../../central/src/server';
import { seededPglite } from '../../central/src/test/harness';
import { makeLead } from '../../shared/testing/docs.fixture';
import { dumpDisk } from './rawDisk';
import { openDatabase } from '../../renderer/data/database';
import { CentralClient, setInstallationHeaders, signIn } from '../../renderer/sync/centralClient';
import { DEVICE_HEADER } from '../../shared/sync/protocol';
import { deleteStoreFiles, fetchDeviceStatus } from '../../renderer/features/session/remoteWipe';

describe('remote wipe, client side', () => {
  let central: Awaited<ReturnType<typeof createCentral>>;
  let url: string;
  beforeAll(async () => {
    central = await createCentral({ ...(await seededPglite()), seed: true });
    url = await central.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await central.close();
  });

  it('asks the real central system for the device status and knows no wipe when there is none', async () => {
    // The app names its installation on every request, as openWorkspace sets it up.
    setInstallationHeaders({ [DEVICE_HEADER]: 'laptop-test-1' });
    const client = new CentralClient(url, await signIn(url, 'alex', 'demo'));
    await expect(fetchDeviceStatus(client)).resolves.toEqual({ wipe: null });
  });

  it("deletes every database of the rep's store and leaves other reps' stores alone", async () => {
    const disk = new IDBFactory();
    const dexie = { indexedDB: disk, IDBKeyRange };
    for (const userId of ['user-sam', 'user-alex']) {
      const db = await openDatabase({ userId, storageKey: 'k'.repeat(64), dexie });
      await db.leads.insert(makeLead({ id: `lead-of-${userId}`, company: `Company of ${userId}` }));
      await db.close();
    }
    await deleteStoreFiles('user-sam', disk);
    const left = await dumpDisk(disk);
    expect(left).not.toContain('Company of user-sam');
    expect(left).toContain('Company of user-alex');
    expect((await disk.databases()).some((db) => db.name?.includes('outpost_user_sam'))).toBe(false);
  });
});
