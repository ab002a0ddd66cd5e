import { useEffect, useState, useSyncExternalStore } from 'react';
import type { MangoQuery } from 'rxdb';
import type { CollectionDocs, CollectionName } from '../../shared/schemas';
import { useOutpost } from '../app/OutpostContext';
import { CollectionCache, type CollectionSnapshot } from './collectionCache';
import { collectionOf, type OutpostDatabase } from './database';

/**
 * Live list of plain documents of a collection. Re-renders when a matching document
 * changes locally or arrives by sync. `undefined` while the first result loads.
 */
export function useDocuments<N extends CollectionName>(
  name: N,
  query: MangoQuery<CollectionDocs[N]> = {},
): CollectionDocs[N][] | undefined {
  const { db } = useOutpost();
  const key = JSON.stringify(query);
  const [docs, setDocs] = useState<CollectionDocs[N][] | undefined>(undefined);
  useEffect(() => {
    const sub = collectionOf(db, name)
      .find(JSON.parse(key) as MangoQuery<CollectionDocs[N]>)
      .$.subscribe((found) => {
        setDocs(found.map((d) => d.toMutableJSON() as CollectionDocs[N]));
      });
    return () => sub.unsubscribe();
  }, [db, name, key]);
  return docs;
}

/** Live single document: `undefined` while loading, `null` when there is none. */
export function useDocument<N extends CollectionName>(name: N, id: string | undefined): CollectionDocs[N] | null | undefined {
  const { db } = useOutpost();
  const [doc, setDoc] = useState<CollectionDocs[N] | null | undefined>(undefined);
  useEffect(() => {
    if (!id) {
      setDoc(null);
      return undefined;
    }
    setDoc(undefined);
    const sub = collectionOf(db, name)
      .findOne(id)
      .$.subscribe((found) => {
        setDoc(found ? (found.toMutableJSON() as CollectionDocs[N]) : null);
      });
    return () => sub.unsubscribe();
  }, [db, name, id]);
  return doc;
}

/**
 * One cache per open database and collection, shared by every list screen and kept while the
 * database is open, so returning to a list does not read and decrypt it all again.
 */
const caches = new WeakMap<OutpostDatabase, Map<CollectionName, CollectionCache<{ id: string }>>>();

export function collectionCache<N extends CollectionName>(db: OutpostDatabase, name: N): CollectionCache<CollectionDocs[N]> {
  let byName = caches.get(db);
  if (!byName) {
    const created = new Map<CollectionName, CollectionCache<{ id: string }>>();
    byName = created;
    caches.set(db, created);
    db.onClose.push(() => {
      for (const cache of created.values()) cache.stop();
      created.clear();
    });
  }
  let cache = byName.get(name);
  if (!cache) {
    cache = new CollectionCache<CollectionDocs[N]>(collectionOf(db, name)).start() as unknown as CollectionCache<{ id: string }>;
    byName.set(name, cache);
  }
  return cache as unknown as CollectionCache<CollectionDocs[N]>;
}

/**
 * Every document of a collection for a list screen: the first rows arrive after one small
 * read, the rest in chunks (`loading` until then), and changes keep it current.
 */
export function useCollectionRows<N extends CollectionName>(name: N): CollectionSnapshot<CollectionDocs[N]> {
  const { db } = useOutpost();
  const cache = collectionCache(db, name);
  return useSyncExternalStore(cache.subscribe, cache.getSnapshot);
}
