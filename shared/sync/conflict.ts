/**
 * Conflict resolution for RxDB replication (use as the collection's conflictHandler:
 * `isEqual` = isSameDocument, `resolve` = resolveConflict).
 *
 * Policy: the central system's version wins, because it is the record of what was ordered and
 * what state it is in. Nothing a rep typed is lost without a trace: when the rep's losing version
 * differs in anything the rep can type, it is kept as JSON in `conflictCopy` for the UI to show.
 * A "conflict" with the rep's own earlier write, whose push answer was lost, is no conflict:
 * decidePushConflict lets the rep's newer state go up on top of it.
 */
import { SYNC_META_FIELDS } from '../schemas/common';
import { ORDER_TMF_STATES } from '../schemas/order.schema';

/** RxDB's own bookkeeping: never part of what a document says. */
const RXDB_INTERNAL_FIELDS: ReadonlySet<string> = new Set(['_meta', '_rev', '_attachments']);
const META_FIELDS: ReadonlySet<string> = new Set(SYNC_META_FIELDS);
/** Written only by the central system on any document that has them. */
const SERVER_FIELDS = ['tmfOrderId', 'stateReason'] as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep equality of JSON-like data; a property holding `undefined` counts as absent, as in JSON. */
function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) if (!deepEqual(a[key], b[key])) return false;
    return true;
  }
  return Number.isNaN(a) && Number.isNaN(b);
}

function omit(doc: Record<string, unknown>, ignored: ReadonlySet<string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(doc).filter(([key, value]) => !ignored.has(key) && value !== undefined));
}

export function isSameDocument(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return deepEqual(omit(a, RXDB_INTERNAL_FIELDS), omit(b, RXDB_INTERNAL_FIELDS));
}

/** An order the central system has taken over: from then on its status is the server's. */
function isIngestedOrder(doc: Record<string, unknown>): boolean {
  return typeof doc['quoteId'] === 'string' && 'catalogVersion' in doc && (ORDER_TMF_STATES as readonly unknown[]).includes(doc['status']);
}

/** Fields the rep cannot have typed, given the master state. */
function notRepData(master: Record<string, unknown>): ReadonlySet<string> {
  const fields = new Set<string>([...RXDB_INTERNAL_FIELDS, ...META_FIELDS, ...SERVER_FIELDS]);
  if (isIngestedOrder(master)) fields.add('status');
  return fields;
}

/** Sorted keys, no undefined: the same data always gives the same text. */
function canonical(value: unknown): Json {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : canonical(v)));
  if (isPlainObject(value)) {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(value).sort()) {
      if (value[key] !== undefined) out[key] = canonical(value[key]);
    }
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return null;
}

/** The rep's data kept in `conflictCopy` when a conflict resolves against them. */
export function conflictCopyOf(doc: Record<string, unknown>, master: Record<string, unknown> = doc): string {
  const data = omit(doc, notRepData(master));
  // Every replicated row says `_deleted: false`; only a deletion is worth showing.
  if (data['_deleted'] === false) delete data['_deleted'];
  return JSON.stringify(canonical(data));
}

/** Marks a `conflictCopy` that keeps the base (the version both sides started from) beside the rep's version. */
export const CONFLICT_RECORD_VERSION = 2;

/**
 * `conflictCopy` with the base: {"$conflict": 2, "mine": <the rep's data>, "base": <the base's>}.
 * Without a base (RxDB gives none for a record new to the central system) the plain copy.
 */
export function conflictRecordOf(
  doc: Record<string, unknown>,
  master: Record<string, unknown>,
  base: Record<string, unknown> | undefined,
): string {
  if (base === undefined) return conflictCopyOf(doc, master);
  return JSON.stringify({
    $conflict: CONFLICT_RECORD_VERSION,
    mine: JSON.parse(conflictCopyOf(doc, master)) as Json,
    base: JSON.parse(conflictCopyOf(base, master)) as Json,
  });
}

export function resolveConflict<T extends Record<string, unknown>>(
  input: { newDocumentState: T; realMasterState: T; assumedMasterState?: T | undefined },
  now: string,
): T {
  const { newDocumentState: local, realMasterState: master } = input;
  const ignored = notRepData(master);
  if (!deepEqual(omit(local, ignored), omit(master, ignored))) {
    // The write carries the copy to the central system too, so the trace survives a reinstall.
    return { ...master, conflictCopy: conflictRecordOf(local, master, input.assumedMasterState), updatedAt: now, syncPending: true };
  }
  // Same data, but the rep still holds a copy from an earlier conflict the master lacks: keep it.
  const earlier = local['conflictCopy'];
  if (typeof earlier === 'string' && earlier !== master['conflictCopy']) {
    return { ...master, conflictCopy: earlier, updatedAt: now, syncPending: true };
  }
  return master;
}

/** Fields the central system rewrites when it stores a push (central/src/platform/sync/pushRow.ts). */
const SERVER_NORMALISED_FIELDS: ReadonlySet<string> = new Set(['owner', 'createdAt', 'syncPending', 'syncError']);

function storedForm(doc: Record<string, unknown>): Record<string, unknown> {
  const data = Object.fromEntries(Object.entries(doc).filter(([key]) => !key.startsWith('_') && !SERVER_NORMALISED_FIELDS.has(key)));
  return { ...data, _deleted: doc['_deleted'] === true };
}

/** Whether the central system would store these two states as the same record (its own comparison). */
export function isSameStoredState(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return deepEqual(storedForm(a), storedForm(b));
}

export type PushConflictOutcome<T> =
  /** The master is what this push sends: an earlier attempt was stored and only its answer was lost. */
  | { kind: 'stored' }
  /** The master is an earlier write of this laptop: nobody else changed it, so the rep's newer state goes up on top of it. */
  | { kind: 'pushAgain'; row: { newDocumentState: T; assumedMasterState: T } }
  /** Someone else changed the record: a real conflict, resolved by resolveConflict (master wins, rep's data kept). */
  | { kind: 'conflict' };

/**
 * What to do with a master state the central system sent back for a pushed row. `ownWrites` are
 * the states this laptop sent for the record whose answer never came: the central system may
 * hold any of them, and then the conflict is only with the rep's own past.
 */
export function decidePushConflict<T extends Record<string, unknown>>(sent: T, master: T, ownWrites: readonly T[]): PushConflictOutcome<T> {
  if (isSameStoredState(sent, master)) {
    // A refusal of this very state is the central system's verdict: RxDB's conflict handler stores it with its reason.
    return master['syncError'] !== undefined ? { kind: 'conflict' } : { kind: 'stored' };
  }
  // Also when that earlier write was refused: the rep's newer state (often the fix) is judged on its own.
  if (ownWrites.some((own) => isSameStoredState(own, master)))
    return { kind: 'pushAgain', row: { newDocumentState: sent, assumedMasterState: master } };
  return { kind: 'conflict' };
}

/** The fields that are never the rep's data on a document (meta, server-owned), for merging a conflict by hand. */
export function fieldsNotRepData(master: Record<string, unknown>): ReadonlySet<string> {
  return notRepData(master);
}
