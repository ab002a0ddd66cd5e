import { useState } from 'react';
import type { CollectionDocs, RepWritableCollectionName } from '../../../shared/schemas';
import { conflictChoices, mergeConflict, type ConflictChoice, type Side } from '../../../shared/sync/conflictMerge';
import { useOutpost } from '../../app/OutpostContext';
import { useDocument } from '../../data/hooks';
import { saveDocument } from '../../data/writes';
import { choiceLabel, referenceName, showValue, type ReferencedCollection, type ShownValue } from './conflictView';
import { ErrorNotice } from './ErrorNotice';

export interface ConflictResolverProps {
  collection: RepWritableCollectionName;
  /** The document as stored: the central system's version. */
  doc: Record<string, unknown>;
  /** The rep's losing version, parsed from conflictCopy. */
  mine: Record<string, unknown>;
  /** The version both started from, when it was kept with the copy. */
  base: Record<string, unknown> | null;
}

/** Another record by its name from the local store; its id only when it is not on this laptop. */
function ReferenceName({ collection, id }: { collection: ReferencedCollection; id: string }) {
  const doc = useDocument(collection, id) as Record<string, unknown> | null | undefined;
  if (doc === undefined) return <>…</>;
  return <>{referenceName(collection, doc) ?? `Not on this laptop (${id})`}</>;
}

const CHANGED_BY: Readonly<Record<ConflictChoice['changedBy'], string>> = {
  you: 'Changed by you',
  central: 'Changed centrally',
  both: 'Changed on both sides',
  unknown: '',
};

function Shown({ value }: { value: ShownValue }) {
  if (value.kind === 'text') return <>{value.text}</>;
  if (value.kind === 'reference') return <ReferenceName collection={value.collection} id={value.id} />;
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
 * The versions of a conflicted record field by field, in the app's formatting: the base both
 * started from (when kept), the central system's and the rep's, with Keep mine / Keep theirs for
 * the whole record or a choice per field (preset to the rep's where only the rep changed it).
 * Saving writes the merge and clears the kept copy; until then every version stays.
 */
export function ConflictResolver({ collection, doc, mine, base }: ConflictResolverProps) {
  const { db } = useOutpost();
  const [picks, setPicks] = useState<Record<string, Side>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const choices = conflictChoices(doc, mine, base).filter((c) => c.differs);
  const pickOf = (choice: ConflictChoice): Side => picks[choice.key] ?? choice.suggested;
  const sides = base ? [base, doc, mine] : [doc, mine];
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
          <caption>{base ? 'The versions' : 'The two versions'}</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              {base ? <th scope="col">Before either change</th> : null}
              <th scope="col">Central system&apos;s version</th>
              <th scope="col">Your version</th>
              <th scope="col">Keep</th>
            </tr>
          </thead>
          <tbody>
            {choices.map((choice) => (
              <tr key={choice.key}>
                <th scope="row">
                  {choiceLabel(choice.key)}
                  {CHANGED_BY[choice.changedBy] ? <span className="muted"> ({CHANGED_BY[choice.changedBy]})</span> : null}
                </th>
                {sides.map((side, i) => (
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
                          checked={pickOf(choice) === side}
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
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
      <div className="form-actions">
        <button type="button" className="button" disabled={busy} onClick={() => void resolve('mine', {})}>
          Keep mine
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void resolve('theirs', {})}>
          Keep theirs
        </button>
        {choices.length > 0 ? (
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void resolve('theirs', Object.fromEntries(choices.map((c) => [c.key, pickOf(c)])))}
          >
            Save my choices
          </button>
        ) : null}
      </div>
    </div>
  );
}
