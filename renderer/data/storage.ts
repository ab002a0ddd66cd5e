import {
  clone,
  getChangedDocumentsSince,
  getPrimaryFieldOfPrimaryKey,
  hasEncryption,
  INTERNAL_STORE_SCHEMA_TITLE,
  META_INSTANCE_SCHEMA_TITLE,
  type BulkWriteRow,
  type RxDocumentData,
  type RxJsonSchema,
  type RxStorage,
  type RxStorageBulkWriteResponse,
  type RxStorageInstance,
  type RxStorageWriteErrorValidation,
} from 'rxdb';
import { RX_LOCAL_DOCUMENT_SCHEMA } from 'rxdb/plugins/local-documents';
import { encryptedInstance } from './encryptedInstance';
import { createFieldCipher } from './fieldCipher';
import { checkSchema, type SchemaNode } from '../../shared/schemas/schemaCheck';

/* eslint-disable @typescript-eslint/no-explicit-any -- RxStorage's own generics are `any` at this layer */
type AnyStorage = RxStorage<any, any>;
type AnyInstance = RxStorageInstance<any, any, any>;
type AnySchema = RxJsonSchema<RxDocumentData<any>>;
type Doc = any;
/* eslint-enable @typescript-eslint/no-explicit-any */

/**
 * The write context RxDB's replication uses when it stores documents pulled from the
 * central system (replication-protocol/index.js: 'replication-downstream-' + checkpoint key).
 */
export const PULLED_WRITE_CONTEXT_PREFIX = 'replication-downstream-';

/**
 * Encrypts the schema's `encrypted` fields with AES-GCM (WebCrypto) before they reach
 * the storage; see fieldCipher.ts for the format and how crypto-js data is still read.
 */
export function encryptedStorage(storage: AnyStorage): AnyStorage {
  return {
    ...storage,
    name: `aes-gcm-${storage.name}`,
    async createStorageInstance(params) {
      if (!hasEncryption(params.schema)) return storage.createStorageInstance(params);
      if (typeof params.password !== 'string' || params.password.length < 8) {
        throw new Error('The local store needs a storage key of at least 8 characters to encrypt personal data');
      }
      const fields = params.schema.encrypted ?? [];
      if (fields.some((field) => field.includes('.'))) throw new Error('Only top-level fields can be encrypted in the local store');
      // Ciphertext is a string whatever the field held, so the stored schema says so.
      const stored: AnySchema = clone(params.schema);
      delete stored.encrypted;
      const properties = stored.properties as Record<string, unknown>;
      for (const field of fields) properties[field] = { type: 'string' };
      const instance = await storage.createStorageInstance({ ...params, schema: stored });
      const cipher = createFieldCipher(params.password, fields);
      return encryptedInstance(params.schema as AnySchema, instance, cipher);
    },
  };
}

/** Stores the app and RxDB keep for themselves (never a rep's record): not validated, see validatedStorage. */
const RXDB_BOOKKEEPING: readonly string[] = [META_INSTANCE_SCHEMA_TITLE, INTERNAL_STORE_SCHEMA_TITLE, RX_LOCAL_DOCUMENT_SCHEMA.title ?? ''];

/**
 * Checks documents against their schema with the central system's own check
 * (shared/schemas/schemaCheck.ts: plain code, so it runs under the CSP, and microseconds a
 * document: z-schema, used before, took half a millisecond, 5 s of a 10,000-row import and
 * tasks of 250 ms), except those pulled from the central system: it checked each one against
 * the same schema when it was pushed.
 * The replication's own bookkeeping (its meta instance, which keeps a copy of every pulled
 * document as the assumed master state) is not validated either: RxDB writes it, never a rep,
 * and validating it was the largest item of a first sync's CPU profile. Nor are RxDB's internal
 * store (collection and storage-token records) and local documents (sync state, first-sync
 * progress): the app's and RxDB's bookkeeping, whose schemas allow any `data`.
 */
export function validatedStorage(storage: AnyStorage): AnyStorage {
  return {
    ...storage,
    name: `validate-own-${storage.name}`,
    async createStorageInstance(params) {
      const instance: AnyInstance = await storage.createStorageInstance(params);
      if (RXDB_BOOKKEEPING.includes(params.schema.title ?? '')) return instance;
      const primary = getPrimaryFieldOfPrimaryKey(params.schema.primaryKey);
      const schema = params.schema as unknown as SchemaNode;
      const write = instance.bulkWrite.bind(instance);
      instance.bulkWrite = async (rows: BulkWriteRow<Doc>[], context: string): Promise<RxStorageBulkWriteResponse<Doc>> => {
        if (context.startsWith(PULLED_WRITE_CONTEXT_PREFIX)) return write(rows, context);
        const errors: RxStorageWriteErrorValidation<Doc>[] = [];
        const valid: BulkWriteRow<Doc>[] = [];
        for (const row of rows) {
          const validationErrors = checkSchema(schema, row.document);
          if (validationErrors.length === 0) valid.push(row);
          else {
            errors.push({
              status: 422,
              isError: true,
              documentId: String((row.document as Record<string, unknown>)[primary]),
              writeRow: row,
              validationErrors,
              schema: instance.schema as AnySchema,
              context,
            });
          }
        }
        const result = valid.length > 0 ? await write(valid, context) : { error: [] };
        return { error: [...result.error, ...errors] };
      };
      return instance;
    },
  };
}

/** How finely chunkedStorage splits writes and reads by id. */
export interface Chunking {
  writeRows: number;
  readIds: number;
}

