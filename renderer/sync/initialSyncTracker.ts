import { BehaviorSubject, type Observable } from 'rxjs';
import type { CollectionName } from '../../shared/schemas';
import {
  EMPTY_INITIAL_SYNC,
  markComplete,
  recordEstimate,
  recordPage,
  summarise,
  type InitialSyncState,
  type InitialSyncSummary,
} from '../../shared/sync/initialSync';
import { SYNC_PATHS, type PullResponse } from '../../shared/sync/protocol';
import type { OutpostDatabase } from '../data/database';
import type { CentralClient } from './centralClient';

const PROGRESS_DOC = 'initialSyncProgress';

export interface PulledPage {
  documents: number;
  seq: number;
  remaining: number | undefined;
  full: boolean;
}

export interface InitialSyncTracker {
  /** The first sync finished on this laptop (now or in an earlier session). */
  readonly complete: boolean;
  readonly summary$: Observable<InitialSyncSummary | null>;
  /** Asks each unfinished collection how much it holds from where it stopped (one document each). */
  estimate(): Promise<void>;
  page(name: CollectionName, page: PulledPage): void;
  finish(): void;
  /** Waits for the last progress write; nothing is written afterwards. */
  close(): Promise<void>;
}

/**
 * First-sync progress, kept in a local document so it survives a reload or a lost connection.
 * Pages are counted when they arrive, a moment before RxDB stores them: after a reload in
 * that moment the count may run one page ahead, so it is capped at the total.
 */
export async function openInitialSyncTracker(
  db: OutpostDatabase,
  client: CentralClient,
  collections: readonly CollectionName[],
  legacyLastSyncAt: string | null,
): Promise<InitialSyncTracker> {
  const stored = await db.getLocal<{ state: InitialSyncState }>(PROGRESS_DOC);
  // A laptop that synced before progress was kept has finished its first sync.
  let state: InitialSyncState = stored?.get('state') ?? (legacyLastSyncAt ? markComplete(EMPTY_INITIAL_SYNC) : EMPTY_INITIAL_SYNC);
  const complete = state.complete;
  const started = { at: performance.now(), done: summarise(state, collections, { startedDone: 0, elapsedMs: 0 }).done };
  const view = (): InitialSyncSummary | null => {
    if (state.complete) return null;
    const summary = summarise(state, collections, { startedDone: started.done, elapsedMs: performance.now() - started.at });
    return summary.total === null ? summary : { ...summary, done: Math.min(summary.done, summary.total) };
  };
  const summary = new BehaviorSubject(view());
  let closed = false;
  let writes: Promise<unknown> = Promise.resolve();
  const persist = () => {
    summary.next(view());
    if (closed) return;
    const snapshot = state;
    writes = writes.then(() => db.upsertLocal(PROGRESS_DOC, { state: snapshot })).catch(() => undefined);
  };

  return {
    complete,
    summary$: summary.asObservable(),
    async estimate() {
      await Promise.all(
        collections.map(async (name) => {
          const progress = state.collections[name];
          if (progress?.complete) return;
          try {
            const probe = await client.json<PullResponse<typeof name>>(`${SYNC_PATHS.pull(name)}?seq=${progress?.seq ?? 0}&limit=1`);
            state = recordEstimate(state, name, probe.documents.length + (probe.remaining ?? 0));
          } catch {
            // Offline or an older central system: the pages themselves will tell.
          }
        }),
      );
      persist();
    },
    page(name, page) {
      state = recordPage(state, name, page);
      persist();
    },
    finish() {
      state = markComplete(state);
      persist();
    },
    async close() {
      closed = true;
      await writes;
      summary.complete();
    },
  };
}
