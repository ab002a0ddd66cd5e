import { isCollectionName, isOwnedCollection, type CollectionName } from '../../../../shared/schemas';
import { toNumber, type Queryable } from '../db/db';
import type { AuthUser } from '../auth/users';
import type { DocChange } from './hub';
import type { JsonObject } from '../json';
import { ownerVisibleSql } from '../auth/scope';
import { noteReads, noteWrites, readBefore } from './deferredSeqs';
import type { StoredDoc } from './storedDoc';

export type { StoredDoc } from './storedDoc';

interface DocRow extends Record<string, unknown> {
  id: string;
  owner: string | null;
  seq: unknown;
  deleted: boolean;
  data: JsonObject;
}

function fromRow(collection: CollectionName, row: DocRow): StoredDoc {
  return { collection, id: row.id, owner: row.owner, seq: toNumber(row.seq), deleted: row.deleted, data: row.data };
}

/** The document as the sync protocol carries it. */
export function toWire(doc: Pick<StoredDoc, 'data' | 'deleted'>): JsonObject {
  return { ...doc.data, _deleted: doc.deleted };
}

export function changeOf(doc: StoredDoc): DocChange {
  return { collection: doc.collection, seq: doc.seq, owner: doc.owner };
}

export async function loadDoc(tx: Queryable, collection: CollectionName, id: string): Promise<StoredDoc | undefined> {
  const known = readBefore(tx, collection, [id]);
  if (known) return known[0];
  const rows = await tx.query<DocRow>('SELECT id, owner, seq, deleted, data FROM sync_docs WHERE collection = $1 AND id = $2', [
    collection,
    id,
  ]);
  const doc = rows[0] ? fromRow(collection, rows[0]) : undefined;
  if (doc) noteReads(tx, [doc]);
  return doc;
}

/** Masters of many ids in one query (a push batch). */
export async function loadDocs(tx: Queryable, collection: CollectionName, ids: readonly string[]): Promise<Map<string, StoredDoc>> {
  if (ids.length === 0) return new Map();
  const known = readBefore(tx, collection, ids);
  if (known) return new Map(known.map((doc) => [doc.id, doc]));
  const rows = await tx.query<DocRow>(
    'SELECT id, owner, seq, deleted, data FROM sync_docs WHERE collection = $1 AND id = ANY($2::text[])',
    [collection, [...ids]],
  );
  const docs = new Map(rows.map((row) => [row.id, fromRow(collection, row)]));
  noteReads(tx, docs.values());
  return docs;
}

/** A document to read by its collection and id. */
export interface DocRef {
  collection: CollectionName;
  id: string;
}

/**
 * Masters of many ids and, in the same query, other documents the push will read (`along`):
 * one round trip instead of one per lookup. Returns the masters and the `along` documents found.
 */
export async function loadDocsAlong(
  tx: Queryable,
  collection: CollectionName,
  ids: readonly string[],
  along: readonly DocRef[],
): Promise<{ masters: Map<string, StoredDoc>; along: StoredDoc[] }> {
  const rows = await tx.query<DocRow & { collection: string }>(
    `SELECT collection, id, owner, seq, deleted, data FROM sync_docs WHERE collection = $1 AND id = ANY($2::text[])
     UNION ALL
     SELECT d.collection, d.id, d.owner, d.seq, d.deleted, d.data
       FROM (SELECT DISTINCT r.collection, r.id FROM jsonb_to_recordset($3::jsonb) AS r(collection text, id text)
              WHERE r.collection <> $1 OR NOT r.id = ANY($2::text[])) AS r
       JOIN sync_docs d ON d.collection = r.collection AND d.id = r.id`,
    [collection, [...ids], JSON.stringify(along)],
  );
  const docs = rows.flatMap((row) => (isCollectionName(row.collection) ? [fromRow(row.collection, row)] : []));
  noteReads(tx, docs);
  const masters = new Map(docs.filter((doc) => doc.collection === collection && ids.includes(doc.id)).map((doc) => [doc.id, doc]));
  return { masters, along: docs.filter((doc) => !(doc.collection === collection && masters.has(doc.id))) };
}

