import { actorLabel, recordLabel, type TimelineKind } from '../../../shared/audit/timeline';
import { useOutpost } from '../../app/OutpostContext';
import { formatWhen } from '../common/sort';
import { useTimeline } from './useTimeline';

/**
 * The record's audit trail as a list of text, oldest first: when, which record of the chain,
 * what changed, who and from which device; the laptop's unsynced changes are marked.
 */
export function Timeline({ kind, id }: { kind: TimelineKind; id: string }) {
  const { user } = useOutpost();
  const { entries, asOf, state, thisDevice } = useTimeline(kind, id);
  const headingId = `timeline-heading-${kind}`;
  const status =
    state === 'loading'
      ? 'Reading the timeline from the central system…'
      : state === 'offline'
        ? asOf
          ? `Offline: the timeline as the central system gave it on ${formatWhen(asOf)}, with this laptop's changes since.`
          : 'Offline: only this laptop’s changes are shown until the central system can be reached.'
        : state === 'current'
          ? asOf
            ? `As of ${formatWhen(asOf)}.`
            : 'Not on the central system yet: this laptop’s changes only.'
          : `The central system’s timeline could not be read (${state.problem}); ${asOf ? `showing the one from ${formatWhen(asOf)}` : 'showing this laptop’s changes'}.`;
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>Timeline</h2>
      <p role="status">{status}</p>
      {entries.length === 0 ? (
        <p>No changes recorded yet.</p>
      ) : (
        <ol aria-label="Timeline entries" className="timeline">
          {entries.map((entry) => (
            <li key={entry.key}>
              <time dateTime={entry.at}>{formatWhen(entry.at)}</time> — {recordLabel(entry)}: {entry.what} —{' '}
              {actorLabel(entry, thisDevice, user.id)}
              {entry.pending ? <strong> (not synced yet)</strong> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
