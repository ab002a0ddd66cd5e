import { useState } from 'react';
import { differingFields, type MergeChoices } from '../../../shared/leads/dedup';
import type { LeadDoc } from '../../../shared/schemas';
import { LEAD_FIELDS } from './leadForm';
import { mergeValueText } from './leadMerge';

const labelOf = (field: string) => LEAD_FIELDS.find((f) => f.field === field)?.label ?? field;

export interface LeadMergeFormProps {
  survivor: LeadDoc;
  other: LeadDoc;
  /** What the other lead's values are called: "Typed", "Line 12". */
  otherLabel: string;
  busy: boolean;
  onMerge(choices: MergeChoices): void;
  onBack(): void;
}

/** Field by field: keep the existing lead's value or take the other one (typed, or a file's row), shown as the lead screen shows them. */
export function LeadMergeForm({ survivor, other, otherLabel, busy, onMerge, onBack }: LeadMergeFormProps) {
  const fields = differingFields(survivor, other);
  const [choices, setChoices] = useState<MergeChoices>({});
  // A group, not a form: it sits inside the lead form or the import.
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
            {otherLabel}: {mergeValueText(field, other[field])}
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
