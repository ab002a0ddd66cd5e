import { useState } from 'react';
import type { MergeChoices } from '../../../shared/leads/dedup';
import type { LeadDoc } from '../../../shared/schemas';
import type { LikelyDuplicate } from './dedupIndex';
import { LeadMergeForm } from './LeadMergeForm';

/** A file row whose lead looks like a record already on the laptop. */
export interface DuplicateRow {
  line: number;
  lead: LeadDoc;
  found: LikelyDuplicate[];
}

export interface ImportDuplicatesProps {
  rows: readonly DuplicateRow[];
  /** Lines the rep chose to skip. */
  skipped: ReadonlySet<number>;
  /** Lines merged into an existing lead, with that lead's title: they are not imported. */
  merged: ReadonlyMap<number, string>;
  busy: boolean;
  onSkip(lines: readonly number[], skip: boolean): void;
  /** Stores the row's values chosen into the existing lead; resolves once stored. */
  onMerge(row: DuplicateRow, into: LikelyDuplicate & { lead: LeadDoc }, choices: MergeChoices): Promise<void>;
}

const SHOWN = 200;

/**
 * Before the import stores anything: each likely duplicate row with what it matches; skip it, keep
 * both, or merge the row into the matching lead field by field (as on save), per row or all at once.
 */
export function ImportDuplicates({ rows, skipped, merged, busy, onSkip, onMerge }: ImportDuplicatesProps) {
  const [merging, setMerging] = useState<{ row: DuplicateRow; into: LikelyDuplicate & { lead: LeadDoc } } | null>(null);
  if (merging)
    return (
      <LeadMergeForm
        survivor={merging.into.lead}
        other={merging.row.lead}
        otherLabel={`Line ${merging.row.line}`}
        busy={busy}
        onMerge={(choices) => void onMerge(merging.row, merging.into, choices).then(() => setMerging(null))}
        onBack={() => setMerging(null)}
      />
    );
  const open = rows.filter((r) => !merged.has(r.line)).map((r) => r.line);
  return (
    <section className="notice notice--warning" aria-labelledby="import-duplicates-heading">
      <h3 id="import-duplicates-heading">Likely duplicates</h3>
      <p>
        {rows.length === 1 ? '1 row looks' : `${rows.length.toLocaleString('en-US')} rows look`} like records already on this laptop. Choose
        for each whether to import it anyway (keep both), skip it, or merge it into the matching lead.
      </p>
      <div className="screen-actions">
        <button type="button" className="button" disabled={busy} onClick={() => onSkip(open, true)}>
          Skip likely duplicates
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => onSkip(open, false)}>
          Keep all
        </button>
      </div>
      <table className="table" aria-label="Likely duplicate rows">
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Lead</th>
            <th scope="col">Looks like</th>
            <th scope="col">Skip</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, SHOWN).map((row) => {
            const into = merged.get(row.line);
            return (
              <tr key={row.line}>
                <td>{row.line}</td>
                <td>{row.lead.company}</td>
                <td>
                  {row.found.map(({ lead, ...d }) => (
                    <p key={`${d.kind}:${d.id}`}>
                      {d.title}: {d.why}.{' '}
                      {lead && into === undefined ? (
                        <button
                          type="button"
                          className="button"
                          disabled={busy}
                          onClick={() => setMerging({ row, into: { ...d, lead } })}
                          aria-label={`Merge line ${row.line} into ${d.title}`}
                        >
                          Merge…
                        </button>
                      ) : null}
                    </p>
                  ))}
                </td>
                <td>
                  {into === undefined ? (
                    <input
                      type="checkbox"
                      aria-label={`Skip line ${row.line}`}
                      checked={skipped.has(row.line)}
                      disabled={busy}
                      onChange={(e) => onSkip([row.line], e.target.checked)}
                    />
                  ) : (
                    `Merged into ${into}`
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length > SHOWN ? (
        <p>
          Showing the first {SHOWN}; the buttons above apply to all {rows.length.toLocaleString('en-US')}.
        </p>
      ) : null}
    </section>
  );
}
