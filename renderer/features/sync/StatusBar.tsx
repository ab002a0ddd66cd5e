import { memo } from 'react';
import { useNavigate } from '../../app/navigation';
import { routeHref } from '../../app/routes';
import type { SyncStatus } from '../../sync/syncStatus';
import { useSyncStatus } from './useSyncStatus';
import { useOutpost } from '../../app/OutpostContext';
import { useUpdateCheckAfterSync } from '../about/useUpdates';

// One formatter: `toLocaleString` with options builds a new one per call, a few ms each on a loaded machine.
const TIME_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function formatTime(iso: string): string {
  return TIME_FORMAT.format(new Date(iso));
}

function linkText(status: SyncStatus): string {
  if (status.online) return 'Online';
  return status.stuck ? `Connected, but sync is stuck: ${status.stuck}` : 'Offline';
}

function linkClass(status: SyncStatus): string {
  if (status.online) return 'badge online';
  return status.stuck ? 'badge stuck' : 'badge offline';
}

/**
 * Always visible: connection, last successful sync, and local changes waiting to go up.
 * Memoised: the shell re-renders on every navigation, this only when the sync status changes.
 */
export const StatusBar = memo(function StatusBar() {
  const status = useSyncStatus();
  const { app } = useOutpost();
  const navigate = useNavigate();
  useUpdateCheckAfterSync(status.lastSyncAt);
  const waiting = status.pending === 1 ? '1 change waiting to sync' : `${status.pending} changes waiting to sync`;
  return (
    <footer className="status-bar">
      <p role="status" aria-label="Sync status">
        <span className={linkClass(status)}>{linkText(status)}</span>
        <span>Last sync: {status.lastSyncAt ? formatTime(status.lastSyncAt) : 'never'}</span>
        <a
          href={routeHref({ page: 'outbox' })}
          onClick={(e) => {
            e.preventDefault();
            navigate({ page: 'outbox' });
          }}
        >
          {waiting}
        </a>
        {status.updateRequired && (
          <span className="error">
            {status.updateRequired.reason}{' '}
            <a
              href={routeHref({ page: 'about' })}
              onClick={(e) => {
                e.preventDefault();
                navigate({ page: 'about' });
              }}
            >
              Get the update
            </a>
          </span>
        )}
        {status.problem && <span className="error">Sync problem: {status.problem}</span>}
        <a
          href={routeHref({ page: 'about' })}
          onClick={(e) => {
            e.preventDefault();
            navigate({ page: 'about' });
          }}
        >
          About Outpost {app.version}
        </a>
      </p>
    </footer>
  );
});
