import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { makeLead } from '../../shared/testing/docs.fixture';
import { openDatabase, type OutpostDatabase } from './database';
import { PULLED_WRITE_CONTEXT_PREFIX, READ_CHUNK_IDS, WRITE_CHUNK_ROWS } from './storage';

let db: OutpostDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

describe('the chunked storage', () => {
  it('stores and reads back by id a page larger than one chunk, every document once', async () => {
    db = await openDatabase({ userId: 'rep-1', storageKey: 'k'.repeat(64), dexie: { indexedDB: new IDBFactory(), IDBKeyRange } });
    const count = Math.max(READ_CHUNK_IDS, WRITE_CHUNK_ROWS) * 2 + 7;
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
