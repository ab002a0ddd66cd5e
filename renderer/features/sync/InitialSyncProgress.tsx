import { useSyncStatus } from './useSyncStatus';

/** The first download of catalog, rule sets, accounts and leads, with visible progress. */
export function InitialSyncProgress() {
  const { initialSync, online } = useSyncStatus();
  if (!initialSync) return null;
  return (
    <section className="initial-sync" aria-labelledby="initial-sync-title">
      <h2 id="initial-sync-title">First sync</h2>
      <progress aria-label="First sync progress" value={initialSync.done} max={initialSync.total} />
      <p>
        Downloading the catalog, rule sets, your accounts and leads: {initialSync.done} of {initialSync.total} done.
        {!online && ' Waiting for a connection to the central system.'}
      </p>
    </section>
  );
}
