/**
 * Bundled into the layers page (test/bench/storageLayers.ts): the same leads as B1 written
 * through one more layer of the store at a time, to say where B1's time per row goes.
 */
import Dexie from 'dexie';
import { fillWithDefaultSettings, type RxJsonSchema, type RxDocumentData } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { openDatabase } from '../../../renderer/data/database';
import { createFieldCipher } from '../../../renderer/data/fieldCipher';
import { leadSchema, type LeadDoc } from '../../../shared/schemas/lead.schema';
import { benchLead } from '../seed';
import { localWrite } from './localWrite';

const KEY = 'b'.repeat(64);
const CHUNK = 1000;

function leads(count: number) {
  return Array.from({ length: count }, (_, i) => ({ ...benchLead(i), owner: 'user-bench', syncPending: false }));
}

/** A lead as RxDB's Dexie storage puts it (booleans of indexes as '0'/'1', RxDB's meta fields). */
function storedRow(doc: ReturnType<typeof leads>[number], i: number) {
  return { ...doc, _deleted: '0', syncPending: '0', _rev: '1-bench', _attachments: {}, _meta: { lwt: 1_700_000_000_000 + i } };
}

/** Dexie alone, in transactions of CHUNK rows, with the given table schema (Dexie's syntax). */
async function dexieWrite(count: number, name: string, stores: string, readFirst: boolean, encrypt: boolean): Promise<number> {
  const rows = leads(count).map(storedRow);
  const cipher = createFieldCipher(KEY, leadSchema.encrypted ?? []);
  const db = new Dexie(name);
  db.version(1).stores({ docs: stores });
  await db.open();
  try {
    const started = performance.now();
    for (let at = 0; at < rows.length; at += CHUNK) {
      let part: Record<string, unknown>[] = rows.slice(at, at + CHUNK);
      if (encrypt) part = await Promise.all(part.map((row) => cipher.encrypt(row)));
      await db.transaction('rw', db.table('docs'), async () => {
        // RxDB's Dexie storage reads every written id first (to tell inserts from updates).
        if (readFirst) await db.table('docs').bulkGet(part.map((row) => String(row.id)));
        await db.table('docs').bulkPut(part);
      });
    }
    return performance.now() - started;
  } finally {
    db.close();
    await Dexie.delete(name);
  }
}

async function encryptOnly(count: number): Promise<number> {
  const docs = leads(count);
  const cipher = createFieldCipher(KEY, leadSchema.encrypted ?? []);
  await cipher.encrypt(docs[0]!);
  const started = performance.now();
  await Promise.all(docs.map((doc) => cipher.encrypt(doc)));
  return performance.now() - started;
}

/** RxDB's Dexie storage alone: no encryption, validation or replication. */
async function rxdbStorage(count: number, run: string): Promise<number> {
  const schema = fillWithDefaultSettings(leadSchema) as RxJsonSchema<RxDocumentData<LeadDoc>>;
  delete schema.encrypted;
  const instance = await getRxStorageDexie().createStorageInstance<LeadDoc>({
    databaseInstanceToken: 'bench',
    databaseName: `layers-storage-${run}`,
    collectionName: 'leads',
    schema,
    options: {},
    multiInstance: false,
    devMode: false,
  });
  const docs = leads(count).map((doc, i) => ({ ...doc, _rev: '1-bench', _attachments: {}, _meta: { lwt: 1_700_000_000_000 + i } }));
  try {
    const started = performance.now();
    for (let at = 0; at < docs.length; at += CHUNK) {
      await instance.bulkWrite(
        docs.slice(at, at + CHUNK).map((document) => ({ document })),
        'bench',
      );
    }
    return performance.now() - started;
  } finally {
    await instance.remove();
  }
}

/** The rep's own writes: the collection's bulkInsert (stamped, validated, encrypted), as the import stores. */
async function collectionInsert(count: number, run: string): Promise<number> {
  const docs = leads(count);
  const db = await openDatabase({ userId: `layers-insert-${run}`, storageKey: KEY });
  try {
    const started = performance.now();
    for (let at = 0; at < docs.length; at += CHUNK) await db.leads.bulkInsert(docs.slice(at, at + CHUNK));
    return performance.now() - started;
  } finally {
    await db.remove();
  }
}

/** RxDB's Dexie storage declares these on every collection, plus the schema's [syncPending, id] (getDexieStoreSchema). */
const RXDB_INDEXES = ['[_deleted+id]', '[_deleted+syncPending+id]', '[_meta.lwt+id]', '_meta.lwt'];

export const LAYERS: Record<string, (count: number, run: string) => Promise<number>> = {
  'Dexie, primary key only': (n, r) => dexieWrite(n, `layers-pk-${r}`, 'id', false, false),
  ...Object.fromEntries(
    RXDB_INDEXES.map((index) => [
      `Dexie, + ${index} alone`,
      (n: number, r: string) => dexieWrite(n, `layers-${index}-${r}`, `id, ${index}`, false, false),
    ]),
  ),
  "Dexie, RxDB's 4 indexes": (n, r) => dexieWrite(n, `layers-all-${r}`, ['id', ...RXDB_INDEXES].join(', '), false, false),
  "Dexie, RxDB's 4 indexes, read first": (n, r) => dexieWrite(n, `layers-read-${r}`, ['id', ...RXDB_INDEXES].join(', '), true, false),
  '  + AES-GCM envelope': (n, r) => dexieWrite(n, `layers-enc-${r}`, ['id', ...RXDB_INDEXES].join(', '), true, true),
  'AES-GCM envelope alone': (n) => encryptOnly(n),
  "RxDB's Dexie storage bulkWrite": rxdbStorage,
  'collection bulkInsert (own writes)': collectionInsert,
  'B1: replication into openDatabase': (n, r) => localWrite(n, Number(r)),
};

(globalThis as unknown as { storageLayers: typeof LAYERS }).storageLayers = LAYERS;
