import type { RxChangeEvent, RxCollection, RxDocument } from 'rxdb';
import type { Subscription } from 'rxjs';
import { newestRangeStart } from './newestRange';

/**
 * All documents of one collection, decrypted once and kept current, for the list screens.
 *
 * Why not one live `find()`: at 50k leads a live query decrypts and hands over every
 * document on each change, in one long task, and the screen stays blank until all are in.
 * Instead the newest documents load first (UUIDv7 ids sort by creation; newestRange.ts finds
 * them without reading the rest), then all older ones in ascending chunks of the primary-key
 * index, each chunk its own task, so the first rows show after one small read; after that,
 * single change events keep the map current without re-reading the rest. Every chunk is an
 * index range read to its limit: a descending chunk would read its whole range (the storage
 * sorts only ascending), which at 50k leads made loading quadratic and held the storage worker
 * for minutes, stalling every write behind it (an import after the first sync).
 */
export interface CollectionSnapshot<T> {
  rows: readonly T[];
  /** True until every stored document has been read once. */
  loading: boolean;
}

/** A small first chunk shows the first screenful quickly; later ones amortise each read. */
export const FIRST_CHUNK = 100;
export const CHUNK = 1_000;
/** While loading, how often the screen is told about the rows so far (each costs a re-sort). */
const LOADING_NOTIFY_MS = 250;
/**
 * A burst of changes (a sync batch) becomes one update. Each update re-sorts the whole list,
 * so big lists update less often (50k rows: twice a second) and the main thread stays free.
 */
const CHANGE_COALESCE_MS = 100;
const ROWS_PER_COALESCE_MS = 100;

interface Entry<T> {
  doc: T;
  /** Revision height: an older read never overwrites a newer change that overtook it. */
  height: number;
}

function revisionHeight(rev: string | undefined): number {
  return rev ? Number.parseInt(rev, 10) || 0 : 0;
}

/** The document without storage metadata (`_rev`, `_meta`, `_attachments`, `_deleted`). */
function plain<T>(data: Readonly<Record<string, unknown>>): T {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(data)) if (!key.startsWith('_')) copy[key] = data[key];
  return copy as T;
}

export class CollectionCache<T extends { id: string }> {
  private readonly entries = new Map<string, Entry<T>>();
  /** Deleted ids with the deleting revision, so a chunk read before the delete cannot revive them. */
  private readonly deleted = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  private snapshot: CollectionSnapshot<T> = { rows: [], loading: true };
  private changes: Subscription | null = null;
  private stopped = false;
  private notifyTimer: ReturnType<typeof setTimeout> | null = null;
  private lastNotify = 0;
  private failure: unknown = null;

  constructor(private readonly collection: RxCollection<T>) {}

  /** Starts listening for changes, then reads everything stored, chunk by chunk. */
  start(): this {
    // Subscribe first: a change made while the chunks load must not fall between two reads.
    this.changes = this.collection.$.subscribe((event) => this.apply(event));
    void this.load();
    return this;
  }

  stop(): void {
    this.stopped = true;
    this.changes?.unsubscribe();
    if (this.notifyTimer) clearTimeout(this.notifyTimer);
    this.listeners.clear();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): CollectionSnapshot<T> => this.snapshot;

  /** Why the first read failed, if it did (the screen shows it instead of loading forever). */
  get error(): unknown {
    return this.failure;
  }

  /** Resolves once every stored document has been read (tests and benchmarks). */
  loaded(): Promise<CollectionSnapshot<T>> {
    if (!this.snapshot.loading) return Promise.resolve(this.snapshot);
    return new Promise((resolve) => {
      const off = this.subscribe(() => {
        if (this.snapshot.loading) return;
        off();
        resolve(this.snapshot);
      });
    });
  }

  /**
   * The index parts every read names, so each read is an index range: a synced collection's
   * only index on its ids is [syncPending, id] (RxDB adds [id] alone only to collections with no
   * index), so a bare id range would scan and filter the whole collection on every chunk.
   */
  private groups(): Record<string, unknown>[] {
    const pendingIndexed = this.collection.schema.indexes.some((index) => index.join() === '_deleted,syncPending,id');
    return pendingIndexed ? [{ syncPending: false }, { syncPending: true }] : [{}];
  }

