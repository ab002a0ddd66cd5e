import { useEffect, useState, type ChangeEvent } from 'react';
import type { MergeChoices } from '../../../shared/leads/dedup';
import { parseCsv, type ParsedCsv } from '../../../shared/leads/leadCsv';
import { guessMapping, importLeadId, importSlice, summarise, type ColumnMapping, type ImportSlice } from '../../../shared/leads/leadImport';
import type { LeadDoc } from '../../../shared/schemas';
import { useOutpost } from '../../app/OutpostContext';
import { collectionOf, type OutpostDatabase } from '../../data/database';
import { useDocuments } from '../../data/hooks';
import { actorOf } from '../session/actor';
import { likelyDuplicatesIn, type LikelyDuplicate } from './dedupIndex';
import { ImportColumns } from './ImportColumns';
import { ImportDuplicates, type DuplicateRow } from './ImportDuplicates';
import { ImportResult, importButtonText, type ImportOutcome } from './ImportResult';
import { storeMerge } from './leadMerge';
import { useLocalDedup } from './useLocalDedup';
import { ErrorNotice } from '../common/ErrorNotice';

/** Rows stored per bulkInsert. */
const SLICE = 500;
/** Rows read and checked between two looks at the clock. */
const CHECK_ROWS = 25;
/** How long reading and checking runs before the screen gets a turn: far below a 100 ms task. */
const CHECK_SLICE_MS = 20;

