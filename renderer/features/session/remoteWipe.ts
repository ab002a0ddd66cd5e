import { catchError, filter, firstValueFrom, map, of, pairwise, startWith, timeout, type Subscription } from 'rxjs';
import { SYNC_PATHS, type DeviceStatus, type DeviceWipedReport } from '../../../shared/sync/protocol';
import { databaseName } from '../../data/database';
import { CentralRequestError, type CentralClient } from '../../sync/centralClient';
import type { SyncEngine } from '../../sync/syncStatus';

export type PendingWipe = NonNullable<DeviceStatus['wipe']>;

/** How long a wipe waits for the queue to go up before it removes the data anyway. */
export const WIPE_PUSH_BOUND_MS = 60_000;

/** The device's status; an older central system without the endpoint (404) knows no wipe. */
export async function fetchDeviceStatus(client: CentralClient): Promise<DeviceStatus> {
  try {
    return await client.json<DeviceStatus>(SYNC_PATHS.device);
  } catch (error) {
    if (error instanceof CentralRequestError && error.status === 404) return { wipe: null };
    throw error;
  }
}

/** Between two wipe checks caused by pulls (a reconnect always checks at once). */
export const WIPE_CHECK_INTERVAL_MS = 10_000;

/**
 * Asks for a pending wipe each time the sync (re)connects, the moment the central system can
 * answer, and again after pulls that caught up (at most every WIPE_CHECK_INTERVAL_MS): a
 * reconnect can be missed (the link never looked down, or the check failed), a caught-up pull
 * cannot. Calls `onWipe` at most once. A failed check waits for the next occasion.
 */
export function watchForWipe(client: CentralClient, sync: SyncEngine, onWipe: (wipe: PendingWipe) => void): () => void {
  let found = false;
  let checking = false;
  let lastCheck = -Infinity;
  const check = () => {
    if (found || checking) return;
    checking = true;
    lastCheck = Date.now();
    void fetchDeviceStatus(client)
      .then(
        (status) => {
          if (status.wipe && !found) {
            found = true;
            onWipe(status.wipe);
          }
        },
        () => undefined,
      )
      .finally(() => (checking = false));
  };
  const subscription: Subscription = sync.status$
    .pipe(
      map((status) => ({ online: status.online, lastSyncAt: status.lastSyncAt })),
      startWith({ online: false, lastSyncAt: null as string | null }),
      pairwise(),
    )
    .subscribe(([before, now]) => {
      if (!now.online) return;
      if (!before.online) check();
      else if (now.lastSyncAt !== before.lastSyncAt && Date.now() - lastCheck >= WIPE_CHECK_INTERVAL_MS) check();
    });
  return () => subscription.unsubscribe();
}

/** Pushes what is queued and waits, bounded, until nothing is pending; returns what is left. */
export async function pushQueued(sync: SyncEngine, boundMs = WIPE_PUSH_BOUND_MS): Promise<number> {
  sync.syncNow();
  return firstValueFrom(
    sync.status$.pipe(
      filter((status) => status.pending === 0),
      map(() => 0),
      timeout(boundMs),
      catchError(() => of(sync.getStatus().pending)),
    ),
    // The engine stopped meanwhile (sign-out): nothing more will go up.
    { defaultValue: sync.getStatus().pending },
  );
}

/**
 * Deletes every IndexedDB database of the rep's store. RxDB's remove() empties and closes
 * them but leaves the databases; its Dexie storage names each `rxdb-dexie-<db name>--...`.
 */
export async function deleteStoreFiles(userId: string, disk: IDBFactory = indexedDB): Promise<void> {
  const prefix = `rxdb-dexie-${databaseName(userId)}--`;
  for (const { name } of await disk.databases()) {
    if (!name?.startsWith(prefix)) continue;
    await new Promise<void>((resolve, reject) => {
      const request = disk.deleteDatabase(name);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error ?? new Error(`Could not delete ${name}`));
    });
  }
}

/** Tells the central system the wipe was carried out; a few tries, as the network may be flaky. */
export async function reportWiped(client: CentralClient, wipeId: string): Promise<boolean> {
  const report: DeviceWipedReport = { wipeId };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await client.request(SYNC_PATHS.deviceWiped, { method: 'POST', body: JSON.stringify(report) });
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 1_000 * (attempt + 1)));
    }
  }
  return false;
}
