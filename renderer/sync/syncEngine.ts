import { BehaviorSubject, Subject, combineLatest, type Subscription } from 'rxjs';
import { COLLECTION_NAMES, OWNED_COLLECTIONS, type CollectionName } from '../../shared/schemas';
import { SYNC_PATHS, type StreamChange } from '../../shared/sync/protocol';
import { collectionOf, type OutpostDatabase } from '../data/database';
import { CentralUnreachableError, type CentralClient } from './centralClient';
import { readEventStream } from './eventStream';
import { INITIAL_SYNC_ORDER } from '../../shared/sync/initialSync';
import { openInitialSyncTracker } from './initialSyncTracker';
import { replicateCollection } from './replicateCollection';
import type { SyncEngine, SyncStatus } from './syncStatus';

export type { SyncEngine, SyncStatus } from './syncStatus';

export interface SyncOptions {
  /** Wait before retrying a failed pull or push. */
  retryMs?: number;
  pullBatchSize?: number;
}

const SYNC_STATE_DOC = 'syncState';

/**
 * Replicates every collection with the central system: pull by server checkpoint, push
 * with the assumed master state (owned collections only), and a server-sent-events stream
 * that triggers a pull whenever something the rep may see changed centrally.
 */
export async function startSync(db: OutpostDatabase, client: CentralClient, options: SyncOptions = {}): Promise<SyncEngine> {
  const retryMs = options.retryMs ?? 2_000;
  // Large pages: a first sync of 60,000 documents is then ~60 round-trips (the central system allows 2,000).
  const batchSize = options.pullBatchSize ?? 1000;
  const stored = await db.getLocal<{ lastSyncAt: string }>(SYNC_STATE_DOC);
  const lastSyncAt = stored?.get('lastSyncAt') ?? null;
  const firstSync = await openInitialSyncTracker(db, client, INITIAL_SYNC_ORDER, lastSyncAt);
  const status = new BehaviorSubject<SyncStatus>({
    online: false,
    lastSyncAt,
    pending: 0,
    // Progress is shown on the first download only (resumed after a reload); afterwards data is already local.
    initialSync: firstSync.complete ? null : { done: 0, total: null, etaSeconds: null },
    problem: null,
  });
  const update = (patch: Partial<SyncStatus>) => status.next({ ...status.value, ...patch });

  const noteResult = (error?: unknown) => {
    if (!error) {
      if (!status.value.online || status.value.problem) update({ online: true, problem: null });
      return;
    }
    if (error instanceof CentralUnreachableError) update({ online: false, problem: null });
    else update({ problem: error instanceof Error ? error.message : String(error) });
  };
  let stopped = false;
  const noteCaughtUp = () => {
    const now = new Date().toISOString();
    update({ lastSyncAt: now });
    // Not after stop(): the database may be closing.
    if (!stopped) void db.upsertLocal(SYNC_STATE_DOC, { lastSyncAt: now });
  };
  const progressSub = firstSync.summary$.subscribe((initialSync) => {
    if (status.value.initialSync) update({ initialSync });
  });

  const resync = new Map<CollectionName, Subject<'RESYNC'>>();
  // First sync: every collection starts at once (so a queued order goes up at once), but each
  // pulls only after the one before it in INITIAL_SYNC_ORDER: rules and catalog are usable in
  // seconds while old leads are still coming.
  const order = firstSync.complete ? COLLECTION_NAMES : INITIAL_SYNC_ORDER;
  const estimated = firstSync.complete ? Promise.resolve() : firstSync.estimate();
  let previous: Promise<void> = estimated;
  const replications = order.map((name) => {
    const trigger = new Subject<'RESYNC'>();
    resync.set(name, trigger);
    const turn = previous;
    const replication = replicateCollection({
      db,
      name,
      client,
      retryMs,
      batchSize,
      resync$: trigger.asObservable(),
      onResult: noteResult,
      onCaughtUp: noteCaughtUp,
      onPage: firstSync.complete ? undefined : (page) => firstSync.page(name, page),
      beforePull: firstSync.complete ? undefined : () => turn,
    });
    previous = turn.then(() => replication.awaitInitialReplication());
    return replication;
  });
  const initialSyncDone = previous.then(() => {
    if (stopped || firstSync.complete) return;
    firstSync.finish();
    update({ initialSync: null });
  });

  const pendingCounts = OWNED_COLLECTIONS.map((name) => collectionOf(db, name).count({ selector: { syncPending: true } }).$);
  const pendingSub: Subscription = combineLatest(pendingCounts).subscribe((counts) => {
    update({ pending: counts.reduce((sum, n) => sum + n, 0) });
  });

  const stream = liveStream(client, retryMs, {
    connected: () => {
      noteResult();
      // Catch up on whatever happened while the stream was down.
      for (const trigger of resync.values()) trigger.next('RESYNC');
    },
    change: (change) => resync.get(change.collection)?.next('RESYNC'),
    failed: (error) => noteResult(error),
  });

  const syncNow = () => {
    for (const replication of replications) replication.reSync();
    stream.reconnectNow();
  };
  const setNetworkAvailable = (available: boolean) => {
    if (available) syncNow();
    else {
      // The OS says the network is gone: say so now rather than after the next failed request.
      update({ online: false });
      stream.disconnect();
    }
  };

  return {
    status$: status.asObservable(),
    getStatus: () => status.value,
    syncNow,
    setNetworkAvailable,
    awaitInitialSync: async () => {
      await Promise.all(replications.map((r) => r.awaitInitialReplication()));
      await initialSyncDone;
    },
    stop: async () => {
      stopped = true;
      stream.stop();
      pendingSub.unsubscribe();
      progressSub.unsubscribe();
      await Promise.all(replications.map((r) => r.cancel()));
      await firstSync.close();
      status.complete();
    },
  };
}

interface StreamHandlers {
  connected(): void;
  change(change: StreamChange): void;
  failed(error: unknown): void;
}

/** Keeps one event stream open, reconnecting with capped backoff. */
function liveStream(client: CentralClient, retryMs: number, handlers: StreamHandlers) {
  const stopped = new AbortController();
  let current: AbortController | null = null;
  let wake: (() => void) | null = null;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  void (async () => {
    let backoff = retryMs;
    while (!stopped.signal.aborted) {
      try {
        current = new AbortController();
        const signal = AbortSignal.any([stopped.signal, current.signal]);
        const response = await client.request(SYNC_PATHS.stream, { signal, headers: { accept: 'text/event-stream' } });
        if (!response.body) throw new Error('The central system sent an empty event stream');
        backoff = retryMs;
        for await (const event of readEventStream(response.body)) {
          if (event.event === 'hello') handlers.connected();
          else if (event.event === 'change') handlers.change(JSON.parse(event.data) as StreamChange);
        }
      } catch (error) {
        if (stopped.signal.aborted) return;
        if (!current?.signal.aborted) handlers.failed(error);
      }
      await pause(backoff);
      // Capped low: when the connection returns the rep should see it within seconds.
      backoff = Math.min(backoff * 2, 5_000);
    }
  })();

  return {
    reconnectNow: () => wake?.(),
    disconnect: () => current?.abort(),
    stop: () => {
      stopped.abort();
      wake?.();
    },
  };
}
