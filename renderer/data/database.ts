import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase, type RxStorage } from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import {
  COLLECTIONS,
  COLLECTION_NAMES,
  isOwnedCollection,
  type CollectionDocs,
  type CollectionName,
  type OwnedCollectionName,
} from '../../shared/schemas';
import { isSameDocument, resolveConflict } from '../../shared/sync/conflict';
import { guardSignedQuotes } from './signedQuoteGuard';
import { absentReadsStorage, chunkedStorage, inThreadStorage, validatedStorage, WORKER_CHUNKS, yieldToUi } from './storage';

addRxPlugin(RxDBMigrationSchemaPlugin);
addRxPlugin(RxDBLocalDocumentsPlugin);

export type OutpostCollections = { [N in CollectionName]: RxCollection<CollectionDocs[N]> };
export type OutpostDatabase = RxDatabase<OutpostCollections>;

/**
 * The collection for a generic name. `db[name]` with `name: N` is a union TypeScript
 * cannot call; this is the one place that narrows it.
 */
export function collectionOf<N extends CollectionName>(db: OutpostDatabase, name: N): RxCollection<CollectionDocs[N]> {
  return db[name] as unknown as RxCollection<CollectionDocs[N]>;
}

type DexieSettings = Parameters<typeof getRxStorageDexie>[0];

export interface OpenDatabaseOptions {
  /** One database per signed-in user. */
  userId: string;
  /** Encrypts the schemas' `encrypted` fields at rest (see storageKey.ts). */
  storageKey: string;
  /** IndexedDB implementation for Node tests (fake-indexeddb); the browser's own otherwise. */
  dexie?: DexieSettings;
  /**
   * Tests only: open some collections with an older schema literal, to write a database the way
   * that version of the app did, or to sync as that released app. Those get no migration strategies.
   */
  olderSchemas?: Partial<Record<CollectionName, object>>;
  /**
   * The storage below validation: IndexedDB with the field cipher. The app passes its Web Worker
   * storage (appStorage.ts); without it the store runs in this thread (Node tests, benchmarks).
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- RxStorage's own generics are `any` at this layer
  storage?: RxStorage<any, any>;
}

/** RxDB database names allow lowercase letters, digits and a few signs only. */
export function databaseName(userId: string): string {
  return `outpost_${userId.toLowerCase().replace(/[^a-z0-9]/g, '_')}`;
}

/**
 * Opens the rep's local store: Dexie (IndexedDB) storage, personal fields encrypted with
 * AES-GCM, the rep's own writes checked against their schema (storage.ts says why not pulled ones).
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<OutpostDatabase> {
  const base = options.storage ? chunkedStorage(options.storage, WORKER_CHUNKS) : inThreadStorage(getRxStorageDexie(options.dexie));
  const storage = absentReadsStorage(validatedStorage(base));
  const db = await createRxDatabase<OutpostCollections>({
    name: databaseName(options.userId),
    storage,
    password: options.storageKey,
    localDocuments: true,
    multiInstance: false,
    closeDuplicates: true,
    // A count that cannot be answered from an index decrypts every document of the collection
    // on each change (60,000 on a first sync): refuse it. The pending-changes count reads the
    // [syncPending, id] index (schema version 2).
    allowSlowCount: false,
  });
  const definitions = Object.fromEntries(
    COLLECTION_NAMES.map((name) => [
      name,
      {
        schema: options.olderSchemas?.[name] ?? COLLECTIONS[name].schema,
        migrationStrategies: options.olderSchemas?.[name] ? {} : COLLECTIONS[name].migrationStrategies,
        conflictHandler: {
          isEqual: (a: Record<string, unknown>, b: Record<string, unknown>) => isSameDocument(a, b),
          // assumedMasterState is the base: the version the rep's change was made on.
          resolve: async (input: {
            newDocumentState: Record<string, unknown>;
            realMasterState: Record<string, unknown>;
            assumedMasterState?: Record<string, unknown>;
          }) => resolveConflict(input, new Date().toISOString()),
        },
      },
    ]),
  );
  type Definitions = Parameters<OutpostDatabase['addCollections']>[0];
  if (options.storage) {
    // The worker answers each storage call in a task of its own, so adding all at once does not
    // make one long task, and the collections' round trips to the worker overlap.
    await db.addCollections(definitions as Definitions);
  } else {
    // In this thread, one collection per task: adding all ten at once (each opens its IndexedDB
    // database, hashes its schema and checks for migrations) was one task of 200-500 ms.
    for (const [name, definition] of Object.entries(definitions)) {
      await db.addCollections({ [name]: definition } as Definitions);
      await yieldToUi();
    }
  }
  for (const name of COLLECTION_NAMES) {
    if (isOwnedCollection(name)) markLocalWrites(collectionOf(db, name));
  }
  guardSignedQuotes(db.quotes);
  return db;
}

/**
 * Every write made through the collection API is a rep's change: stamp it and mark it
 * as waiting to sync. Replication writes bypass these hooks, so pulled documents keep
 * the central system's `syncPending: false`.
 */
function markLocalWrites<N extends OwnedCollectionName>(collection: RxCollection<CollectionDocs[N]>): void {
  const stamp = (data: CollectionDocs[N]) => {
    data.syncPending = true;
    data.updatedAt = new Date().toISOString();
  };
  collection.preInsert(stamp, false);
  collection.preSave(stamp, false);
}
