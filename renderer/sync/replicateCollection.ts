import type { Observable } from 'rxjs';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { ATTACHMENT_SYNC_BATCH } from '../../shared/orders/attachment';
import { isRepWritableCollection, type CollectionDocs, type CollectionName } from '../../shared/schemas';
import { SYNC_PATHS, type PullResponse, type PushResponse, type SyncCheckpoint } from '../../shared/sync/protocol';
import { collectionOf, type OutpostDatabase } from '../data/database';
import type { CentralClient } from './centralClient';
import type { PulledPage } from './initialSyncTracker';
import { pushSettlingOwnWrites, UnansweredWrites } from './ownWrites';
import { PushesInFlight } from './pushesInFlight';
import { localUnansweredStore } from './unansweredStore';

export interface CollectionReplicationOptions<N extends CollectionName> {
  db: OutpostDatabase;
  name: N;
  client: CentralClient;
  retryMs: number;
  batchSize: number;
  /** Give up on a pull or push not answered within this time (it is then retried). */
  timeoutMs: number;
  /** Emits when the central system says this collection changed. */
  resync$: Observable<'RESYNC'>;
  /** Runs every round-trip of a channel ("receiving leads", "sending leads") and reports how it went. */
  track<T>(channel: string, call: () => Promise<T>): Promise<T>;
  /** A pull returned less than a full batch: this collection is up to date. */
  onCaughtUp(): void;
  /** Every pulled page, for the first sync's progress. */
  onPage?(page: PulledPage): void;
  /** Awaited before each pull (the first sync pulls collections in priority order); pushes never wait. */
  beforePull?(): Promise<void>;
  /** The version gate (versionGate.ts): while true, pulls are not made and a refused one is no error; pushes go on. */
  pullBlocked?(): boolean;
}

/** Re-reads of a pull page that met pushes in flight; a rep typing fast must not hold the pull for ever. */
const MAX_SETTLE_ROUNDS = 3;

/** RxDB replication of one collection over the HTTP sync protocol. */
export function replicateCollection<N extends CollectionName>(
  options: CollectionReplicationOptions<N>,
): RxReplicationState<CollectionDocs[N], SyncCheckpoint> {
  const { client, name, track, timeoutMs } = options;
  const unanswered = new UnansweredWrites(isRepWritableCollection(name) ? localUnansweredStore(options.db, name) : undefined);
  const inFlight = new PushesInFlight();
  const upstreamQueue = () => replication.internalReplicationState?.streamQueue.up as Promise<unknown> | undefined;
  const replication: RxReplicationState<CollectionDocs[N], SyncCheckpoint> = replicateRxCollection<CollectionDocs[N], SyncCheckpoint>({
    collection: collectionOf(options.db, name),
    replicationIdentifier: `outpost-http-${name}-${client.baseUrl}`,
    live: true,
    retryTime: options.retryMs,
    waitForLeadership: false,
    pull: {
      batchSize: name === 'orderAttachments' ? ATTACHMENT_SYNC_BATCH : options.batchSize,
      stream$: options.resync$,
      handler: async (checkpoint, limit) => {
        await options.beforePull?.();
        // Nothing comes down and the checkpoint stays: the pull resumes where it was after the update.
        const gated = { documents: [], checkpoint };
        if (options.pullBlocked?.()) return gated;
        return track(`receiving ${name}`, async () => {
          const fetchPage = async () => {
            try {
              const page = await client.json<PullResponse<N>>(`${SYNC_PATHS.pull(name)}?seq=${checkpoint?.seq ?? 0}&limit=${limit}`, {
                timeoutMs,
              });
              return options.pullBlocked?.() ? null : page;
            } catch (error) {
              // The central system's 426 closed the gate as it answered.
              if (options.pullBlocked?.()) return null;
              throw error;
            }
          };
          let response = await fetchPage();
          // A page holding a document RxDB is still bookkeeping a push of: wait for that, then
          // read the page again, so it is not older than the push (pushesInFlight.ts).
          for (let round = 0; response !== null && round < MAX_SETTLE_ROUNDS; round++) {
            const ids = response.documents.map((doc) => (doc as { id: string }).id);
            if (!inFlight.overlaps(ids)) break;
            await inFlight.settle(ids, upstreamQueue, timeoutMs);
            response = await fetchPage();
          }
          if (response === null) return gated;
          if (response.documents.length < limit) options.onCaughtUp();
          const seq = response.checkpoint?.seq ?? checkpoint?.seq ?? 0;
          options.onPage?.({
            documents: response.documents.length,
            seq,
            remaining: response.remaining,
            full: response.documents.length >= limit,
          });
          return { documents: response.documents, checkpoint: response.checkpoint ?? checkpoint };
        });
      },
    },
    // Reference data (catalog, rule sets) and installed products only come down.
    push: isRepWritableCollection(name)
      ? {
          batchSize: name === 'orderAttachments' ? ATTACHMENT_SYNC_BATCH : 50,
          handler: (rows) => {
            inFlight.track(
              rows.map((row) => (row.newDocumentState as { id: string }).id),
              () => upstreamQueue() ?? Promise.resolve(),
            );
            return pushSettlingOwnWrites(
              (sent) =>
                track(`sending ${name}`, () =>
                  client.json<PushResponse<N>>(SYNC_PATHS.push(name), { method: 'POST', body: JSON.stringify(sent), timeoutMs }),
                ),
              rows,
              unanswered,
            );
          },
        }
      : undefined,
  });
  return replication;
}
