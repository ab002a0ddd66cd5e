/**
 * Search, filter and sort of a list screen's rows, in memory.
 *
 * Why in memory: contact names and emails are encrypted at rest, so the store cannot
 * index or select on them. The screen holds each collection's decrypted documents once
 * (see renderer/features/common/collectionCache.ts) and this view answers every keystroke
 * from them: a lowercase haystack per row is computed once per row object, and each sort
 * order once per row set, so a keystroke is one linear scan with no sorting and no new
 * row objects.
 */

export type SortDirection = 'asc' | 'desc';
export type SortValue = string | number | undefined;

export interface ListSort {
  column: string;
  direction: SortDirection;
}

export interface ListState {
  /** What the rep typed; every word must appear in one of the row's search fields. */
  search: string;
  /** Filter id -> the exact value to keep; a missing or empty value keeps every row. */
  filters: Readonly<Record<string, string>>;
  /** `null`: the spec's default order. */
  sort: ListSort | null;
}

export interface ListSpec<T> {
  /** Texts searched by the search box (undefined parts are skipped). */
  searchText(row: T): readonly (string | undefined)[];
  /** Values the filter selects compare against, by filter id. */
  filters: Readonly<Record<string, (row: T) => string | undefined>>;
  /** Sortable columns, by column id. */
  sortValues: Readonly<Record<string, (row: T) => SortValue>>;
  /** Order when no column is chosen; also breaks ties of every sort (must be unique per row). */
  defaultOrder(row: T): string;
  /** Whether the default order is descending (newest first). */
  defaultDescending: boolean;
}

export const EMPTY_LIST_STATE: ListState = { search: '', filters: {}, sort: null };

/** Search words: lowercase, split on white space, empty words dropped. */
export function searchWords(search: string): string[] {
  return search
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.length > 0);
}

/** Unit separator between fields, so a search word never matches across two fields. */
const FIELD_SEPARATOR = '\u001f';

type SortKey = string | number | null;

function sortKey(value: SortValue): SortKey {
  if (value === undefined || value === '') return null;
  return typeof value === 'number' ? value : value.toLowerCase();
}

function compareKeys(a: string | number, b: string | number): number {
  if (typeof a === typeof b) return a < b ? -1 : a > b ? 1 : 0;
  return typeof a === 'number' ? -1 : 1;
}

/** Rows without a value (a lead not yet rated) come last in both directions: they are rarely what the rep sorts for. */
function compareSortKeys(a: SortKey, b: SortKey, sign: number): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return sign * compareKeys(a, b);
}

/**
 * One row set with its precomputed search text and sort orders. Build a new view when the
 * rows change; query it on every keystroke.
 */
export class ListView<T extends object> {
  readonly rows: readonly T[];
  private readonly spec: ListSpec<T>;
  private readonly haystacks: WeakMap<T, string>;
  private readonly orders = new Map<string, readonly T[]>();

  /** `haystacks` may be shared between views of the same spec so unchanged rows keep theirs. */
  constructor(spec: ListSpec<T>, rows: readonly T[], haystacks: WeakMap<T, string> = new WeakMap()) {
    this.spec = spec;
    this.rows = rows;
    this.haystacks = haystacks;
  }

  private haystack(row: T): string {
    let text = this.haystacks.get(row);
    if (text === undefined) {
      text = this.spec
        .searchText(row)
        .filter((part): part is string => part !== undefined && part !== '')
        .join(FIELD_SEPARATOR)
        .toLowerCase();
      this.haystacks.set(row, text);
    }
    return text;
  }

  /** The rows in one order, computed once per view. */
  ordered(sort: ListSort | null): readonly T[] {
    const id = sort ? `${sort.column}:${sort.direction}` : '';
    const cached = this.orders.get(id);
    if (cached) return cached;
    const value = sort ? this.spec.sortValues[sort.column] : undefined;
    if (sort && !value) throw new Error(`"${sort.column}" is not a sortable column of this list`);
    const keyed = this.rows.map((row) => ({ row, key: value ? sortKey(value(row)) : null, tie: this.spec.defaultOrder(row) }));
    const sign = sort ? (sort.direction === 'asc' ? 1 : -1) : 0;
    const tieSign = this.spec.defaultDescending ? -1 : 1;
    keyed.sort((a, b) => compareSortKeys(a.key, b.key, sign) || tieSign * compareKeys(a.tie, b.tie));
    const rows = keyed.map((entry) => entry.row);
    this.orders.set(id, rows);
    return rows;
  }

  /** The rows matching the search and the filters, in the chosen order. */
  query(state: ListState): readonly T[] {
    const ordered = this.ordered(state.sort);
    const words = searchWords(state.search);
    const filters = Object.entries(state.filters)
      .filter(([, wanted]) => wanted !== '')
      .map(([id, wanted]) => {
        const value = this.spec.filters[id];
        if (!value) throw new Error(`"${id}" is not a filter of this list`);
        return { value, wanted };
      });
    if (words.length === 0 && filters.length === 0) return ordered;
    return ordered.filter((row) => {
      for (const { value, wanted } of filters) if (value(row) !== wanted) return false;
      if (words.length === 0) return true;
      const text = this.haystack(row);
      return words.every((word) => text.includes(word));
    });
  }

  /** The distinct values of one filter, sorted, for its select's options. */
  filterValues(id: string): string[] {
    const value = this.spec.filters[id];
    if (!value) throw new Error(`"${id}" is not a filter of this list`);
    const seen = new Set<string>();
    for (const row of this.rows) {
      const v = value(row);
      if (v !== undefined && v !== '') seen.add(v);
    }
    return [...seen].sort();
  }
}