export interface DocWrite {
  collection: CollectionName;
  id: string;
  owner: string | null;
  deleted: boolean;
  data: JsonObject;
}

/**
 * Insert or replace a document under a fresh seq. The caller holds the write lock
 * (takeWriteLock), so seqs commit in the order they are drawn, or defers its seqs (deferredSeqs.ts).
 */
export async function writeDoc(tx: Queryable, write: DocWrite): Promise<StoredDoc> {
  noteWrites(tx, write.collection, [write.id]);
  const rows = await tx.query<{ seq: unknown }>(
    `INSERT INTO sync_docs (collection, id, owner, seq, deleted, data)
     VALUES ($1, $2, $3, nextval('sync_seq'), $4, $5::jsonb)
     ON CONFLICT (collection, id) DO UPDATE
       SET owner = EXCLUDED.owner, seq = EXCLUDED.seq, deleted = EXCLUDED.deleted,
           data = EXCLUDED.data, stored_at = now()
     RETURNING seq`,
    [write.collection, write.id, write.owner, write.deleted, JSON.stringify(write.data)],
  );
  const stored = { ...write, seq: toNumber(rows[0]?.seq) };
  noteReads(tx, [stored]);
  return stored;
}

/**
 * Many documents of one collection in one statement, seqs drawn in the given order; ids must
 * be distinct (one row cannot be updated twice by one INSERT). Caller holds the write lock
 * or defers its seqs.
 */
export async function writeDocs(
  tx: Queryable,
  collection: CollectionName,
  writes: readonly Omit<DocWrite, 'collection'>[],
): Promise<StoredDoc[]> {
  if (writes.length === 0) return [];
  noteWrites(
    tx,
    collection,
    writes.map((write) => write.id),
  );
  const rows = await tx.query<{ id: string; seq: unknown }>(
    `INSERT INTO sync_docs (collection, id, owner, seq, deleted, data)
     SELECT $1, w.doc ->> 'id', w.doc ->> 'owner', nextval('sync_seq'), (w.doc ->> 'deleted')::boolean, w.doc -> 'data'
       FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS w(doc, n)
      ORDER BY w.n
     ON CONFLICT (collection, id) DO UPDATE
       SET owner = EXCLUDED.owner, seq = EXCLUDED.seq, deleted = EXCLUDED.deleted,
           data = EXCLUDED.data, stored_at = now()
     RETURNING id, seq`,
    [collection, JSON.stringify(writes)],
  );
  const seqs = new Map(rows.map((row) => [row.id, toNumber(row.seq)]));
  const stored = writes.map((write) => ({ ...write, collection, seq: seqs.get(write.id) ?? 0 }));
  noteReads(tx, stored);
  return stored;
}

/** Seeding: leaves an existing document (maybe edited by a rep since) untouched. */
export async function insertDocIfAbsent(tx: Queryable, write: DocWrite): Promise<StoredDoc | undefined> {
  const existing = await loadDoc(tx, write.collection, write.id);
  return existing ? undefined : writeDoc(tx, write);
}

/** Documents after `sinceSeq` that the user may see, in seq order. */
export async function pullDocs(
  db: Queryable,
  collection: CollectionName,
  user: AuthUser,
  sinceSeq: number,
  limit: number,
): Promise<StoredDoc[]> {
  const params: unknown[] = [collection, sinceSeq, limit];
  let scope = 'TRUE';
  if (isOwnedCollection(collection)) {
    scope = ownerVisibleSql(user, 'owner', 4);
    if (scope !== 'TRUE') params.push(user.id);
  }
  const rows = await db.query<DocRow>(
    `SELECT id, owner, seq, deleted, data FROM sync_docs
      WHERE collection = $1 AND seq > $2 AND ${scope}
      ORDER BY seq LIMIT $3`,
    params,
  );
  return rows.map((row) => fromRow(collection, row));
}