/**
 * On the UI thread: small enough that one chunk stays well under a 100 ms task on a slow laptop.
 * Reads by id: the replication reads a whole pull page by id twice before storing it (the local
 * copies and its meta copies), one IndexedDB get per id issued in one task, which made a
 * 1,000-document page the first sync's longest task.
 */
export const IN_THREAD_CHUNKS: Chunking = { writeRows: 100, readIds: 200 };

/**
 * In front of the worker the UI thread only passes documents on, but every chunk is an IndexedDB
 * transaction and a replication checkpoint write of its own: chunks of 100 made a 12,000-document
 * first sync take twice as long (B4: 46 and 55 s vs 21 and 27 s in chunks of 1,000, same load).
 * Unsplit is no better: while a write runs, RxDB merges the pages pulled meanwhile into the next
 * one (9,003 rows, one 17 s transaction, and the progress writes queued behind it; a 426 ms task
 * to pass it on).
 */
export const WORKER_CHUNKS: Chunking = { writeRows: 1_000, readIds: 1_000 };

interface YieldingScheduler {
  yield?: () => Promise<void>;
}

/**
 * Lets the UI thread paint and handle input between chunks. `scheduler.yield()` (Chromium 129+)
 * lets pending input and rendering run, then resumes this write ahead of other queued tasks, so a
 * first sync loses no throughput to yielding; a macrotask (setTimeout) where it is missing (Node tests).
 */
export function yieldToUi(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: YieldingScheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Splits large writes (a 1,000-document pull page) and reads by id into chunks with a yield
 * between them, so a first sync never freezes the window (sizes: IN_THREAD_CHUNKS,
 * WORKER_CHUNKS). RxDB writes are per-document anyway (errors come back per row), and a write
 * checks each document's revision, so splitting changes no outcome.
 */
export function chunkedStorage(storage: AnyStorage, chunks: Chunking): AnyStorage {
  const { writeRows, readIds } = chunks;
  return {
    ...storage,
    name: `chunked-${storage.name}`,
    async createStorageInstance(params) {
      const instance: AnyInstance = await storage.createStorageInstance(params);
      const write = instance.bulkWrite.bind(instance);
      instance.bulkWrite = async (rows: BulkWriteRow<Doc>[], context: string): Promise<RxStorageBulkWriteResponse<Doc>> => {
        if (rows.length <= writeRows) return write(rows, context);
        const error: RxStorageBulkWriteResponse<Doc>['error'] = [];
        for (let at = 0; at < rows.length; at += writeRows) {
          if (at > 0) await yieldToUi();
          error.push(...(await write(rows.slice(at, at + writeRows), context)).error);
        }
        return { error };
      };
      const read = instance.findDocumentsById.bind(instance);
      instance.findDocumentsById = async (ids: string[], withDeleted: boolean): Promise<Doc[]> => {
        if (ids.length <= readIds) return read(ids, withDeleted);
        const found: Doc[] = [];
        for (let at = 0; at < ids.length; at += readIds) {
          if (at > 0) await yieldToUi();
          found.push(...(await read(ids.slice(at, at + readIds), withDeleted)));
        }
        return found;
      };
      return instance;
    },
  };
}

/** The store on the UI thread (Node tests, the B1 bench, a runtime without module workers). */
export function inThreadStorage(dexie: AnyStorage): AnyStorage {
  return chunkedStorage(encryptedStorage(dexie), IN_THREAD_CHUNKS);
}

/**
 * Answers a read by id without IndexedDB for ids that cannot be stored: the store was empty
 * when it opened and no write since named them. A first sync stores every pulled page after
 * reading it by id twice (the local copies and the replication's meta copies), each read one
 * IndexedDB get per id: on an empty store those were a third of its IndexedDB requests, for
 * nothing. Whether the store was empty is asked once (one document of its changes index)
 * before the first write goes down, so no write can race that answer; any write, even one that
 * fails, counts its ids as possibly stored.
 */
export function absentReadsStorage(storage: AnyStorage): AnyStorage {
  return {
    ...storage,
    name: `absent-reads-${storage.name}`,
    async createStorageInstance(params) {
      const instance: AnyInstance = await storage.createStorageInstance(params);
      const primary = getPrimaryFieldOfPrimaryKey(params.schema.primaryKey);
      const written = new Set<string>();
      // Asked now, answered before any write below starts: nothing can have been stored by then.
      // The changes index holds deleted documents too.
      const emptyAtOpen: Promise<boolean> = getChangedDocumentsSince(instance, 1).then(
        (first) => first.documents.length === 0,
        () => false,
      );
      let tracking = true;
      const write = instance.bulkWrite.bind(instance);
      instance.bulkWrite = async (rows: BulkWriteRow<Doc>[], context: string): Promise<RxStorageBulkWriteResponse<Doc>> => {
        await emptyAtOpen;
        for (const row of rows) {
          const id: unknown = (row.document as Record<string, unknown>)[primary];
          if (typeof id === 'string') written.add(id);
          else tracking = false;
        }
        return write(rows, context);
      };
      const read = instance.findDocumentsById.bind(instance);
      instance.findDocumentsById = async (ids: string[], withDeleted: boolean): Promise<Doc[]> => {
        if (!tracking || !(await emptyAtOpen)) return read(ids, withDeleted);
        const maybeStored = ids.filter((id) => written.has(id));
        return maybeStored.length === 0 ? [] : read(maybeStored, withDeleted);
      };
      return instance;
    },
  };
}
