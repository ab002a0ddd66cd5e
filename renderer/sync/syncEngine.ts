import { getAssumedMasterState } from 'rxdb';
import { BehaviorSubject, EMPTY, Subject, map, of, type Subscription } from 'rxjs';
import { COLLECTION_NAMES, type CollectionName } from '../../shared/schemas';
import { DEFAULT_STREAM_HEARTBEAT_MS } from '../../shared/sync/protocol';
import type { OutpostDatabase } from '../data/database';
import { INITIAL_SYNC_ORDER } from '../../shared/sync/initialSync';
import { CentralTimeoutError, CentralUnreachableError, DEFAULT_REQUEST_TIMEOUT_MS, type CentralClient } from './centralClient';
import { openInitialSyncTracker } from './initialSyncTracker';
import { openLiveStream } from './liveStream';
import { pendingCount$ } from './pendingCount';
import { replicateCollection } from './replicateCollection';
import { createSyncHealth } from './syncHealth';
import type { SyncEngine, SyncStatus } from './syncStatus';
import type { VersionGate } from './versionGate';
import { observeCentralResponses } from './centralClient';

export type { SyncEngine, SyncStatus } from './syncStatus';

export interface SyncOptions {
  /** Wait before retrying a failed pull or push. */
  retryMs?: number;
  pullBatchSize?: number;
  /** Give up on a pull or push not answered within this time; it is retried. */
  requestTimeoutMs?: number;
  /** Say "stuck" once a request has waited this long, before its timeout gives up on it. */
  slowAfterMs?: number;
  /** Pull everything this often even when the live stream announced nothing. */
  periodicPullMs?: number;
  /** Heartbeat to expect when the server's hello names none. */
  streamHeartbeatMs?: number;
  /** The version gate: pulls stop while the app is older than the central system's minimum (versionGate.ts). */
  versionGate?: VersionGate;
}

const SYNC_STATE_DOC = 'syncState';

