import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { firstValueFrom, take, toArray } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { makeLead } from '../../shared/testing/docs.fixture';
import { dumpDisk } from '../../test/integration/rawDisk';
import { openDatabase, type OutpostDatabase } from './database';
import { PULLED_WRITE_CONTEXT_PREFIX, encryptedStorage } from './storage';
import { workerOrInThread, workerStorage } from './workerStorage';
import { testWorkerStorage, workerPort } from './workerPort.fixture';

const open: OutpostDatabase[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.close();
});

/* eslint-disable-next-line @typescript-eslint/no-explicit-any -- RxStorage's own generics are `any` at this layer */
type AnyStorage = RxStorage<any, any>;

const SETUPS: { name: string; storage?: (disk: IDBFactory) => AnyStorage }[] = [
  { name: 'in this thread' },
  { name: 'through the worker storage', storage: testWorkerStorage },
];

for (const setup of SETUPS) {
  describe(`the encrypted storage instance, ${setup.name}`, () => {
    async function store(disk = new IDBFactory()) {
      const db = await openDatabase({
        userId: 'rep-1',
        storageKey: 'k'.repeat(64),
        dexie: { indexedDB: disk, IDBKeyRange },
        storage: setup.storage?.(disk),
      });
      open.push(db);
      return { db, disk };
    }

    const pulled = (id: string, rev: string) => ({
      ...makeLead({ id }),
      _deleted: false,
      _attachments: {},
      _rev: rev,
      _meta: { lwt: Date.now() },
    });

    it('hands the written plaintext to change events while only ciphertext reaches the disk', async () => {
      const { db, disk } = await store();
      const events = firstValueFrom(db.leads.storageInstance.changeStream().pipe(take(1), toArray()));
      const result = await db.leads.storageInstance.bulkWrite(
        [{ document: pulled('lead-1', '1-a') }],
        `${PULLED_WRITE_CONTEXT_PREFIX}test`,
      );
      expect(result.error).toEqual([]);
      const [bulk] = await events;
      expect(bulk?.events[0]?.documentData).toMatchObject({ id: 'lead-1', contactName: 'Jane Doe', email: 'jane@acme.example' });
      const raw = await dumpDisk(disk);
      expect(raw).not.toContain('Jane Doe');
      expect(raw).toContain('"contactName":"v2:');
    });

    it('answers a stale write with the stored document decrypted, so a conflict can be resolved', async () => {
      const { db } = await store();
      await db.leads.storageInstance.bulkWrite([{ document: pulled('lead-2', '1-a') }], 'test');
      const stale = { ...pulled('lead-2', '2-b'), company: 'Stale Co' };
      const result = await db.leads.storageInstance.bulkWrite([{ previous: pulled('lead-2', '1-x'), document: stale }], 'test');
      expect(result.error).toHaveLength(1);
      const [conflict] = result.error;
      expect(conflict?.status).toBe(409);
      expect(conflict && 'documentInDb' in conflict ? conflict.documentInDb : undefined).toMatchObject({ contactName: 'Jane Doe' });
      expect(conflict?.writeRow.document).toMatchObject({ company: 'Stale Co', contactName: 'Jane Doe' });
    });

    it('decrypts what it reads back from disk after a restart', async () => {
      const first = await store();
      await first.db.leads.insert(makeLead({ id: 'lead-3', contactName: 'Kept Name' }));
      await first.db.close();
      open.splice(0);
      const { db } = await store(first.disk);
      expect((await db.leads.findOne('lead-3').exec())?.contactName).toBe('Kept Name');
    });
  });
}

describe('the worker storage', () => {
  it('runs the store on the UI thread when the worker cannot start, instead of not at all', async () => {
    const disk = new IDBFactory();
    const storage = workerOrInThread(
      workerStorage(() => workerPort(disk, false), 50),
      () => encryptedStorage(getRxStorageDexie({ indexedDB: disk, IDBKeyRange })),
    );
    const db = await openDatabase({ userId: 'rep-1', storageKey: 'k'.repeat(64), storage });
    open.push(db);
    await db.leads.insert(makeLead({ id: 'lead-4', contactName: 'Still Stored' }));
    expect((await db.leads.findOne('lead-4').exec())?.contactName).toBe('Still Stored');
    expect(await dumpDisk(disk)).not.toContain('Still Stored');
  });
});
