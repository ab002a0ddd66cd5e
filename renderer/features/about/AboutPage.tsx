import { useState } from 'react';
import { useOutpost } from '../../app/OutpostContext';
import { platform } from '../../platform';
import { useSyncStatus } from '../sync/useSyncStatus';
import { RELEASE_NOTES } from './releaseNotes';
import { installBlocker, updateStateText } from './updateText';
import { useUpdateState } from './useUpdates';

/**
 * About Outpost: this version and its release notes, where updates stand, and the one place an
 * update is installed, on the rep's say-so. No form is open here, so nothing typed is lost by the
 * restart; changes waiting to sync block it.
 */
export function AboutPage() {
  const { app } = useOutpost();
  const status = useSyncStatus();
  const [update, setUpdate] = useUpdateState();
  const [message, setMessage] = useState<string | null>(null);
  const blocker = installBlocker(status.pending);
  const current = RELEASE_NOTES.find((entry) => entry.version === app.version);

  const check = async () => {
    setMessage(null);
    setUpdate(await platform.updates.check());
  };
  const install = async () => {
    if (blocker) return setMessage(blocker);
    const answer = await platform.updates.install();
    setMessage(answer.ok ? 'Restarting to install the update…' : answer.reason);
  };

  return (
    <section aria-labelledby="about-title">
      <h1 id="about-title" tabIndex={-1}>
        About Outpost
      </h1>
      <dl className="facts">
        <dt>Version</dt>
        <dd>{app.version}</dd>
        <dt>Central system</dt>
        <dd>{app.centralUrl}</dd>
        <dt>Updates</dt>
        <dd>
          <span role="status" aria-label="Update status">
            {update ? updateStateText(update) : 'Asking…'}
          </span>
          {update?.kind === 'downloading' && (
            <progress aria-label={`Downloading version ${update.version}`} max={100} value={update.percent}>
              {update.percent} %
            </progress>
          )}
        </dd>
      </dl>
      {status.updateRequired && (
        <p role="alert" className="error">
          {status.updateRequired.reason}
        </p>
      )}
      {update?.kind !== 'unavailable' && (
        <p>
          <button type="button" onClick={() => void check()} disabled={update?.kind === 'checking' || update?.kind === 'downloading'}>
            Check for updates
          </button>{' '}
          {update?.kind === 'ready' && (
            <button type="button" onClick={() => void install()} aria-describedby={blocker ? 'install-blocker' : undefined}>
              Restart and install version {update.version}
            </button>
          )}
        </p>
      )}
      {update?.kind === 'ready' && blocker && (
        <p id="install-blocker" className="error">
          {blocker}
        </p>
      )}
      {message && <p role="status">{message}</p>}
      {(update?.kind === 'ready' || update?.kind === 'downloading') && update.releaseNotes && (
        <section aria-labelledby="next-notes">
          <h2 id="next-notes">What is new in version {update.version}</h2>
          <p className="release-notes">{update.releaseNotes}</p>
        </section>
      )}
      <section aria-labelledby="current-notes">
        <h2 id="current-notes">Release notes for version {app.version}</h2>
        {current ? (
          <ul>
            {current.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        ) : (
          <p>No release notes for this version.</p>
        )}
      </section>
    </section>
  );
}