async function digestOf(text: string): Promise<string> {
  const bytes = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Inserts the slice's leads; one already there (same file line imported before) is kept as it is. */
async function storeLeads(db: OutpostDatabase, leads: readonly LeadDoc[]): Promise<number> {
  if (leads.length === 0) return 0;
  const result = await collectionOf(db, 'leads').bulkInsert([...leads]);
  const failed = result.error.filter((e) => e.status !== 409);
  if (failed.length > 0) throw new Error(`${failed.length} leads could not be stored on this laptop`);
  return result.success.length;
}

interface Loaded {
  name: string;
  text: string;
  csv: ParsedCsv;
}

/**
 * Import of leads from a CSV file (an Excel export too), offline: map the columns, preview, import
 * in slices with progress; each row through the capture form's rules and the lead processing
 * engine; rows that cannot be imported listed with what to fix. Importing the same file again
 * (after an interruption) adds only what is missing: an imported lead's id derives from the file and line.
 */
export function LeadImport({ onClose, onBusy }: { onClose(): void; onBusy?(busy: boolean): void }) {
  const { db, user } = useOutpost();
  const ruleSets = useDocuments('ruleSets');
  const [file, setFile] = useState<Loaded | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [progress, setProgress] = useState<string | null>(null);
  const [slices, setSlices] = useState<ImportSlice[]>([]);
  const [summary, setSummary] = useState<ImportOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  useEffect(() => onBusy?.(running), [onBusy, running]);
  /** The rows read and checked for likely duplicates, waiting for the rep's choice before anything is stored. */
  const [checked, setChecked] = useState<{ slices: ImportSlice[]; duplicates: DuplicateRow[]; lineOf: Map<string, number> } | null>(null);
  const [skipped, setSkipped] = useState<ReadonlySet<number>>(new Set());
  /** Lines merged into an existing lead (with its title): stored already, not imported. */
  const [merged, setMerged] = useState<ReadonlyMap<number, string>>(new Map());
  const dedupReady = useLocalDedup();
  // The index of the laptop's records fills while the rep chooses the file and its columns (at
  // 50k leads that takes seconds), so the check does not wait for it.
  // A failure here shows when the check awaits the index again.
  useEffect(() => void dedupReady().catch(() => undefined), [dedupReady]);

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    setSummary(null);
    setSlices([]);
    setChecked(null);
    setSkipped(new Set());
    setMerged(new Map());
    setError(null);
    if (!chosen) return setFile(null);
    const text = await chosen.text();
    const csv = parseCsv(text);
    setFile({ name: chosen.name, text, csv });
    setMapping(guessMapping(csv.headers));
  }

  /** Reads every row through the form's rules and the engine, and checks each lead against the laptop's records. */
  async function check() {
    if (!file) return;
    setRunning(true);
    setError(null);
    try {
      const digest = await digestOf(file.text);
      const lineOf = new Map<string, number>();
      const ctx = {
        owner: user.id,
        now: new Date().toISOString(),
        ruleSets: ruleSets ?? [],
        actor: actorOf(user),
        newId: (line: number) => {
          const id = importLeadId(digest, line);
          lineOf.set(id, line);
          return id;
        },
      };
      const live = await dedupReady();
      const done: ImportSlice[] = [];
      const duplicates: DuplicateRow[] = [];
      const total = file.csv.rows.length;
      for (let from = 0; from < total;) {
        const started = performance.now();
        while (from < total && performance.now() - started < CHECK_SLICE_MS) {
          const slice = importSlice(file.csv.rows, mapping, ctx, from, CHECK_ROWS);
          for (const lead of slice.leads) {
            // A lead of this file imported before (same id) is itself, never its own duplicate.
            const found = likelyDuplicatesIn(live, lead);
            if (found.length > 0) duplicates.push({ line: lineOf.get(lead.id) ?? 0, lead, found });
          }
          done.push(slice);
          from = slice.next;
        }
        setProgress(`Checked ${from.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} rows`);
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      if (duplicates.length > 0) {
        setChecked({ slices: done, duplicates, lineOf });
        setProgress(null);
      } else await store(done, new Set(), lineOf);
    } catch (e) {
      setError(`The file could not be checked: ${e instanceof Error ? e.message : String(e)}. Nothing was imported.`);
    } finally {
      setRunning(false);
    }
  }

  /** Merges one file row into an existing lead, as a merge on save does; the row is then not imported. */
  async function merge(row: DuplicateRow, into: LikelyDuplicate & { lead: LeadDoc }, choices: MergeChoices) {
    setRunning(true);
    setError(null);
    try {
      await storeMerge(db, into.lead, row.lead, choices, actorOf(user), ruleSets ?? [], false);
      setMerged((current) => new Map(current).set(row.line, into.title));
    } catch (e) {
      setError(`Line ${row.line} could not be merged: ${e instanceof Error ? e.message : String(e)}. Nothing of it was stored.`);
    } finally {
      setRunning(false);
    }
  }

  /** Stores the checked rows but the skipped and merged ones, slice by slice. */
  async function store(done: readonly ImportSlice[], skipLines: ReadonlySet<number>, lineOf: ReadonlyMap<string, number>) {
    setRunning(true);
    setError(null);
    try {
      const skip = new Set([...skipLines].filter((line) => !merged.has(line)));
      const leave = (line: number) => skip.has(line) || merged.has(line);
      const kept = done.map((slice) => ({ ...slice, leads: slice.leads.filter((l) => !leave(lineOf.get(l.id) ?? -1)) }));
      const leads = kept.flatMap((slice) => slice.leads);
      let added = 0;
      for (let from = 0; from < leads.length; from += SLICE) {
        added += await storeLeads(db, leads.slice(from, from + SLICE));
        setProgress(`Imported ${Math.min(from + SLICE, leads.length).toLocaleString('en-US')} leads`);
        // Let the screen draw between slices.
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      setSlices(kept);
      setChecked(null);
      setSummary({ ...summarise(file?.csv.rows.length ?? 0, kept), added, skipped: skip.size, merged: merged.size });
    } catch (e) {
      setError(
        `The import stopped: ${e instanceof Error ? e.message : String(e)}. Import the same file again to continue; nothing is added twice.`,
      );
    } finally {
      setRunning(false);
    }
  }

  const problems = slices.flatMap((s) => s.problems);

  return (
    <section className="section" aria-labelledby="lead-import-heading">
      <h2 id="lead-import-heading">Import leads from a CSV file</h2>
      <div className="field">
        <label className="field-label" htmlFor="lead-import-file">
          CSV file
        </label>
        <input id="lead-import-file" type="file" accept=".csv,text/csv" onChange={(e) => void choose(e)} disabled={running} />
      </div>
      {file && file.csv.problems.length > 0 ? (
        <ul className="notice notice--warning" aria-label="Problems in the file">
          {file.csv.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      {file ? (
        <>
          <ImportColumns rows={file.csv.rows} headers={file.csv.headers} mapping={mapping} onChange={setMapping} />
          <div className="screen-actions">
            <button
              type="button"
              className="button button--primary"
              disabled={running || file.csv.rows.length === 0 || checked !== null}
              onClick={() => void check()}
            >
              Import {file.csv.rows.length.toLocaleString('en-US')} rows
            </button>
            <button type="button" className="button" disabled={running} onClick={onClose}>
              Close import
            </button>
          </div>
        </>
      ) : null}
      {checked ? (
        <>
          <ImportDuplicates
            rows={checked.duplicates}
            skipped={skipped}
            merged={merged}
            busy={running}
            onMerge={merge}
            onSkip={(lines, skip) =>
              setSkipped((current) => {
                const next = new Set(current);
                for (const line of lines)
                  if (skip) next.add(line);
                  else next.delete(line);
                return next;
              })
            }
          />
          <div className="screen-actions">
            <button
              type="button"
              className="button button--primary"
              disabled={running}
              onClick={() => void store(checked.slices, skipped, checked.lineOf)}
            >
              {importButtonText(skipped, merged)}
            </button>
          </div>
        </>
      ) : null}
      <p role="status">{progress ?? ''}</p>
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
      {summary ? <ImportResult summary={summary} problems={problems} /> : null}
    </section>
  );
}
