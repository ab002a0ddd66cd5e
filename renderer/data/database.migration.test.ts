import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { OWNED_SCHEMAS_V0 } from '../../shared/schemas/fixtures/v0.schemas';
import { REP_WRITTEN_SCHEMAS_V1 } from '../../shared/schemas/fixtures/v1.schemas';
import { SCHEMAS_V2 } from '../../shared/schemas/fixtures/v2.schemas';
import { COLLECTION_NAMES, COLLECTIONS, type CollectionName } from '../../shared/schemas';
import { makeAccount, makeLead, makeOrder, makeQuote, T0 } from '../../shared/testing/docs.fixture';
import { dumpDisk } from '../../test/integration/rawDisk';
import { collectionOf, openDatabase } from './database';
import { contents, copyOf, secretOf, STORAGE_KEY } from './migration.fixture';

type OwnedName = keyof typeof OWNED_SCHEMAS_V0;
const NAMES = Object.keys(OWNED_SCHEMAS_V0) as OwnedName[];
const base = { owner: 'rep-1', createdAt: T0, updatedAt: T0 };

/** Documents of every owned collection as version 0 stored them. */
function fixtureDocs(): Record<OwnedName, Record<string, unknown>[]> {
  return {
    leads: [makeLead({ conflictCopy: copyOf('leads') }), makeLead({ id: 'lead-2', company: 'Globex' })],
    accounts: [makeAccount({ conflictCopy: copyOf('accounts') })],
    contacts: [
      {
        id: 'contact-1',
        ...base,
        syncPending: false,
        accountId: 'acct-1',
        name: 'Jane Doe',
        email: 'jane@acme.example',
        conflictCopy: copyOf('contacts'),
      },
    ],
    opportunities: [
      {
        id: 'opp-1',
        ...base,
        syncPending: false,
        name: 'Acme laptops',
        accountId: 'acct-1',
        status: 'inProgress',
        conflictCopy: copyOf('opportunities'),
      },
    ],
    quotes: [makeQuote({ conflictCopy: copyOf('quotes') })],
    orders: [makeOrder({ conflictCopy: copyOf('orders') })],
    products: [
      {
        id: 'prod-1',
        ...base,
        syncPending: false,
        accountId: 'acct-1',
        name: 'Business Fibre',
        offeringId: 'fibre',
        status: 'active',
        characteristics: [],
        quantity: 1,
        startDate: T0,
        orderId: 'order-1',
        conflictCopy: copyOf('products'),
      },
    ],
  };
}

describe('schema version 1: conflictCopy encrypted at rest', () => {
  it('migrates a version-0 database keeping every document, and leaves no conflict copy in clear on disk', async () => {
    const disk = new IDBFactory();
    const dexie = { indexedDB: disk, IDBKeyRange };
    const stored = fixtureDocs();

    const old = await openDatabase({ userId: 'rep-1', storageKey: STORAGE_KEY, dexie, olderSchemas: OWNED_SCHEMAS_V0 });
    const before = new Map<OwnedName, Record<string, unknown>[]>();
    for (const name of NAMES) {
      await collectionOf(old, name).bulkInsert(stored[name] as never[]);
      before.set(name, await contents(old, name));
    }
    await old.close();
    expect(await dumpDisk(disk)).toContain(secretOf('leads')); // the fixture really is version 0, in clear

    const db = await openDatabase({ userId: 'rep-1', storageKey: STORAGE_KEY, dexie });
    try {
      for (const name of NAMES) {
        expect(before.get(name)).toHaveLength(stored[name].length);
        expect(await contents(db, name), name).toEqual(before.get(name));
      }
      const onDisk = await dumpDisk(disk);
      expect(onDisk).toContain('Globex'); // the dump does see the migrated documents
      for (const name of NAMES) expect(onDisk, name).not.toContain(secretOf(name));
    } finally {
      await db.close();
    }
  });

  it('encrypts a conflict copy written by the current version', async () => {
    const disk = new IDBFactory();
    const db = await openDatabase({ userId: 'rep-1', storageKey: STORAGE_KEY, dexie: { indexedDB: disk, IDBKeyRange } });
    try {
      await db.orders.insert(makeOrder({ conflictCopy: copyOf('orders') }));
      expect((await db.orders.findOne('order-1').exec())?.conflictCopy).toBe(copyOf('orders'));
      const onDisk = await dumpDisk(disk);
      expect(onDisk).toContain('Acme Corp');
      expect(onDisk).not.toContain(secretOf('orders'));
    } finally {
      await db.close();
    }
  });
});

