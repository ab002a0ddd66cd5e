/**
 * Resolving a kept conflict by hand: the document holds the central system's version ("theirs"),
 * `conflictCopy` the rep's losing version ("mine", canonical JSON from conflictCopyOf). The rep
 * keeps either side per choice; the result is what gets written, without `conflictCopy`.
 * Fields that are not the rep's data (sync meta, server-owned) always come from the document.
 */
import { fieldsNotRepData } from './conflict';

export type Side = 'mine' | 'theirs';

/** Lines, their totals and the catalog they were priced with only make sense together. */
const GROUPS: Readonly<Record<string, string>> = { totals: 'items', catalogVersion: 'items' };
/** Never taken from the copy: the record's identity and its deletion state. */
const NEVER_MERGED: ReadonlySet<string> = new Set(['id', '_deleted']);

export interface ConflictChoice {
  /** The choice's key: a field, or the lead field of a group (items with totals). */
  key: string;
  /** Fields the choice decides, the key first. */
  fields: string[];
  /** Whether the two sides differ in any of them. */
  differs: boolean;
}

export type ParsedConflict = { ok: true; mine: Record<string, unknown> } | { ok: false; raw: string };

/** The rep's version from `conflictCopy`; anything that is not a JSON object is returned raw, never dropped. */
export function parseConflictCopy(copy: string): ParsedConflict {
  try {
    const parsed: unknown = JSON.parse(copy);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return { ok: true, mine: parsed as Record<string, unknown> };
  } catch {
    // Not JSON: shown raw below.
  }
  return { ok: false, raw: copy };
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(Object.keys(record).sort().filter((k) => record[k] !== undefined).map((k) => [k, canonical(record[k])]));
  }
  return value;
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a) ?? null) === JSON.stringify(canonical(b) ?? null);
}

/** The rep's fields either side has, grouped into choices, sorted by key. */
export function conflictChoices(theirs: Record<string, unknown>, mine: Record<string, unknown>): ConflictChoice[] {
  const excluded = fieldsNotRepData(theirs);
  const fields = [...new Set([...Object.keys(theirs), ...Object.keys(mine)])].filter((f) => !excluded.has(f) && !NEVER_MERGED.has(f));
  const byKey = new Map<string, string[]>();
  for (const field of fields) {
    const key = GROUPS[field] ?? field;
    byKey.set(key, [...(byKey.get(key) ?? []), field]);
  }
  return [...byKey.entries()]
    .map(([key, list]) => {
      const ordered = [...list].sort((a, b) => (a === key ? -1 : b === key ? 1 : a.localeCompare(b)));
      return { key, fields: ordered, differs: ordered.some((f) => !sameValue(theirs[f], mine[f])) };
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * The document to write: the central system's version with, for every choice picked "mine",
 * the rep's values of its fields (absent where the rep's version had none). Choices not picked
 * take `fallback`. `conflictCopy` is cleared: the conflict is resolved.
 */
export function mergeConflict(
  theirs: Record<string, unknown>,
  mine: Record<string, unknown>,
  picks: Readonly<Record<string, Side>>,
  fallback: Side = 'theirs',
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...theirs };
  delete merged['conflictCopy'];
  for (const choice of conflictChoices(theirs, mine)) {
    if ((picks[choice.key] ?? fallback) !== 'mine') continue;
    for (const field of choice.fields) {
      if (field in mine && mine[field] !== undefined) merged[field] = mine[field];
      else delete merged[field];
    }
  }
  return merged;
}
