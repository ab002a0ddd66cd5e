import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { makeLead } from '../../shared/testing/docs.fixture';
import { openDatabase, type OutpostDatabase } from './database';
import { IN_THREAD_CHUNKS, PULLED_WRITE_CONTEXT_PREFIX } from './storage';

let db: OutpostDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

describe('the chunked storage', () => {
  it('stores and reads back by id a page larger than one chunk, every document once', async () => {
    db = await openDatabase({ userId: 'rep-1', storageKey: 'k'.repeat(64), dexie: { indexedDB: new IDBFactory(), IDBKeyRange } });
    const count = Math.max(IN_THREAD_CHUNKS.readIds, IN_THREAD_CHUNKS.writeRows) * 2 + 7;
    const ids = Array.from({ length: count }, (_, i) => `lead-${String(i).padStart(4, '0')}`);
    const rows = ids.map((id) => ({
      document: {
        ...makeLead({ id, contactName: `Contact ${id}` }),
        _deleted: false,
        _attachments: {},
        _rev: '1-c',
        _meta: { lwt: Date.now() },
      },
    }));
    expect((await db.leads.storageInstance.bulkWrite(rows, `${PULLED_WRITE_CONTEXT_PREFIX}test`)).error).toEqual([]);

    const found = await db.leads.storageInstance.findDocumentsById([...ids, 'missing'], false);
    expect(found.map((doc) => doc.id).sort()).toEqual(ids);
    expect(found.find((doc) => doc.id === 'lead-0401')?.contactName).toBe('Contact lead-0401');
  });
});

describe('the schema check of local writes', () => {
  it("refuses a rep's write that does not match the schema, naming the field, and stores the valid ones beside it", async () => {
    db = await openDatabase({ userId: 'rep-1', storageKey: 'k'.repeat(64), dexie: { indexedDB: new IDBFactory(), IDBKeyRange } });
    await expect(db.leads.insert({ ...makeLead({ id: 'bad' }), purchaseAmount: 'a lot' as unknown as number })).rejects.toMatchObject({
      parameters: {
        writeError: {
          status: 422,
          validationErrors: [{ field: 'document.purchaseAmount', message: 'document.purchaseAmount must be number' }],
        },
      },
    });
    const result = await db.leads.bulkInsert([
      makeLead({ id: 'good' }),
      { ...makeLead({ id: 'worse' }), status: 'sold' as 'pending' },
      { ...makeLead({ id: 'unknown' }), colour: 'red' } as ReturnType<typeof makeLead>,
    ]);
    expect(result.success.map((d) => d.id)).toEqual(['good']);
    expect(result.error.map((e) => [e.documentId, e.status])).toEqual([
      ['worse', 422],
      ['unknown', 422],
    ]);
    expect((await db.leads.findByIds(['bad', 'good', 'worse']).exec()).size).toBe(1);
  });

  it('leaves what the central system sends unchecked: it checked it when it was pushed', async () => {
    db = await openDatabase({ userId: 'rep-1', storageKey: 'k'.repeat(64), dexie: { indexedDB: new IDBFactory(), IDBKeyRange } });
    const pulled = {
      ...makeLead({ id: 'pulled' }),
      status: 'sold',
      _deleted: false,
      _attachments: {},
      _rev: '1-c',
      _meta: { lwt: Date.now() },
    };
    const rows = [{ document: pulled as unknown as Parameters<typeof db.leads.storageInstance.bulkWrite>[0][number]['document'] }];
    expect((await db.leads.storageInstance.bulkWrite(rows, `${PULLED_WRITE_CONTEXT_PREFIX}test`)).error).toEqual([]);
    expect(
      (
        await db.leads.storageInstance.bulkWrite(
          rows.map((r) => ({ document: { ...r.document, id: 'own' } })),
          'rx-collection-bulk-insert',
        )
      ).error,
    ).toMatchObject([{ status: 422, documentId: 'own' }]);
  });
});