/** Stuck shows within 10 s: a request unanswered this long is reported before it times out. */
const DEFAULT_SLOW_AFTER_MS = 8_000;
const DEFAULT_PERIODIC_PULL_MS = 60_000;

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export async function startSync(db: OutpostDatabase, client: CentralClient, options: SyncOptions = {}): Promise<SyncEngine> {
  const retryMs = options.retryMs ?? 2_000;
  // Large pages: a first sync of 60,000 documents is then ~60 round-trips (the central system allows 2,000).
  const batchSize = options.pullBatchSize ?? 1000;
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
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
    stuck: null,
  });
  const update = (patch: Partial<SyncStatus>) => status.next({ ...status.value, ...patch });

  const health = createSyncHealth({
    slowAfterMs: options.slowAfterMs ?? DEFAULT_SLOW_AFTER_MS,
    onChange: ({ link, stuck }) => update({ online: link === 'online', stuck }),
  });
  /** `problem` is for answers that refuse or fail; no answer at all is the health machine's business. */
  const noteProblem = (error?: unknown) => {
    if (error === undefined || error instanceof CentralUnreachableError || error instanceof CentralTimeoutError) {
      if (status.value.problem) update({ problem: null });
    } else if (!isAbort(error)) update({ problem: error instanceof Error ? error.message : String(error) });
  };
  const track = async <T>(channel: string, call: () => Promise<T>): Promise<T> => {
    try {
      const result = await health.track(channel, call);
      noteProblem();
      return result;
    } catch (error) {
      noteProblem(error);
      throw error;
    }
  };
  // Writes the engine makes itself: stop() waits for them, and none starts after it.
  const writes = new Set<Promise<void>>();
  let stopping = false;
  const write = (run: () => Promise<unknown>) => {
    if (stopping) return;
    const done: Promise<void> = run().then(
      () => undefined,
      (error: unknown) => noteProblem(error),
    );
    writes.add(done);
    void done.finally(() => writes.delete(done));
  };
  const noteCaughtUp = () => {
    if (stopping) return;
    const now = new Date().toISOString();
    update({ lastSyncAt: now });
    write(() => db.upsertLocal(SYNC_STATE_DOC, { lastSyncAt: now }));
  };
  const progressSub = firstSync.summary$.subscribe((initialSync) => {
    if (status.value.initialSync) update({ initialSync });
  });

  const gate = options.versionGate;
  const stopObservingAnswers = gate ? observeCentralResponses((response) => gate.observe(response)) : () => undefined;
  let wasBlocked = false;
  const gateSub = gate?.state$.subscribe((updateRequired) => {
    update({ updateRequired });
    // The minimum dropped below this app: pull what was held back.
    if (wasBlocked && updateRequired === null) pullEverything();
    wasBlocked = updateRequired !== null;
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
      timeoutMs,
      resync$: trigger.asObservable(),
      track,
      onCaughtUp: noteCaughtUp,
      onPage: firstSync.complete ? undefined : (page) => firstSync.page(name, page),
      beforePull: firstSync.complete ? undefined : () => turn,
      pullBlocked: gate ? () => gate.blocked() : undefined,
    });
    previous = turn.then(() => replication.awaitInitialReplication());
    return replication;
  });
  const initialSyncDone = previous.then(() => {
    // A gated first sync pulled nothing: it is not done, and resumes after the update.
    if (stopping || firstSync.complete || gate?.blocked()) return;
    firstSync.finish();
    update({ initialSync: null });
  });

  const replicationOf = (name: CollectionName) => replications[order.indexOf(name)];
  const knownStates = async (name: CollectionName, ids: string[]) => {
    const state = replicationOf(name)?.internalReplicationState;
    if (!state) return {};
    const found = await getAssumedMasterState(state, ids);
    return Object.fromEntries(ids.map((id) => [id, found[id]?.docData as Record<string, unknown> | undefined]));
  };
  const gated$ = gate ? gate.state$.pipe(map((required) => required !== null)) : of(false);
  const acks = { sent$: (name: CollectionName) => replicationOf(name)?.sent$ ?? EMPTY, known: knownStates };
  const pendingSub: Subscription = pendingCount$(db, acks, gated$).subscribe((pending) => update({ pending }));

  const pullEverything = () => {
    for (const trigger of resync.values()) trigger.next('RESYNC');
  };
  const stream = openLiveStream(
    client,
    { retryMs, heartbeatMs: options.streamHeartbeatMs ?? DEFAULT_STREAM_HEARTBEAT_MS },
    {
      // Catch up on whatever happened while the stream was down.
      connected: pullEverything,
      change: (change) => resync.get(change.collection)?.next('RESYNC'),
      alive: () => health.streamAlive(),
      dropped: pullEverything,
      silent: (forMs) => health.streamSilent(forMs),
      failed: (error) => {
        if (error instanceof CentralUnreachableError) health.networkLost();
        noteProblem(error);
      },
    },
  );
  // A backstop for whatever the stream fails to announce, however it fails.
  const periodicPull = setInterval(pullEverything, options.periodicPullMs ?? DEFAULT_PERIODIC_PULL_MS);

  const syncNow = () => {
    for (const replication of replications) replication.reSync();
    stream.reconnectNow();
  };
  const setNetworkAvailable = (available: boolean) => {
    if (available) syncNow();
    else {
      // The OS says the network is gone: say so now rather than after the next failed request.
      health.networkLost();
      stream.disconnect();
    }
  };

  return {
    status$: status.asObservable(),
    getStatus: () => status.value,
    syncNow,
    setNetworkAvailable,
    knownCentralState: async (name, id) => (await knownStates(name, [id]))[id] ?? null,
    central: client,
    awaitInitialSync: async () => {
      await Promise.all(replications.map((r) => r.awaitInitialReplication()));
      await initialSyncDone;
    },
    stop: async () => {
      stopping = true;
      clearInterval(periodicPull);
      stream.stop();
      health.stop();
      pendingSub.unsubscribe();
      progressSub.unsubscribe();
      gateSub?.unsubscribe();
      stopObservingAnswers();
      await Promise.all(replications.map((r) => r.cancel()));
      // A pull answered during cancel may have queued one last write: the database must outlive it.
      await Promise.all([...writes]);
      await firstSync.close();
      status.complete();
    },
  };
}
