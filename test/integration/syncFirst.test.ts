/** The first sync against a real central system, and what it leaves on the laptop's disk. */
import { IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../renderer/data/database';
import { centralBehindProxy } from './centralBehindProxy';
import { dumpDisk } from './rawDisk';
import { waitForStatus } from './syncHarness';

const setup = centralBehindProxy();

describe('the first sync', () => {
  it("brings the catalog, the rule sets and only the rep's own accounts and leads", async () => {
    const alex = await setup.laptop('alex', { direct: true });
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
    const alex = await setup.laptop('alex', { direct: true });
    await alex.sync.awaitInitialSync();
    const lead = (await alex.db.leads.find().exec()).map((d) => d.toMutableJSON()).find((l) => l.email);
    if (!lead?.email) throw new Error('alex has no seeded lead with an email');
    const onDisk = await dumpDisk(alex.disk);
    expect(onDisk).toContain(lead.company); // business data, readable: the dump does see documents
    expect(onDisk).not.toContain(lead.email);
    expect(onDisk).not.toContain(lead.contactName);

    const disk = alex.disk;
    await setup.closeLast();
    await expect(
      openDatabase({ userId: alex.user.id, storageKey: 'not-the-key', dexie: { indexedDB: disk, IDBKeyRange } }),
    ).rejects.toThrow();
  });
});
