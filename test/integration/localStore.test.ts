import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { addRxPlugin, createRxDatabase } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { wrappedKeyEncryptionCryptoJsStorage } from 'rxdb/plugins/encryption-crypto-js';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedValidateZSchemaStorage } from 'rxdb/plugins/validate-z-schema';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseName, openDatabase, type OutpostDatabase } from '../../renderer/data/database';
import { PULLED_WRITE_CONTEXT_PREFIX } from '../../renderer/data/storage';
import { COLLECTIONS } from '../../shared/schemas';
import { makeAccount, makeLead } from '../../shared/testing/docs.fixture';
import { dumpDisk } from './rawDisk';

addRxPlugin(RxDBMigrationSchemaPlugin);
const KEY = 'a'.repeat(64);

/** A laptop's store as the previous release left it: schema version 0, crypto-js, z-schema. */
async function previousReleaseStore(disk: IDBFactory) {
  const v0 = <T extends { version: number; indexes?: unknown }>(schema: T) => ({ ...schema, version: 0, indexes: undefined });
  const db = await createRxDatabase({
    name: databaseName('rep-1'),
    storage: wrappedValidateZSchemaStorage({
      storage: wrappedKeyEncryptionCryptoJsStorage({ storage: getRxStorageDexie({ indexedDB: disk, IDBKeyRange }) }),
    }),
    password: KEY,
    multiInstance: false,
    localDocuments: true,
  });
  await db.addCollections({ leads: { schema: v0(COLLECTIONS.leads.schema) }, accounts: { schema: v0(COLLECTIONS.accounts.schema) } });
  return db;
}
const open: OutpostDatabase[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.close();
});

async function laptopStore(disk: IDBFactory): Promise<OutpostDatabase> {
  const db = await openDatabase({ userId: 'rep-1', storageKey: KEY, dexie: { indexedDB: disk, IDBKeyRange } });
  open.push(db);
  return db;
}

describe('the local store', () => {
  it('encrypts personal data with AES-GCM: nothing readable on disk, every field back when read', async () => {
    const disk = new IDBFactory();
    const db = await laptopStore(disk);
    await db.leads.insert(makeLead({ id: 'lead-a' }));
    const { email: _email, phone: _phone, ...withoutEmail } = makeLead({ id: 'lead-b', contactName: 'Only Name' });
    await db.leads.insert(withoutEmail);

    const raw = await dumpDisk(disk);
    expect(raw).toContain('Acme Corp');
    expect(raw).not.toContain('Jane Doe');
    expect(raw).not.toContain('jane@acme.example');
    expect(raw).not.toContain('Only Name');
    expect(raw).toContain('"contactName":"v2:');

    const a = (await db.leads.findOne('lead-a').exec())?.toJSON();
    expect(a).toMatchObject({ contactName: 'Jane Doe', email: 'jane@acme.example', phone: '+1 555 010 0199' });
    const b = (await db.leads.findOne('lead-b').exec())?.toJSON();
    expect(b?.contactName).toBe('Only Name');
    expect(b?.email).toBeUndefined();
  });

  it('still reads what the earlier crypto-js store wrote on a laptop, and rewrites it on save', async () => {
    const disk = new IDBFactory();
    const before = await previousReleaseStore(disk);
    await before.leads.insert(makeLead({ id: 'old-lead' }));
    await before.close();
    expect(await dumpDisk(disk)).toContain('"contactName":"U2FsdGVkX1');

    const db = await laptopStore(disk);
    const lead = await db.leads.findOne('old-lead').exec();
    expect(lead?.toJSON()).toMatchObject({ contactName: 'Jane Doe', email: 'jane@acme.example' });
    await lead?.incrementalPatch({ company: 'Acme Renamed' });
    expect(await dumpDisk(disk)).not.toContain('U2FsdGVkX1');
    expect((await db.leads.findOne('old-lead').exec())?.contactName).toBe('Jane Doe');
  });

  it("refuses a rep's invalid write with the field at fault, and stores what the central system sent as is", async () => {
    const db = await laptopStore(new IDBFactory());
    await expect(db.leads.insert({ ...makeLead({ id: 'bad' }), purchaseAmount: 'lots' as unknown as number })).rejects.toThrow(
      /purchaseAmount|VD2/,
    );

    // Pulled documents skip the check (the central system validated each on push).
    const pulled = { ...makeLead({ id: 'pulled' }), _deleted: false, _attachments: {}, _rev: '1-central', _meta: { lwt: Date.now() } };
    const result = await db.leads.storageInstance.bulkWrite([{ document: pulled }], `${PULLED_WRITE_CONTEXT_PREFIX}test`);
    expect(result.error).toEqual([]);
    expect((await db.leads.findOne('pulled').exec())?.contactName).toBe('Jane Doe');
  });

  it('migrates a version-0 store to the current schema without losing a document, and counts pending changes by index', async () => {
    const disk = new IDBFactory();
    const before = await previousReleaseStore(disk);
    await before.leads.bulkInsert([makeLead({ id: 'l1', syncPending: true }), makeLead({ id: 'l2' })]);
    await before.accounts.insert(makeAccount({ id: 'a1' }));
    await before.close();

    const db = await laptopStore(disk);
    expect(db.leads.schema.version).toBe(COLLECTIONS.leads.schema.version);
    expect((await db.leads.find({ sort: [{ id: 'asc' }] }).exec()).map((d) => [d.id, d.contactName, d.syncPending])).toEqual([
      ['l1', 'Jane Doe', true],
      ['l2', 'Jane Doe', false],
    ]);
    expect((await db.accounts.findOne('a1').exec())?.sites).toEqual(makeAccount().sites);
    expect(await db.leads.count({ selector: { syncPending: true } }).exec()).toBe(1);
  });
});
