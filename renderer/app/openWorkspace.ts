import type { AppInfo } from '../../shared/bridge';
import { openDatabase } from '../data/database';
import { saveSession, type LocalSession } from '../features/session/session';
import { CentralClient } from '../sync/centralClient';
import { startSync } from '../sync/syncEngine';
import type { OutpostServices } from './OutpostContext';

/**
 * Opens the rep's local store and starts syncing it. Works offline: the session and the
 * data are local, the central system is only needed to sync.
 */
export async function openWorkspace(
  app: AppInfo,
  session: LocalSession,
  hooks: { onSignedOut(notice?: string): void },
): Promise<OutpostServices> {
  const db = await openDatabase({ userId: session.central.user.id, storageKey: session.storageKey });
  let services: OutpostServices | null = null;
  const client = new CentralClient(app.centralUrl, session.central, (renewed) => {
    if (renewed) {
      void saveSession({ ...session, central: renewed });
      return;
    }
    // The central system no longer accepts this session: sign in again. Local data stays.
    void services?.signOut().then(() => hooks.onSignedOut('Your session has ended. Sign in again to keep syncing; nothing on this laptop was lost.'));
  });
  const sync = await startSync(db, client);
  const onOnline = () => sync.setNetworkAvailable(true);
  const onOffline = () => sync.setNetworkAvailable(false);
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);

  let closed = false;
  services = {
    db,
    user: session.central.user,
    sync,
    app,
    signOut: async () => {
      if (closed) return;
      closed = true;
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      await sync.stop();
      await db.close();
      await saveSession(null);
    },
  };
  return services;
}
