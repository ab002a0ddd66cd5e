import { useState } from 'react';
import type { MergeChoices } from '../../../shared/leads/dedup';
import type { LeadDoc } from '../../../shared/schemas';
import type { LikelyDuplicate } from './dedupIndex';
import { LeadMergeForm } from './LeadMergeForm';

export interface LeadDuplicatesProps {
  found: readonly LikelyDuplicate[];
  /** The lead as typed (parsed and processed), not stored yet. */
  draft: LeadDoc;
  busy: boolean;
  onKeepBoth(): void;
  onMerge(into: LeadDoc, choices: MergeChoices): void;
}

/**
 * The likely duplicates found on save, before anything is stored: each with the fields that
 * match; the rep merges the typed lead into a matching lead (field by field) or keeps both.
 */
export function LeadDuplicates({ found, draft, busy, onKeepBoth, onMerge }: LeadDuplicatesProps) {
  const [into, setInto] = useState<LeadDoc | null>(null);
  if (into)
    return (
      <LeadMergeForm
        survivor={into}
        other={draft}
        otherLabel="Typed"
        busy={busy}
        onMerge={(c) => onMerge(into, c)}
        onBack={() => setInto(null)}
      />
    );
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
