import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openDatabase, type OutpostDatabase } from '../../renderer/data/database';
type OpenOptions = Parameters<typeof openDatabase>[0];
import { testWorkerStorage } from '../../renderer/data/workerPort.fixture';
import { deriveStorageKey } from '../../renderer/data/storageKey';
import { CentralClient, signIn } from '../../renderer/sync/centralClient';
import { startSync, type SyncEngine, type SyncOptions } from '../../renderer/sync/syncEngine';
import type { SyncStatus } from '../../renderer/sync/syncStatus';
import type { UserInfo } from '../../shared/sync/protocol';

export interface RepLaptop {
  user: UserInfo;
  db: OutpostDatabase;
  sync: SyncEngine;
  /** The laptop's IndexedDB, kept across a restart. */
  disk: IDBFactory;
  close(): Promise<void>;
}

/**
 * A rep's laptop as the app runs it: the real local store (RxDB on Dexie, over an
 * in-memory IndexedDB since Node has none) and the real sync module.
 */
export async function openLaptop(options: {
  signInUrl: string;
  syncUrl?: string;
  username: string;
  disk?: IDBFactory;
  /** Short timings for tests that wait for timeouts, heartbeats or periodic pulls. */
  sync?: SyncOptions;
  /** Collections at the schema an already released app has (shared/schemas/fixtures/). */
  olderSchemas?: OpenOptions['olderSchemas'];
}): Promise<RepLaptop> {
  const session = await signIn(options.signInUrl, options.username, 'demo');
  const disk = options.disk ?? new IDBFactory();
  const storageKey = await deriveStorageKey(session.user.id, 'demo');
  // OUTPOST_TEST_STORAGE=worker runs the laptop's store the way the app does, through the worker storage.
  const storage = process.env.OUTPOST_TEST_STORAGE === 'worker' ? testWorkerStorage(disk) : undefined;
  const db = await openDatabase({
    userId: session.user.id,
    storageKey,
    dexie: { indexedDB: disk, IDBKeyRange },
    storage,
    olderSchemas: options.olderSchemas,
  });
  const client = new CentralClient(options.syncUrl ?? options.signInUrl, session);
  const sync = await startSync(db, client, { retryMs: 200, ...options.sync });
  return {
    user: session.user,
    db,
    sync,
    disk,
    close: async () => {
      await sync.stop();
      await db.close();
    },
  };
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function waitForStatus(
  sync: SyncEngine,
  what: string,
  predicate: (s: SyncStatus) => boolean,
  timeoutMs?: number,
): Promise<SyncStatus> {
  return waitFor(what, async () => (predicate(sync.getStatus()) ? sync.getStatus() : undefined), timeoutMs);
}
