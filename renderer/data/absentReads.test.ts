import fc from 'fast-check';
import { IDBFactory, IDBKeyRange, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeLead } from '../../shared/testing/docs.fixture';
import { openDatabase, type OutpostDatabase } from './database';
import { PULLED_WRITE_CONTEXT_PREFIX } from './storage';

const open = (indexedDB: IDBFactory) =>
  openDatabase({ userId: 'rep-absent', storageKey: 'k'.repeat(64), dexie: { indexedDB, IDBKeyRange } });

const stored = (id: string, rev: number, deleted: boolean) => ({
  ...makeLead({ id, contactName: `Contact ${id} r${rev}` }),
  _deleted: deleted,
  _attachments: {},
  _rev: `${rev}-c`,
  _meta: { lwt: Date.now() },
});

let dbs: OutpostDatabase[] = [];
afterEach(async () => {
  await Promise.all(dbs.map((db) => db.close()));
  dbs = [];
  vi.restoreAllMocks();
});

const ID_POOL = ['a', 'b', 'c', 'd', 'e', 'f'];
const step = fc.oneof(
  fc.record({ write: fc.uniqueArray(fc.constantFrom(...ID_POOL), { minLength: 1 }), deleted: fc.boolean() }),
  // RxDB never asks for an id twice in one read.
  fc.record({ read: fc.uniqueArray(fc.constantFrom(...ID_POOL, 'never'), { minLength: 1 }), withDeleted: fc.boolean() }),
);

describe('reads by id on the local store', () => {
  it('give what IndexedDB holds, on a store that opened empty and after it is reopened with data', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
        const indexedDB = new IDBFactory();
        const model = new Map<string, { rev: number; deleted: boolean }>();
        const check = async (db: OutpostDatabase, ids: string[], withDeleted: boolean) => {
          const found = await db.leads.storageInstance.findDocumentsById(ids, withDeleted);
          const expected = [...new Set(ids)].flatMap((id) => {
            const doc = model.get(id);
            return doc && (withDeleted || !doc.deleted) ? [`${id}:Contact ${id} r${doc.rev}:${doc.deleted}`] : [];
          });
          expect(found.map((doc) => `${doc.id}:${doc.contactName}:${doc._deleted}`).sort()).toEqual(expected.sort());
        };
        let db = await open(indexedDB);
        dbs.push(db);
        for (const s of steps) {
          if ('write' in s) {
            // An update names the stored state it replaces (RxDB gives each write its own revision).
            const current = new Map((await db.leads.storageInstance.findDocumentsById(s.write, true)).map((doc) => [doc.id, doc]));
            const rows = s.write.map((id) => {
              const rev = (model.get(id)?.rev ?? 0) + 1;
              return { previous: current.get(id), document: { ...stored(id, rev, s.deleted), _rev: `${rev}-c` } };
            });
            expect((await db.leads.storageInstance.bulkWrite(rows, `${PULLED_WRITE_CONTEXT_PREFIX}test`)).error).toEqual([]);
            for (const id of s.write) model.set(id, { rev: (model.get(id)?.rev ?? 0) + 1, deleted: s.deleted });
          } else await check(db, s.read, s.withDeleted);
        }
        await db.close();
        db = await open(indexedDB);
        dbs.push(db);
        await check(db, [...ID_POOL, 'never'], true);
        await check(db, [...ID_POOL], false);
      }),
      { numRuns: 6 },
    );
  });

  it('on a store that opened empty, ask IndexedDB only for ids written since', async () => {
    const db = await open(new IDBFactory());
    dbs.push(db);
    const rows = ['x', 'y', 'z'].map((id) => ({ document: stored(id, 1, false) }));
    expect((await db.leads.storageInstance.bulkWrite(rows, `${PULLED_WRITE_CONTEXT_PREFIX}test`)).error).toEqual([]);
    const gets = vi.spyOn(IDBObjectStore.prototype, 'get');
    const getAlls = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    const pulledPage = Array.from({ length: 100 }, (_, i) => `new-${i}`);
    expect(await db.leads.storageInstance.findDocumentsById(pulledPage, true)).toEqual([]);
    expect(gets.mock.calls.length + getAlls.mock.calls.length).toBe(0);
    const found = await db.leads.storageInstance.findDocumentsById([...pulledPage, 'y'], true);
    expect(found.map((doc) => doc.id)).toEqual(['y']);
    expect(gets.mock.calls.length + getAlls.mock.calls.length).toBeLessThanOrEqual(1);
  });
});
