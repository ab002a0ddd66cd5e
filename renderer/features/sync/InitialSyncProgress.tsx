import { useSyncStatus } from './useSyncStatus';

function timeLeft(seconds: number): string {
  if (seconds < 60) return `about ${Math.max(1, seconds)} s left`;
  return `about ${Math.ceil(seconds / 60)} min left`;
}

/**
 * The first download of catalog, rule sets, accounts and leads, with documents done of the
 * total and an ETA. The screens stay usable meanwhile: whatever has arrived can be opened.
 */
export function InitialSyncProgress() {
  const { initialSync, online } = useSyncStatus();
  if (!initialSync) return null;
  const { done, total, etaSeconds } = initialSync;
  const count =
    total === null
      ? `${done.toLocaleString('en-US')} records so far`
      : `${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} records`;
  return (
    <section className="initial-sync" aria-labelledby="initial-sync-title">
      <h2 id="initial-sync-title">First sync</h2>
      {/* Without a total the bar is indeterminate rather than pretending to a figure. */}
      <progress aria-label="First sync progress" value={total === null ? undefined : done} max={total ?? undefined} />
      <p>
        Downloading the catalog, rule sets, your accounts and leads: {count}
        {etaSeconds !== null && online ? `, ${timeLeft(etaSeconds)}` : ''}. You can work with what has arrived.
        {!online && ' Waiting for a connection to the central system; it resumes where it stopped.'}
      </p>
    </section>
  );
}
