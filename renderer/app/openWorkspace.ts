import type { AppInfo } from '../../shared/bridge';
import { appStorage } from '../data/appStorage';
import { openDatabase } from '../data/database';
import { platform } from '../platform';
import { deleteStoreFiles, pushQueued, reportWiped, watchForWipe, type PendingWipe } from '../features/session/remoteWipe';
import { revokeSession } from '../features/session/revoke';
import { saveSession, type LocalSession, type StoredSession } from '../features/session/session';
import { APP_VERSION_HEADER } from '../../shared/updates/version';
import { CentralClient, setInstallationHeaders } from '../sync/centralClient';
import { startSync } from '../sync/syncEngine';
import { createVersionGate } from '../sync/versionGate';
import type { OutpostServices } from './OutpostContext';

export interface WorkspaceHooks {
  onSignedOut(notice?: string): void;
  /** The workspace closed itself after idle time; `stored` is the session without its key. */
  onLocked(stored: StoredSession): void;
  /** An administrator's wipe starts: the queue (`pending` changes) is being sent before the data is removed. */
  onWiping(wipe: PendingWipe, pending: number): void;
  /** An administrator's wipe was carried out: the store and the secrets are gone. */
  onWiped(result: WipeResult): void;
}

export interface WipeResult {
  wipe: PendingWipe;
  /** Changes that could not be pushed within the bound before the data was removed. */
  unsent: number;
}

/**
 * Opens the rep's local store and starts syncing it. Works offline: the session and the
 * data are local, the central system is only needed to sync.
 */
export async function openWorkspace(app: AppInfo, session: LocalSession, hooks: WorkspaceHooks): Promise<OutpostServices> {
  const db = await openDatabase({ userId: session.central.user.id, storageKey: session.storageKey, storage: appStorage() });
  let services: OutpostServices | null = null;
  let current = session;
  let closed = false;
  // Writes of the session in order, so a late token renewal cannot put the key back after a lock.
  let saving: Promise<void> = Promise.resolve();
  const persist = (next: StoredSession | null) => (saving = saving.then(() => saveSession(next)).catch(() => undefined));

  const client = new CentralClient(app.centralUrl, session.central, (renewed) => {
    if (renewed) {
      current = { ...current, central: renewed };
      if (!closed) void persist(current);
      return;
    }
    // The central system no longer accepts this session: sign in again. Local data stays.
    void services?.signOut({
      revoke: false,
      notice: 'Your session has ended. Sign in again to keep syncing; nothing on this laptop was lost.',
    });
  });
  // The central system refuses pulls from an app older than its minimum version; it reads the version here.
  setInstallationHeaders({ [APP_VERSION_HEADER]: app.version });
  const sync = await startSync(db, client, { versionGate: createVersionGate(app.version) });
  const stopWatching = watchForWipe(client, sync, (wipe) => void carryOutWipe(wipe));
  const onOnline = () => sync.setNetworkAvailable(true);
  const onOffline = () => sync.setNetworkAvailable(false);
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);

  /** Stops syncing and closes the store (or removes it, for a wipe); the secrets are the caller's business. */
  const close = async (remove = false): Promise<boolean> => {
    if (closed) return false;
    closed = true;
    window.removeEventListener('online', onOnline);
    window.removeEventListener('offline', onOffline);
    stopWatching();
    await sync.stop();
    if (remove) await db.remove();
    else await db.close();
    return true;
  };

  /** Queue first, so the rep's work reaches the central system; then nothing stays on the laptop. */
  const carryOutWipe = async (wipe: PendingWipe) => {
    if (closed) return;
    hooks.onWiping(wipe, sync.getStatus().pending);
    const unsent = await pushQueued(sync);
    if (!(await close(true))) return;
    await deleteStoreFiles(session.central.user.id);
    await persist(null);
    await platform.secrets.delete('unlock');
    // The report still needs the token held in memory, and the device id until it is through.
    await reportWiped(client, wipe.id);
    await platform.secrets.delete('device');
    hooks.onWiped({ wipe, unsent });
  };

  services = {
    db,
    user: session.central.user,
    sync,
    central: client,
    app,
    lock: async () => {
      if (!(await close())) return;
      const stored: StoredSession = { central: current.central };
      await persist(stored);
      hooks.onLocked(stored);
    },
    signOut: async ({ revoke = true, notice }: { revoke?: boolean; notice?: string } = {}) => {
      if (!(await close())) return;
      // The local store is only closed, never deleted: unsynced work waits for the next sign-in.
      if (revoke) await revokeSession(app.centralUrl, current.central);
      await persist(null);
      hooks.onSignedOut(notice ?? 'Signed out. Anything not yet synced stays on this laptop.');
    },
  };
  return services;
}
