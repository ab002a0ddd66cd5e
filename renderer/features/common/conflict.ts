/** Fields that are bookkeeping, not something a rep typed; never listed as a difference. */
const IGNORED = new Set(['owner', 'createdAt', 'updatedAt', 'syncPending', 'syncError', 'conflictCopy', '_rev', '_meta', '_deleted', '_attachments']);

export interface ConflictDifference {
  field: string;
  /** The other (kept) version's value, as text. */
  other: string;
  /** This document's value, as text. */
  current: string;
}

export type ConflictCopy = { ok: true; differences: ConflictDifference[] } | { ok: false; raw: string };

function show(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** "purchaseAmount" -> "Purchase amount". */
export function fieldLabel(field: string): string {
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Compares a document with the other side of a conflict kept in `conflictCopy` (JSON),
 * field by field, so the rep sees what differs. A copy that is not a JSON object is
 * returned raw: it is still shown, never dropped.
 */
export function conflictDifferences(current: Record<string, unknown>, copy: string): ConflictCopy {
  let parsed: unknown;
  try {
    parsed = JSON.parse(copy);
  } catch {
    return { ok: false, raw: copy };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { ok: false, raw: copy };
  const other = parsed as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(other), ...Object.keys(current)])].filter((f) => !IGNORED.has(f)).sort();
  const differences: ConflictDifference[] = [];
  for (const field of fields) {
    const a = show(other[field]);
    const b = show(current[field]);
    if (a !== b && field in other) differences.push({ field, other: a, current: b });
  }
  return { ok: true, differences };
}
