import { useState } from 'react';
import type { CollectionDocs, RepWritableCollectionName } from '../../../shared/schemas';
import { conflictChoices, mergeConflict, type Side } from '../../../shared/sync/conflictMerge';
import { useOutpost } from '../../app/OutpostContext';
import { saveDocument } from '../../data/writes';
import { choiceLabel, showValue, type ShownValue } from './conflictView';

export interface ConflictResolverProps {
  collection: RepWritableCollectionName;
  /** The document as stored: the central system's version. */
  doc: Record<string, unknown>;
  /** The rep's losing version, parsed from conflictCopy. */
  mine: Record<string, unknown>;
}

function Shown({ value }: { value: ShownValue }) {
  if (value.kind === 'text') return <>{value.text}</>;
  return (
    <ul className="conflict-lines">
      {value.lines.map((line, i) => (
        <li key={i}>{line}</li>
      ))}
    </ul>
  );
}

function currencyOf(doc: Record<string, unknown>): string {
  const totals = doc['totals'];
  const currency = typeof totals === 'object' && totals !== null ? (totals as Record<string, unknown>)['currency'] : undefined;
  return typeof currency === 'string' ? currency : 'USD';
}

/**
 * The two versions of a conflicted record field by field, in the app's formatting, with Keep
 * mine / Keep theirs for the whole record or a choice per field. Saving writes the merge and
 * clears the kept copy; until then both versions stay.
 */
export function ConflictResolver({ collection, doc, mine }: ConflictResolverProps) {
  const { db } = useOutpost();
  const [picks, setPicks] = useState<Record<string, Side>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const choices = conflictChoices(doc, mine).filter((c) => c.differs);
  const currency = currencyOf(doc);

  const resolve = async (fallback: Side, chosen: Record<string, Side>) => {
    setBusy(true);
    try {
      const merged = mergeConflict(doc, mine, chosen, fallback) as unknown as CollectionDocs[typeof collection];
      await saveDocument(db, collection, merged);
      setError(null);
    } catch (e) {
      setError(`The choice could not be saved: ${e instanceof Error ? e.message : String(e)}. Both versions are still kept.`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="conflict-resolver">
      {choices.length === 0 ? (
        <p>The other version has the same values.</p>
      ) : (
        <table className="data-table">
          <caption>The two versions</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Central system&apos;s version</th>
              <th scope="col">Your version</th>
              <th scope="col">Keep</th>
            </tr>
          </thead>
          <tbody>
            {choices.map((choice) => (
              <tr key={choice.key}>
                <th scope="row">{choiceLabel(choice.key)}</th>
                {[doc, mine].map((side, i) => (
                  <td key={i}>
                    {choice.fields.map((field) => (
                      <div key={field}>
                        {choice.fields.length > 1 && field !== choice.key ? `${choiceLabel(field)}: ` : null}
                        <Shown value={showValue(field, side[field], currency)} />
                      </div>
                    ))}
                  </td>
                ))}
                <td>
                  <fieldset className="conflict-choice">
                    <legend className="visually-hidden">{choiceLabel(choice.key)}</legend>
                    {(['theirs', 'mine'] as const).map((side) => (
                      <label key={side}>
                        <input
                          type="radio"
                          name={`conflict-${choice.key}`}
                          value={side}
                          checked={(picks[choice.key] ?? 'theirs') === side}
                          onChange={() => setPicks((p) => ({ ...p, [choice.key]: side }))}
                        />
                        {side === 'mine' ? 'Keep mine' : 'Keep theirs'}
                      </label>
                    ))}
                  </fieldset>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button" disabled={busy} onClick={() => void resolve('mine', {})}>
          Keep mine
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void resolve('theirs', {})}>
          Keep theirs
        </button>
        {choices.length > 0 ? (
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void resolve('theirs', picks)}>
            Save my choices
          </button>
        ) : null}
      </div>
    </div>
  );
}
