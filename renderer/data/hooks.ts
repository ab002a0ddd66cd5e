import { useEffect, useState } from 'react';
import type { MangoQuery } from 'rxdb';
import type { CollectionDocs, CollectionName } from '../../shared/schemas';
import { useOutpost } from '../app/OutpostContext';
import { collectionOf } from './database';

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
    const sub = collectionOf(db, name).find(JSON.parse(key) as MangoQuery<CollectionDocs[N]>).$.subscribe((found) => {
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
    const sub = collectionOf(db, name).findOne(id).$.subscribe((found) => {
      setDoc(found ? (found.toMutableJSON() as CollectionDocs[N]) : null);
    });
    return () => sub.unsubscribe();
  }, [db, name, id]);
  return doc;
}
