import { useState } from 'react';
import { differingFields, type MergeChoices } from '../../../shared/leads/dedup';
import type { LeadDoc } from '../../../shared/schemas';
import { LEAD_FIELDS } from './leadForm';
import type { LikelyDuplicate } from './dedupIndex';
import { mergeValueText } from './leadMerge';

export interface LeadDuplicatesProps {
  found: readonly LikelyDuplicate[];
  /** The lead as typed (parsed and processed), not stored yet. */
  draft: LeadDoc;
  busy: boolean;
  onKeepBoth(): void;
  onMerge(into: LeadDoc, choices: MergeChoices): void;
}

const labelOf = (field: string) => LEAD_FIELDS.find((f) => f.field === field)?.label ?? field;

/**
 * The likely duplicates found on save, before anything is stored: each with the fields that
 * match; the rep merges the typed lead into a matching lead (field by field) or keeps both.
 */
export function LeadDuplicates({ found, draft, busy, onKeepBoth, onMerge }: LeadDuplicatesProps) {
  const [into, setInto] = useState<LeadDoc | null>(null);
  if (into)
    return <LeadMergeForm survivor={into} other={draft} busy={busy} onMerge={(c) => onMerge(into, c)} onBack={() => setInto(null)} />;
  return (
    <section className="notice notice--warning" aria-labelledby="lead-duplicates-heading">
      <h2 id="lead-duplicates-heading">Likely duplicates</h2>
      <p>
        This lead looks like {found.length === 1 ? 'a record' : `${found.length} records`} already on this laptop. Merge it into a lead, or
        keep both.
      </p>
      <ul>
        {found.map((d) => (
          <li key={`${d.kind}:${d.id}`}>
            <strong>{d.title}</strong>: {d.why}.{' '}
            {d.lead ? (
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => setInto(d.lead ?? null)}
                aria-label={`Merge into ${d.title}`}
              >
                Merge…
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <button type="button" className="button" disabled={busy} onClick={onKeepBoth}>
        Keep both and save
      </button>
    </section>
  );
}

interface LeadMergeFormProps {
  survivor: LeadDoc;
  other: LeadDoc;
  busy: boolean;
  onMerge(choices: MergeChoices): void;
  onBack(): void;
}

/** Field by field: keep the existing lead's value or take the typed one, shown as the lead screen shows them. */
function LeadMergeForm({ survivor, other, busy, onMerge, onBack }: LeadMergeFormProps) {
  const fields = differingFields(survivor, other);
  const [choices, setChoices] = useState<MergeChoices>({});
  // A group, not a form: it sits inside the lead form.
  return (
    <section className="notice" aria-labelledby="lead-merge-heading">
      <h2 id="lead-merge-heading">Merge into {survivor.company}</h2>
      <p>
        The existing lead stays; choose which value it keeps where the two differ. Every value not kept is recorded in its merge history.
      </p>
      {fields.length === 0 ? <p>The two leads have the same details.</p> : null}
      {fields.map((field) => (
        <fieldset key={field}>
          <legend>{labelOf(field)}</legend>
          <label>
            <input
              type="radio"
              name={`merge-${field}`}
              checked={choices[field] !== 'other'}
              onChange={() => setChoices((c) => ({ ...c, [field]: 'survivor' }))}
            />{' '}
            Existing: {mergeValueText(field, survivor[field])}
          </label>{' '}
          <label>
            <input
              type="radio"
              name={`merge-${field}`}
              checked={choices[field] === 'other'}
              onChange={() => setChoices((c) => ({ ...c, [field]: 'other' }))}
            />{' '}
            Typed: {mergeValueText(field, other[field])}
          </label>
        </fieldset>
      ))}
      <div className="form-actions">
        <button type="button" className="button button--primary" disabled={busy} onClick={() => onMerge(choices)}>
          Merge leads
        </button>
        <button type="button" className="button" onClick={onBack}>
          Back to duplicates
        </button>
      </div>
    </section>
  );
}
