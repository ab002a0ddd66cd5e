import { BehaviorSubject, filter, firstValueFrom, mergeMap, tap } from 'rxjs';
import {
  flatClone,
  type BulkWriteRow,
  type EventBulk,
  type RxDocumentData,
  type RxJsonSchema,
  type RxStorageBulkWriteResponse,
  type RxStorageChangeEvent,
  type RxStorageInstance,
  type RxStorageWriteError,
} from 'rxdb';
import type { FieldCipher } from './fieldCipher';

/* eslint-disable @typescript-eslint/no-explicit-any -- RxStorage's own generics are `any` at this layer */
type AnyInstance = RxStorageInstance<any, any, any>;
type Doc = RxDocumentData<any>;
/* eslint-enable @typescript-eslint/no-explicit-any */

/**
 * RxDB's `wrapRxStorageInstance` with the field cipher, minus the work a first sync paid for
 * nothing: it decrypted every document it had just encrypted, once for the change event of the
 * collection and once for the replication's meta instance. Here the plaintext of each written
 * document is remembered (a WeakMap keyed by the exact object handed to the storage, which the
 * Dexie storage puts into its change events) and the event carries it; only documents read back
 * from disk are decrypted. `previous` is handed down in plaintext: a storage compares only its
 * `_rev` and `_deleted` and never stores it, so encrypting it was a WebCrypto call per update
 * for nothing.
 */
export function encryptedInstance(schema: RxJsonSchema<Doc>, instance: AnyInstance, cipher: FieldCipher): AnyInstance {
  const plainOf = new WeakMap<object, Doc>();
  const fromStorage = async (doc: Doc | undefined): Promise<Doc | undefined> =>
    doc ? (plainOf.get(doc) ?? ((await cipher.decrypt(doc as Record<string, unknown>)) as Doc)) : doc;

  const processingChanges$ = new BehaviorSubject(0);
  const bulkWrite = async (rows: BulkWriteRow<Doc>[], context: string): Promise<RxStorageBulkWriteResponse<Doc>> => {
    const sent = await Promise.all(
      rows.map(async (row): Promise<BulkWriteRow<Doc>> => {
        const document = (await cipher.encrypt(row.document as Record<string, unknown>)) as Doc;
        plainOf.set(document, row.document);
        if (row.previous) plainOf.set(row.previous, row.previous);
        return { previous: row.previous, document };
      }),
    );
    const originalOf = new Map(sent.map((row, i) => [row, rows[i]!]));
    const result = await instance.bulkWrite(sent, context);
    const error = await Promise.all(
      result.error.map(async (failed: RxStorageWriteError<Doc>): Promise<RxStorageWriteError<Doc>> => {
        const out = flatClone(failed);
        out.writeRow = originalOf.get(failed.writeRow) ?? {
          previous: failed.writeRow.previous,
          document: (await fromStorage(failed.writeRow.document))!,
        };
        if ('documentInDb' in out && out.documentInDb) out.documentInDb = (await fromStorage(out.documentInDb))!;
        return out;
      }),
    );
    // RxDB's contract: every change event of a write is emitted before the write resolves.
    await firstValueFrom(processingChanges$.pipe(filter((count) => count === 0)));
    return { error };
  };

  const changeStream = () =>
    instance.changeStream().pipe(
      tap(() => processingChanges$.next(processingChanges$.getValue() + 1)),
      mergeMap(async (bulk: EventBulk<RxStorageChangeEvent<Doc>, unknown>) => {
        const events = await Promise.all(
          bulk.events.map(async (event) => ({
            operation: event.operation,
            documentId: event.documentId,
            documentData: (await fromStorage(event.documentData))!,
            previousDocumentData: await fromStorage(event.previousDocumentData),
            isLocal: false,
          })),
        );
        return { id: bulk.id, events, checkpoint: bulk.checkpoint, context: bulk.context } as EventBulk<RxStorageChangeEvent<Doc>, unknown>;
      }),
      tap(() => processingChanges$.next(processingChanges$.getValue() - 1)),
    );

  return {
    databaseName: instance.databaseName,
    internals: instance.internals,
    options: instance.options,
    schema,
    collectionName: instance.collectionName,
    cleanup: instance.cleanup.bind(instance),
    close: instance.close.bind(instance),
    count: instance.count.bind(instance),
    remove: instance.remove.bind(instance),
    getAttachmentData: instance.getAttachmentData.bind(instance),
    bulkWrite,
    changeStream,
    query: async (prepared) => {
      const found = await instance.query(prepared);
      return { documents: (await Promise.all(found.documents.map(fromStorage))) as Doc[] };
    },
    findDocumentsById: async (ids, withDeleted) =>
      (await Promise.all((await instance.findDocumentsById(ids, withDeleted)).map(fromStorage))) as Doc[],
    getChangedDocumentsSince: instance.getChangedDocumentsSince
      ? async (limit, checkpoint) => {
          const changed = await instance.getChangedDocumentsSince!(limit, checkpoint);
          return { checkpoint: changed.checkpoint, documents: (await Promise.all(changed.documents.map(fromStorage))) as Doc[] };
        }
      : undefined,
  };
}