  private async load(): Promise<void> {
    try {
      const groups = this.groups();
      const { newest, whole } = await this.readNewest(groups);
      if (this.stopped) return;
      // A small collection was read whole by those queries.
      if (whole && newest.length < FIRST_CHUNK) return this.publish(false);
      this.publish(true);
      // The rest, oldest first, below the newest chunk.
      const below = newest.at(-1);
      for (const group of groups) {
        let after: string | undefined;
        for (;;) {
          // Give the renderer a turn between chunks so typing and scrolling stay responsive.
          await new Promise((resolve) => setTimeout(resolve, 0));
          if (this.stopped) return;
          const range = { ...(after === undefined ? {} : { $gt: after }), ...(below === undefined ? {} : { $lt: below }) };
          const docs = await this.read({
            selector: { ...group, ...(Object.keys(range).length > 0 ? { id: range } : {}) },
            sort: [{ id: 'asc' }],
            limit: CHUNK,
          });
          if (this.stopped) return;
          if (docs.length < CHUNK) break;
          after = docs[docs.length - 1]!.primary;
          if (Date.now() - this.lastNotify >= LOADING_NOTIFY_MS) this.publish(true);
        }
      }
      this.publish(false);
    } catch (error) {
      if (this.stopped) return;
      this.failure = error;
      this.publish(false);
    }
  }

  /** The ids of the FIRST_CHUNK newest documents, newest first, read from ranges that hold few more. */
  private async readNewest(groups: Record<string, unknown>[]): Promise<{ newest: string[]; whole: boolean }> {
    const countFrom = async (from: string) => {
      const counts = await Promise.all(
        groups.map((group) =>
          this.collection.count({ selector: { ...group, id: { $gte: from } } } as Parameters<RxCollection<T>['count']>[0]).exec(),
        ),
      );
      return counts.reduce((sum, n) => sum + n, 0);
    };
    const start = await newestRangeStart(countFrom, FIRST_CHUNK, Date.now());
    const found = await Promise.all(
      groups.map((group) =>
        this.read({
          selector: { ...group, ...(start === undefined ? {} : { id: { $gte: start } }) },
          sort: [{ id: 'desc' }],
          limit: FIRST_CHUNK,
        }),
      ),
    );
    const newest = found
      .flat()
      .map((doc) => doc.primary)
      .sort()
      .reverse()
      .slice(0, FIRST_CHUNK);
    return { newest, whole: start === undefined };
  }

  /** One chunk, kept in the map (an older read never overwrites a newer change). */
  private async read(query: object): Promise<RxDocument<T>[]> {
    const docs: RxDocument<T>[] = await this.collection.find(query as Parameters<RxCollection<T>['find']>[0]).exec();
    if (this.stopped) return docs;
    for (const doc of docs) this.put(doc.primary, plain<T>(doc.toJSON(true) as Record<string, unknown>), revisionHeight(doc.revision));
    return docs;
  }

  private put(id: string, doc: T, height: number): boolean {
    const known = this.entries.get(id);
    if (known && known.height > height) return false;
    const gone = this.deleted.get(id);
    if (gone !== undefined && gone >= height) return false;
    this.entries.set(id, { doc, height });
    return true;
  }

  private apply(event: RxChangeEvent<T>): void {
    const height = revisionHeight(event.documentData._rev);
    let changed: boolean;
    if (event.operation === 'DELETE') {
      this.deleted.set(event.documentId, height);
      changed = this.entries.delete(event.documentId);
    } else {
      changed = this.put(event.documentId, plain<T>(event.documentData as unknown as Record<string, unknown>), height);
    }
    if (changed) this.schedule();
  }

  /** Coalesces a burst of changes (a sync batch of a thousand documents) into one update. */
  private schedule(): void {
    if (this.notifyTimer) return;
    this.notifyTimer = setTimeout(
      () => {
        this.notifyTimer = null;
        this.publish(this.snapshot.loading);
      },
      Math.max(CHANGE_COALESCE_MS, this.entries.size / ROWS_PER_COALESCE_MS),
    );
  }

  private publish(loading: boolean): void {
    this.lastNotify = Date.now();
    this.snapshot = { rows: Array.from(this.entries.values(), (entry) => entry.doc), loading };
    for (const listener of [...this.listeners]) listener();
  }
}
