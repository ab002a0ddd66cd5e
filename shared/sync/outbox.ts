/**
 * The outbox: every local change still waiting for the central system, or refused by it, and
 * the rep's ways out (retry, fix, discard). Pure logic; the screen lives in renderer/features/outbox.
 */
import { SYNC_META_FIELDS } from '../schemas/common';

/** RxDB's bookkeeping and the sync meta fields: never "what changed". */
const NOT_CHANGES: ReadonlySet<string> = new Set<string>([...SYNC_META_FIELDS, '_rev', '_meta', '_attachments', '_deleted']);

export type OutboxState = 'refused' | 'waiting';

interface SyncFields {
  syncPending?: boolean | undefined;
  syncError?: { reason: string; at: string } | undefined;
}

/** Refused wins: a refused record stays refused until the rep retries, fixes or discards it. */
export function outboxStateOf(doc: SyncFields): OutboxState | null {
  if (doc.syncError) return 'refused';
  return doc.syncPending ? 'waiting' : null;
}

/** What changed against the last state the central system holds, as far as the laptop knows it. */
export type OutboxChange = { kind: 'new' } | { kind: 'changed'; fields: string[] } | { kind: 'deleted' };

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .filter((k) => record[k] !== undefined)
        .map((k) => [k, canonical(record[k])]),
    );
  }
  return value;
}

/**
 * The rep's fields that differ between the local document and the central system's last known
 * state, sorted. No known central state means the record never reached it: a new record.
 */
export function changeAgainst(current: Record<string, unknown>, central: Record<string, unknown> | null | undefined): OutboxChange {
  if (!central || central['_deleted'] === true) return { kind: 'new' };
  if (current['_deleted'] === true) return { kind: 'deleted' };
  const fields = [...new Set([...Object.keys(current), ...Object.keys(central)])]
    .filter((field) => !NOT_CHANGES.has(field) && !same(current[field], central[field]))
    .sort();
  return { kind: 'changed', fields };
}

/** "purchaseAmount" -> "purchase amount", "serviceAddress" -> "service address". */
export function fieldWords(field: string): string {
  return field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** The change in words: "New record", "Changed: billing account, service address", "Deleted". */
export function describeChange(change: OutboxChange): string {
  if (change.kind === 'new') return 'New record';
  if (change.kind === 'deleted') return 'Deleted';
  return change.fields.length === 0
    ? "No field differs from the central system's copy"
    : `Changed: ${change.fields.map(fieldWords).join(', ')}`;
}

/** The document to write for "Retry": the same data without the refusal, so sync pushes it again. */
export function retried<T extends SyncFields>(doc: T): T {
  const { syncError: _refusal, ...rest } = doc;
  return rest as T;
}

/**
 * What "Discard" leaves on the laptop: the central system's last state when it holds a version
 * it accepted, otherwise nothing (the record never reached it, or only as refused).
 */
export function discardOutcome(
  central: Record<string, unknown> | null | undefined,
): { kind: 'revert'; to: Record<string, unknown> } | { kind: 'remove' } {
  if (!central || central['_deleted'] === true || central['syncError']) return { kind: 'remove' };
  const to = Object.fromEntries(Object.entries(central).filter(([key]) => !['_rev', '_meta', '_attachments', '_deleted'].includes(key)));
  return { kind: 'revert', to };
}

/** A discarded version the rep can still find, and restore. */
export interface DiscardedRecord {
  collection: string;
  id: string;
  title: string;
  discardedAt: string;
  /** The central system's reason, when it had refused the record. */
  reason?: string;
  /** The rep's version as it was discarded. */
  data: Record<string, unknown>;
}

function isDiscarded(value: unknown): value is DiscardedRecord {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['collection'] === 'string' &&
    typeof v['id'] === 'string' &&
    typeof v['title'] === 'string' &&
    typeof v['discardedAt'] === 'string' &&
    (v['reason'] === undefined || typeof v['reason'] === 'string') &&
    !!v['data'] &&
    typeof v['data'] === 'object' &&
    !Array.isArray(v['data'])
  );
}

/** The stored list, newest first; entries that are not discarded records are kept out, never thrown on. */
export function parseDiscarded(json: string | null | undefined): DiscardedRecord[] {
  if (!json) return [];
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter(isDiscarded) : [];
  } catch {
    return [];
  }
}

/** The rep's data to write back on "Restore": what was discarded, as a new local change. */
export function restoredData(record: DiscardedRecord): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record.data).filter(([key]) => !['_rev', '_meta', '_attachments', '_deleted', 'syncError'].includes(key)),
  );
}
