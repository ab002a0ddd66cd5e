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

/**
 * A merge sort done in slices: `run(deadline)` works until `deadline()` says stop and returns
 * whether it is done, so a big list's sort orders can be prepared while the main thread is
 * idle without one long task. Stable, like `Array.prototype.sort`.
 */
export class SlicedSort<E> {
  private from: E[];
  private to: E[];
  private width = 1;
  /** The merge in progress: runs [lo, mid) and [mid, hi), read at i and j, written at k. */
  private lo = 0;
  private i = 0;
  private j = 0;
  private k = 0;
  private mid = 0;
  private hi = 0;
  private merging = false;

  constructor(
    items: readonly E[],
    private readonly compare: (a: E, b: E) => number,
  ) {
    this.from = [...items];
    this.to = new Array<E>(items.length);
  }

  get done(): boolean {
    return this.width >= this.from.length;
  }

  /** The sorted items, once `done`. */
  get result(): E[] {
    if (!this.done) throw new Error('SlicedSort: not done yet');
    return this.from;
  }

  run(deadline: () => boolean = () => false): boolean {
    const n = this.from.length;
    let steps = 0;
    while (!this.done) {
      if (!this.merging) {
        this.mid = Math.min(this.lo + this.width, n);
        this.hi = Math.min(this.lo + 2 * this.width, n);
        this.i = this.lo;
        this.j = this.mid;
        this.k = this.lo;
        this.merging = true;
      }
      const { from, to, compare, mid, hi } = this;
      let { i, j, k } = this;
      // Check the clock every 512 items written.
      const stop = Math.min(hi, k + 512);
      while (k < stop) {
        if (i < mid && (j >= hi || compare(from[i]!, from[j]!) <= 0)) to[k++] = from[i++]!;
        else to[k++] = from[j++]!;
      }
      this.i = i;
      this.j = j;
      this.k = k;
      if (k === hi) {
        this.merging = false;
        this.lo = hi;
        if (this.lo >= n) {
          this.from = to;
          this.to = from;
          this.lo = 0;
          this.width *= 2;
        }
      }
      if ((++steps & 3) === 0 && deadline()) return this.done;
    }
    return true;
  }
}
