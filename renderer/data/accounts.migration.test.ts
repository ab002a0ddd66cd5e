import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_SCHEMA_V2 } from '../../shared/schemas/fixtures/v2.account.schema';
import { makeAccount } from '../../shared/testing/docs.fixture';
import { dumpDisk } from '../../test/integration/rawDisk';
import { openDatabase } from './database';

const STORAGE_KEY = 'b'.repeat(64);

describe('accounts schema version 3: hierarchy and named sites', () => {
  it('migrates a version-2 accounts store keeping every account, then stores a parent and site names (sites still encrypted)', async () => {
    const disk = new IDBFactory();
    const dexie = { indexedDB: disk, IDBKeyRange };
    const head = makeAccount({ id: 'acct-head', name: 'Harbor Group', syncPending: true });
    const branch = makeAccount({
      id: 'acct-branch',
      name: 'Harbor Stockton',
      sites: [{ id: 'site-9', street: '88 Cargo Way', city: 'Stockton', postcode: '95206', country: 'US' }],
    });

    const old = await openDatabase({ userId: 'rep-1', storageKey: STORAGE_KEY, dexie, olderSchemas: { accounts: ACCOUNT_SCHEMA_V2 } });
    // Straight to storage, as version 2 left it (the hooks would stamp each insert as a rep's change).
    const written = await old.accounts.storageInstance.bulkWrite(
      [head, branch].map((doc) => ({
        document: { ...doc, _deleted: false, _attachments: {}, _rev: '1-a', _meta: { lwt: Date.now() } } as never,
      })),
      'migration-fixture',
    );
    expect(written.error).toEqual([]);
    expect(old.accounts.schema.version).toBe(2);
    await old.close();

    const db = await openDatabase({ userId: 'rep-1', storageKey: STORAGE_KEY, dexie });
    try {
      expect(db.accounts.schema.version).toBe(3);
      const migrated = (await db.accounts.find({ sort: [{ id: 'asc' }] }).exec()).map((d) => d.toMutableJSON());
      expect(migrated.map((d) => [d.id, d.name, d.parentAccountId, d.sites?.[0]?.street])).toEqual([
        ['acct-branch', 'Harbor Stockton', undefined, '88 Cargo Way'],
        ['acct-head', 'Harbor Group', undefined, '1 Main St'],
      ]);
      expect(await db.accounts.count({ selector: { syncPending: true } }).exec()).toBe(1);

      const doc = await db.accounts.findOne('acct-branch').exec();
      await doc?.incrementalPatch({
        parentAccountId: 'acct-head',
        sites: [{ id: 'site-9', name: 'Stockton depot', street: '88 Cargo Way', city: 'Stockton', postcode: '95206', country: 'US' }],
      });
      const stored = (await db.accounts.findOne('acct-branch').exec())?.toMutableJSON();
      expect(stored?.parentAccountId).toBe('acct-head');
      expect(stored?.sites?.[0]?.name).toBe('Stockton depot');
      expect(await dumpDisk(disk)).not.toContain('Stockton depot');
    } finally {
      await db.close();
    }
  });
});
