/**
 * The first sync of a laptop: which collections come first, and how far along it is.
 * Pure, so the engine's bookkeeping is tested without a database or a network.
 */
import type { CollectionName } from '../schemas';

/**
 * What a rep needs first: the rules and the catalog to work at all, then open orders and the
 * accounts they belong to, then the rest; old leads, the bulk, last.
 */
export const INITIAL_SYNC_ORDER: readonly CollectionName[] = [
  'ruleSets',
  'offerings',
  // The order approval policy: small, and the order screen says offline what it will route.
  'policies',
  'orders',
  'accounts',
  'quotes',
  'opportunities',
  'contacts',
  'products',
  // Files of orders: large and seldom opened, after everything a rep works with.
  'orderAttachments',
  'leads',
];

/** Per collection: documents stored so far, the checkpoint they reached, and what the central system says remains. */
export interface CollectionProgress {
  done: number;
  seq: number;
  remaining: number | null;
  complete: boolean;
}

/** Kept in a local document, so a reload or a lost connection resumes the count where it stopped. */
export interface InitialSyncState {
  collections: Partial<Record<CollectionName, CollectionProgress>>;
  complete: boolean;
}

export const EMPTY_INITIAL_SYNC: InitialSyncState = { collections: {}, complete: false };

export function recordPage(
  state: InitialSyncState,
  name: CollectionName,
  page: { documents: number; seq: number; remaining: number | undefined; full: boolean },
): InitialSyncState {
  const before = state.collections[name] ?? { done: 0, seq: 0, remaining: null, complete: false };
  // An older central system sends no `remaining`: the last known figure minus this page is the best guess.
  const remaining = page.remaining ?? (before.remaining === null ? null : Math.max(0, before.remaining - page.documents));
  const next: CollectionProgress = {
    done: before.done + page.documents,
    seq: Math.max(before.seq, page.seq),
    remaining: page.full ? remaining : 0,
    complete: before.complete || !page.full,
  };
  return { ...state, collections: { ...state.collections, [name]: next } };
}

/** What a probe (one document from the stored checkpoint) says remains before any page arrives. */
export function recordEstimate(state: InitialSyncState, name: CollectionName, remaining: number): InitialSyncState {
  const before = state.collections[name] ?? { done: 0, seq: 0, remaining: null, complete: false };
  if (before.complete) return state;
  return { ...state, collections: { ...state.collections, [name]: { ...before, remaining } } };
}

export function markComplete(state: InitialSyncState): InitialSyncState {
  return { ...state, complete: true };
}

export interface InitialSyncSummary {
  done: number;
  /** null until every collection has been asked how much it holds. */
  total: number | null;
  /** Seconds left at the rate seen since this session started; null while there is no rate yet. */
  etaSeconds: number | null;
}

export function summarise(
  state: InitialSyncState,
  collections: readonly CollectionName[],
  session: { startedDone: number; elapsedMs: number },
): InitialSyncSummary {
  let done = 0;
  let total: number | null = 0;
  for (const name of collections) {
    const progress = state.collections[name];
    done += progress?.done ?? 0;
    if (total !== null) total = progress && progress.remaining !== null ? total + progress.done + progress.remaining : null;
  }
  const gained = done - session.startedDone;
  const etaSeconds =
    total !== null && gained > 0 && session.elapsedMs > 0 ? Math.ceil(((total - done) * session.elapsedMs) / gained / 1000) : null;
  return { done, total, etaSeconds };
}