describe('schema version 2: the pending-changes index', () => {
  type RepWritten = keyof typeof REP_WRITTEN_SCHEMAS_V1;
  const REP_WRITTEN = Object.keys(REP_WRITTEN_SCHEMAS_V1) as RepWritten[];

  it('migrates a version-1 database keeping every document, and counts pending changes by index', async () => {
    const disk = new IDBFactory();
    const dexie = { indexedDB: disk, IDBKeyRange };
    const stored = fixtureDocs();
    // One waiting change per collection beside the synced ones, so the count has something to find.
    for (const name of REP_WRITTEN) stored[name] = [...stored[name], { ...stored[name][0]!, id: `${name}-pending`, syncPending: true }];

    const old = await openDatabase({ userId: 'rep-1', storageKey: STORAGE_KEY, dexie, olderSchemas: REP_WRITTEN_SCHEMAS_V1 });
    const before = new Map<RepWritten, Record<string, unknown>[]>();
    for (const name of REP_WRITTEN) {
      // Straight to storage: the collection's hooks would stamp every insert as a rep's change.
      const result = await collectionOf(old, name).storageInstance.bulkWrite(
        stored[name].map((doc) => ({
          document: { ...doc, _deleted: false, _attachments: {}, _rev: '1-a', _meta: { lwt: Date.now() } } as never,
        })),
        'migration-fixture',
      );
      expect(result.error).toEqual([]);
      before.set(name, await contents(old, name));
    }
    await old.close();

    const db = await openDatabase({ userId: 'rep-1', storageKey: STORAGE_KEY, dexie });
    try {
      for (const name of REP_WRITTEN) {
        const collection = collectionOf(db, name);
        expect(collection.schema.version, name).toBe(COLLECTIONS[name].schema.version); // 2, or later where a collection moved on
        expect(await contents(db, name), name).toEqual(before.get(name));
        // The store refuses slow counts (database.ts), so this answers from the index or throws.
        const waiting = stored[name].filter((doc) => doc['syncPending'] === true).length;
        expect(waiting, name).toBeGreaterThan(0);
        expect(await collection.count({ selector: { syncPending: true } }).exec(), name).toBe(waiting);
      }
      expect(await dumpDisk(disk)).not.toContain(secretOf('leads'));
    } finally {
      await db.close();
    }
  });
});

describe('the latest frozen release (fixtures/v2.schemas.ts)', () => {
  /** Reference data as the central system sends it, beside the rep's documents. */
  const referenceDocs: Record<'offerings' | 'ruleSets' | 'policies', Record<string, unknown>[]> = {
    // New since release 2: an empty collection beside the migrated ones.
    policies: [],
    offerings: [
      {
        id: 'fibre',
        name: 'Business Fibre',
        category: 'Connectivity',
        lifecycleStatus: 'Launched',
        isBundle: false,
        characteristics: [{ name: 'Speed', values: ['100M', '1G'], default: '100M' }],
        prices: [{ id: 'p1', name: 'Monthly', priceType: 'recurring', recurringChargePeriod: 'month', amount: 4900, currency: 'USD' }],
        catalogVersion: 'cat-1',
        updatedAt: T0,
      },
    ],
    ruleSets: [
      {
        id: 'rules-q',
        engine: 'qualification',
        name: 'Qualification',
        precedence: 1,
        guards: [],
        rules: [{ name: 'US laptops', conditions: [{ field: 'country', op: 'in', values: ['US'] }], outcome: { qualified: true } }],
        updatedAt: T0,
      },
    ],
  };

  it('opens a database written by that release with the current schemas, every document of every collection kept, waiting changes still waiting', async () => {
    const disk = new IDBFactory();
    const dexie = { indexedDB: disk, IDBKeyRange };
    const owned = fixtureDocs();
    // Order attachments are new since release 2 too: an empty collection.
    const stored: Record<CollectionName, Record<string, unknown>[]> = { ...owned, ...referenceDocs, orderAttachments: [] };
    const repWritten = NAMES.filter((name) => name !== 'products');
    for (const name of repWritten) stored[name] = [...stored[name], { ...stored[name][0]!, id: `${name}-pending`, syncPending: true }];

    const old = await openDatabase({ userId: 'rep-1', storageKey: STORAGE_KEY, dexie, olderSchemas: SCHEMAS_V2 });
    const before = new Map<CollectionName, Record<string, unknown>[]>();
    for (const name of COLLECTION_NAMES) {
      const result = await collectionOf(old, name).storageInstance.bulkWrite(
        stored[name].map((doc) => ({
          document: { ...doc, _deleted: false, _attachments: {}, _rev: '1-a', _meta: { lwt: Date.now() } } as never,
        })),
        'migration-fixture',
      );
      expect(result.error, name).toEqual([]);
      const docs = await collectionOf(old, name)
        .find({ sort: [{ id: 'asc' }] })
        .exec();
      before.set(
        name,
        docs.map((doc) => doc.toMutableJSON() as Record<string, unknown>),
      );
    }
    await old.close();

    const db = await openDatabase({ userId: 'rep-1', storageKey: STORAGE_KEY, dexie });
    try {
      for (const name of COLLECTION_NAMES) {
        const docs = await collectionOf(db, name)
          .find({ sort: [{ id: 'asc' }] })
          .exec();
        expect(docs.length, name).toBe(stored[name].length);
        // A next version's migration may add fields with defaults; what was there keeps its value and meaning.
        const after = docs.map((doc) => doc.toMutableJSON() as Record<string, unknown>);
        expect(after, name).toEqual(before.get(name)!.map((doc) => expect.objectContaining(doc)));
      }
      // Rule sets v1: a set from before versions is version 1, as the central system's migration says.
      expect((await db.ruleSets.find().exec()).map((doc) => doc.version)).toEqual(stored.ruleSets.map(() => 1));
      for (const name of repWritten) {
        expect(
          await collectionOf(db, name)
            .count({ selector: { syncPending: true } })
            .exec(),
          name,
        ).toBe(stored[name].filter((doc) => doc['syncPending'] === true).length);
      }
      expect(await dumpDisk(disk)).not.toContain(secretOf('leads'));
    } finally {
      await db.close();
    }
  });
});
