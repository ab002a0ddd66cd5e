import type { LeadDoc } from '../../../shared/schemas';
import type { LikelyDuplicate } from './dedupIndex';

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
  onSkip(lines: readonly number[], skip: boolean): void;
}

/** Before the import stores anything: each likely duplicate row with what it matches; skip it or keep both, per row or all at once. */
export function ImportDuplicates({ rows, skipped, onSkip }: ImportDuplicatesProps) {
  const all = rows.map((r) => r.line);
  return (
    <section className="notice notice--warning" aria-labelledby="import-duplicates-heading">
      <h3 id="import-duplicates-heading">Likely duplicates</h3>
      <p>
        {rows.length === 1 ? '1 row looks' : `${rows.length.toLocaleString('en-US')} rows look`} like records already on this laptop. Choose
        for each whether to import it anyway (keep both) or skip it.
      </p>
      <div className="screen-actions">
        <button type="button" className="button" onClick={() => onSkip(all, true)}>
          Skip likely duplicates
        </button>
        <button type="button" className="button" onClick={() => onSkip(all, false)}>
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
          {rows.slice(0, 200).map(({ line, lead, found }) => (
            <tr key={line}>
              <td>{line}</td>
              <td>{lead.company}</td>
              <td>{found.map((d) => `${d.title}: ${d.why}`).join('; ')}</td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Skip line ${line}`}
                  checked={skipped.has(line)}
                  onChange={(e) => onSkip([line], e.target.checked)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > 200 ? <p>Showing the first 200; the buttons above apply to all {rows.length.toLocaleString('en-US')}.</p> : null}
    </section>
  );
}
