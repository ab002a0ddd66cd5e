import { fieldWords, type DiscardedRecord } from '../../../shared/sync/outbox';
import { formatWhen } from '../common/sort';
import { RECORD_TYPES } from './outboxRecords';
import { isRepWritableCollection } from '../../../shared/schemas';

/** Bookkeeping the rep never typed, left out of the copy shown. */
const HIDDEN = new Set([
  'id',
  'owner',
  'createdAt',
  'updatedAt',
  'syncPending',
  'syncError',
  'conflictCopy',
  '_rev',
  '_meta',
  '_attachments',
  '_deleted',
]);

function shown(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export interface DiscardedListProps {
  records: readonly DiscardedRecord[];
  busy: boolean;
  onRestore(record: DiscardedRecord): void;
}

/** Discarded versions, each with its data as the rep left it and "Restore". */
export function DiscardedList({ records, busy, onRestore }: DiscardedListProps) {
  if (records.length === 0) return <p>Nothing has been discarded.</p>;
  return (
    <ul className="discarded-list" aria-label="Discarded changes">
      {records.map((record) => {
        const type = isRepWritableCollection(record.collection) ? RECORD_TYPES[record.collection] : record.collection;
        const fields = Object.entries(record.data).filter(([key]) => !HIDDEN.has(key));
        return (
          <li key={`${record.id}:${record.discardedAt}`} aria-label={`${type}: ${record.title}`}>
            <h3>
              {type}: {record.title}
            </h3>
            <p>Discarded: {formatWhen(record.discardedAt)}</p>
            {record.reason ? <p>The central system had refused it: {record.reason}</p> : null}
            <details>
              <summary>Your version</summary>
              <dl>
                {fields.map(([key, value]) => (
                  <div key={key}>
                    <dt>{fieldWords(key)}</dt>
                    <dd>{shown(value)}</dd>
                  </div>
                ))}
              </dl>
            </details>
            <button type="button" className="button" disabled={busy} onClick={() => onRestore(record)}>
              Restore {record.title}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
