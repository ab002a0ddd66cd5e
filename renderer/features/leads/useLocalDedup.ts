import { useCallback } from 'react';
import { useOutpost } from '../../app/OutpostContext';
import type { OutpostDatabase } from '../../data/database';
import { collectionCache } from '../../data/hooks';
import { LiveDedupIndex } from './dedupIndex';

/** One index per open database, kept current from the shared collection caches while it is open. */
const indexes = new WeakMap<OutpostDatabase, { live: LiveDedupIndex; ready: () => Promise<LiveDedupIndex> }>();

export function localDedup(db: OutpostDatabase): { live: LiveDedupIndex; ready: () => Promise<LiveDedupIndex> } {
  let found = indexes.get(db);
  if (!found) {
    const live = new LiveDedupIndex();
    const leads = collectionCache(db, 'leads');
    const accounts = collectionCache(db, 'accounts');
    const contacts = collectionCache(db, 'contacts');
    const off = live.follow(leads, accounts, contacts);
    db.onClose.push(off);
    // Complete once the caches have read every stored record and the index has caught up with them.
    const ready = async () => {
      await Promise.all([leads.loaded(), accounts.loaded(), contacts.loaded()]);
      await live.settled();
      return live;
    };
    found = { live, ready };
    indexes.set(db, found);
  }
  return found;
}

/** The laptop's dedup index, once complete (the lead form and the import await it before a check). */
export function useLocalDedup(): () => Promise<LiveDedupIndex> {
  const { db } = useOutpost();
  return useCallback(() => localDedup(db).ready(), [db]);
}
