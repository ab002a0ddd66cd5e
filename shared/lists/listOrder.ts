/**
 * Sort orders of a list view: comparison of sort keys, a descending order derived from the
 * ascending one in linear time, and the merge that keeps an order current when a few rows
 * change (a sync batch) instead of sorting every row again.
 */

export type SortValue = string | number | undefined;
/** `null`: no value; such rows come last in both directions. */
export type SortKey = string | number | null;

export function sortKey(value: SortValue): SortKey {
  if (value === undefined || value === '') return null;
  return typeof value === 'number' ? value : value.toLowerCase();
}

export function compareKeys(a: string | number, b: string | number): number {
  if (typeof a === typeof b) return a < b ? -1 : a > b ? 1 : 0;
  return typeof a === 'number' ? -1 : 1;
}

/** Rows without a value (a lead not yet rated) come last in both directions: they are rarely what the rep sorts for. */
export function compareSortKeys(a: SortKey, b: SortKey, sign: number): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return sign * compareKeys(a, b);
}

/**
 * The descending order from the ascending one: groups of equal keys in reverse, each group
 * still in the default order (the tie-breaker does not depend on the direction), rows
 * without a value last. Linear, where sorting again would be n log n string comparisons.
 */
export function descendingFrom<E>(ascending: readonly E[], key: (entry: E) => SortKey): E[] {
  let valued = ascending.length;
  while (valued > 0 && key(ascending[valued - 1]!) === null) valued--;
  const out: E[] = new Array<E>(ascending.length);
  let at = 0;
  let end = valued - 1;
  while (end >= 0) {
    const k = key(ascending[end]!) as string | number;
    let start = end;
    while (start > 0 && compareKeys(key(ascending[start - 1]!) as string | number, k) === 0) start--;
    for (let i = start; i <= end; i++) out[at++] = ascending[i]!;
    end = start - 1;
  }
  for (let i = valued; i < ascending.length; i++) out[at++] = ascending[i]!;
  return out;
}

/** Two orders sorted by `compare`, merged into one (ties: `a` first; the comparators here are total). */
export function mergeSorted<E>(a: readonly E[], b: readonly E[], compare: (x: E, y: E) => number): E[] {
  const out: E[] = new Array<E>(a.length + b.length);
  let i = 0;
  let j = 0;
  let at = 0;
  while (i < a.length && j < b.length) out[at++] = compare(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[at++] = a[i++]!;
  while (j < b.length) out[at++] = b[j++]!;
  return out;
}
