/**
 * Which statuses let a document's owner change what it says (its content) or discard it. The
 * lifecycle machines move the status; this is the other half of the gate: a rep's edit of an
 * approved quote or a submitted order changes no status, so `send` alone never sees it. Each
 * machine keeps its `Editing` beside it as data (LEAD_EDITING, QUOTE_EDITING, ORDER_EDITING);
 * `editing.test.ts` shows each agrees with its machine's edit event. The renderer makes its
 * forms read-only outside these statuses and the central system refuses a push that edits or
 * deletes outside them (central/src/platform/sync/statusGate.ts), with `instead` as the advice.
 */
import { SYNC_META_FIELDS } from '../schemas/common';

export interface Editing<S extends string = string> {
  /** How the refusal names the document: "Quote", "Order", "Lead". */
  noun: string;
  /**
   * Statuses whose content the owner may change, and in which the owner may discard (delete)
   * the document. The machine has the last word: a status listed here is editable only while
   * the machine accepts the edit event (a queued order only once the central system refused it).
   */
  editableIn: readonly S[];
  /** For each other status: what the rep can do instead, said with a refusal. */
  instead: Readonly<Partial<Record<S, string>>>;
  /**
   * Fields the lifecycle's events or the central system write (a processing result, when a quote
   * was accepted, a TMF622 id): they may differ where the status changed, but are not the rep's
   * to change otherwise.
   */
  writtenByEvents: readonly string[];
  /** Fields only the central system writes: never compared, the central system keeps its own. */
  centralFields?: readonly string[];
  /** Fields a rule of their own judges, in any status (a quote's signature: shared/quotes/quoteSignature.ts). */
  judgedApart?: readonly string[];
}

/** Said when a status has no advice of its own. */
const NO_ADVICE = 'it can no longer be changed';

export function isEditableStatus<S extends string>(editing: Editing<S>, status: string): boolean {
  return (editing.editableIn as readonly string[]).includes(status);
}

export function insteadOf<S extends string>(editing: Editing<S>, status: string): string {
  return (editing.instead as Readonly<Record<string, string | undefined>>)[status] ?? NO_ADVICE;
}

/** "Quote 123 is approved, so its items cannot change; put it to ...": why not, in this status, and what to do instead. */
export function notEditableReason<S extends string>(editing: Editing<S>, doc: { id: string; status: string }, what: string): string {
  return `${editing.noun} ${doc.id} is ${doc.status}, so ${what}; ${insteadOf(editing, doc.status)}`;
}

type Fields = Readonly<Record<string, unknown>>;

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((key) => (a as Fields)[key] !== undefined);
  const keysB = Object.keys(b).filter((key) => (b as Fields)[key] !== undefined);
  return keysA.length === keysB.length && keysA.every((key) => same((a as Fields)[key], (b as Fields)[key]));
}

/**
 * The fields whose value differs between the stored and the pushed document, leaving out the
 * sync meta fields and the status; `afterEvents`: the status changed, so what the events write
 * is left out too.
 */
export function changedContent<S extends string>(editing: Editing<S>, stored: Fields, pushed: Fields, afterEvents: boolean): string[] {
  const ignored = new Set<string>([
    ...SYNC_META_FIELDS,
    'id',
    'status',
    ...(editing.centralFields ?? []),
    ...(editing.judgedApart ?? []),
    ...(afterEvents ? editing.writtenByEvents : []),
  ]);
  const keys = new Set([...Object.keys(stored), ...Object.keys(pushed)].filter((key) => !ignored.has(key) && !key.startsWith('_')));
  return [...keys].filter((key) => !same(stored[key], pushed[key])).sort();
}
