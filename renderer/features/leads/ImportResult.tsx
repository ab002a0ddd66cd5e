import type { ImportSummary, RowProblem } from '../../../shared/leads/leadImport';

/** What an import did: its figures, with the rep's choices on likely duplicates. */
export type ImportOutcome = ImportSummary & { added: number; skipped: number; merged: number };

const count = (n: number) => n.toLocaleString('en-US');
const rowsText = (n: number) => `${count(n)} ${n === 1 ? 'row' : 'rows'}`;

/** "Import, skipping 2 rows", "Import, skipping 1 row (2 merged)". */
export function importButtonText(skipped: ReadonlySet<number>, merged: ReadonlyMap<number, string>): string {
  const skipping = [...skipped].filter((line) => !merged.has(line)).length;
  return `Import, skipping ${rowsText(skipping)}${merged.size > 0 ? ` (${count(merged.size)} merged)` : ''}`;
}

/** The summary of a finished import and the rows it could not import, each with what to fix. */
export function ImportResult({ summary, problems }: { summary: ImportOutcome; problems: readonly RowProblem[] }) {
  return (
    <>
      <ul className="facts" aria-label="Import summary">
        <li>Rows read: {count(summary.rows)}</li>
        <li>
          Leads imported: {count(summary.imported)} (new on this laptop: {count(summary.added)})
        </li>
        <li>Qualified: {count(summary.qualified)}</li>
        <li>Rows not imported: {count(summary.withProblems)}</li>
        <li>Skipped as likely duplicates: {count(summary.skipped)}</li>
        <li>Merged into existing leads: {count(summary.merged)}</li>
      </ul>
      {problems.length > 0 ? (
        <table className="table" aria-label="Rows not imported">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">What to fix</th>
            </tr>
          </thead>
          <tbody>
            {problems.slice(0, 200).map((p) => (
              <tr key={p.line}>
                <td>{p.line}</td>
                <td>{p.messages.join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
