/**
 * Resolving a kept conflict by hand: the document holds the central system's version ("theirs"),
 * `conflictCopy` the rep's losing version ("mine", canonical JSON from conflictCopyOf). The rep
 * keeps either side per choice; the result is what gets written, without `conflictCopy`.
 * Fields that are not the rep's data (sync meta, server-owned) always come from the document.
 */
import { CONFLICT_RECORD_VERSION, fieldsNotRepData } from './conflict';

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
  /** Who changed it since the base; 'unknown' without a base. */
  changedBy: 'you' | 'central' | 'both' | 'unknown';
  /** The side a three-way merge takes: the rep's where only the rep changed it, the central system's otherwise. */
  suggested: Side;
}

export type ParsedConflict =
  /** `base`: the version both sides started from; null when the copy was kept without it (older copies, a record new centrally). */
  { ok: true; mine: Record<string, unknown>; base: Record<string, unknown> | null } | { ok: false; raw: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The rep's version (and the base) from `conflictCopy`; anything that is not a JSON object is returned raw, never dropped. */
export function parseConflictCopy(copy: string): ParsedConflict {
  try {
    const parsed: unknown = JSON.parse(copy);
    if (isObject(parsed) && parsed['$conflict'] === CONFLICT_RECORD_VERSION && isObject(parsed['mine'])) {
      return { ok: true, mine: parsed['mine'], base: isObject(parsed['base']) ? parsed['base'] : null };
    }
    if (isObject(parsed)) return { ok: true, mine: parsed, base: null };
  } catch {
    // Not JSON: shown raw below.
  }
  return { ok: false, raw: copy };
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

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a) ?? null) === JSON.stringify(canonical(b) ?? null);
}

function changedBy(
  fields: readonly string[],
  theirs: Record<string, unknown>,
  mine: Record<string, unknown>,
  base: Record<string, unknown> | null,
): ConflictChoice['changedBy'] {
  if (!base) return 'unknown';
  const you = fields.some((f) => !sameValue(mine[f], base[f]));
  const central = fields.some((f) => !sameValue(theirs[f], base[f]));
  return you && central ? 'both' : you ? 'you' : central ? 'central' : 'both';
}

/** The rep's fields any side has, grouped into choices, sorted by key; `base` is the version both started from. */
export function conflictChoices(
  theirs: Record<string, unknown>,
  mine: Record<string, unknown>,
  base: Record<string, unknown> | null = null,
): ConflictChoice[] {
  const excluded = fieldsNotRepData(theirs);
  const fields = [...new Set([...Object.keys(theirs), ...Object.keys(mine), ...Object.keys(base ?? {})])].filter(
    (f) => !excluded.has(f) && !NEVER_MERGED.has(f),
  );
  const byKey = new Map<string, string[]>();
  for (const field of fields) {
    const key = GROUPS[field] ?? field;
    byKey.set(key, [...(byKey.get(key) ?? []), field]);
  }
  return [...byKey.entries()]
    .map(([key, list]) => {
      const ordered = [...list].sort((a, b) => (a === key ? -1 : b === key ? 1 : a.localeCompare(b)));
      const by = changedBy(ordered, theirs, mine, base);
      return {
        key,
        fields: ordered,
        differs: ordered.some((f) => !sameValue(theirs[f], mine[f])),
        changedBy: by,
        suggested: by === 'you' ? ('mine' as const) : ('theirs' as const),
      };
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
