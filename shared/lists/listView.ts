/**
 * Search, filter and sort of a list screen's rows, in memory.
 *
 * Why in memory: contact names and emails are encrypted at rest, so the store cannot
 * index or select on them. The screen holds each collection's decrypted documents once
 * (see renderer/data/collectionCache.ts) and this view answers every keystroke from them:
 * - per row object an entry with its filter values, default-order key, sort keys and
 *   lowercase search text, each computed once and kept while the row object lives;
 * - each sort order once per row set, and a new row set (a sync batch changed a few rows)
 *   derives its orders from the previous view's by a merge, not a new sort; descending
 *   orders come from ascending ones in linear time;
 * - answers are kept (the last few), and a query that narrows a kept one (one more letter,
 *   one more filter) scans only that answer's rows; backspace finds its answer kept.
 */

import { SlicedSort, compareKeys, compareSortKeys, descendingFrom, mergeSorted, sortKey, type SortKey, type SortValue } from './listOrder';

export type { SortValue } from './listOrder';
export type SortDirection = 'asc' | 'desc';

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
/** Kept answers per view: enough for typing a name forward and back, with a filter or two. */
const KEPT_ANSWERS = 24;

interface Entry<T> {
  row: T;
  /** Default-order key (unique per row). */
  tie: string;
  /** Filter values, in the order of the spec's filter ids. */
  filters: (string | undefined)[];
  /** Sort keys by sortable column index, computed when that column is first sorted. */
  keys: (SortKey | undefined)[];
  /** Lowercase search text, computed on the first search. */
  text: string | undefined;
  /** The last view built with this entry in it (see the constructor). */
  seen: number;
}

interface Question {
  sortId: string;
  words: readonly string[];
  /** [filter index, wanted value]. */
  filters: readonly (readonly [number, string])[];
}

interface Answer<T> extends Question {
  entries: readonly Entry<T>[];
  rows: readonly T[];
}

let lastGeneration = 0;

function sortId(sort: ListSort | null): string {
  return sort ? `${sort.column}:${sort.direction}` : '';
}

/** Whether every row matching `query` also matches `kept`: `kept` asks for less. */
function narrows(kept: Question, query: Question): boolean {
  if (kept.sortId !== query.sortId) return false;
  for (const [index, wanted] of kept.filters) if (!query.filters.some(([i, w]) => i === index && w === wanted)) return false;
  return kept.words.every((word) => query.words.some((longer) => longer.includes(word)));
}

/**
 * One row set with its entries, sort orders and kept answers. Build a new view when the rows
 * change (passing the previous one, so unchanged rows keep their entries and orders are
 * merged); query it on every keystroke.
 */
export class ListView<T extends object> {
  readonly rows: readonly T[];
  private readonly spec: ListSpec<T>;
  private readonly filterIds: readonly string[];
  private readonly sortColumns: readonly string[];
  /** Shared along a chain of views, so a row object keeps its entry. */
  private readonly entryOf: WeakMap<T, Entry<T>>;
  private readonly generation = ++lastGeneration;
  private readonly entries: Entry<T>[];
  /** Orders by sort id ('' the default order); descending ones derived on demand. */
  private readonly orders = new Map<string, Entry<T>[]>();
  private readonly orderedRows = new Map<string, readonly T[]>();
  private readonly answers: Answer<T>[] = [];
  private readonly filterValueLists = new Map<string, string[]>();
  /** Ascending orders being prepared in idle time (see `warm`). */
  private readonly warming = new Map<string, SlicedSort<Entry<T>>>();
  private textsWarmed = 0;

  constructor(spec: ListSpec<T>, rows: readonly T[], previous?: ListView<T>) {
    this.spec = spec;
    this.rows = rows;
    this.filterIds = Object.keys(spec.filters);
    this.sortColumns = Object.keys(spec.sortValues);
    const reuse = previous !== undefined && previous.spec === spec;
    this.entryOf = reuse ? previous.entryOf : new WeakMap();
    const added: Entry<T>[] = [];
    this.entries = rows.map((row) => {
      let entry = this.entryOf.get(row);
      if (!entry) {
        entry = {
          row,
          tie: spec.defaultOrder(row),
          filters: this.filterIds.map((id) => spec.filters[id]!(row)),
          keys: [],
          text: undefined,
          seen: 0,
        };
        this.entryOf.set(row, entry);
      }
      // Stamps are read only here, synchronously, so views built elsewhere cannot confuse them.
      if (!reuse || entry.seen !== previous.generation) added.push(entry);
      entry.seen = this.generation;
      return entry;
    });
    if (reuse) this.mergeOrders(previous, added);
  }

  /** The previous view's ascending orders with removed rows dropped and added ones merged in. */
  private mergeOrders(previous: ListView<T>, added: Entry<T>[]): void {
    for (const [id, order] of previous.orders) {
      if (id.endsWith(':desc')) continue;
      const compare = this.comparator(id === '' ? null : { column: id.slice(0, -':asc'.length), direction: 'asc' });
      const kept = order.filter((entry) => entry.seen === this.generation);
      this.orders.set(id, added.length === 0 ? kept : mergeSorted(kept, [...added].sort(compare), compare));
    }
  }

  private tieCompare(): (a: Entry<T>, b: Entry<T>) => number {
    const sign = this.spec.defaultDescending ? -1 : 1;
    return (a, b) => sign * compareKeys(a.tie, b.tie);
  }

  private keyOf(column: number): (entry: Entry<T>) => SortKey {
    const value = this.spec.sortValues[this.sortColumns[column]!]!;
    return (entry) => {
      let key = entry.keys[column];
      if (key === undefined) key = entry.keys[column] = sortKey(value(entry.row));
      return key;
    };
  }

  /** Ascending (or the default order): the column's key, then the default order. */
  private comparator(sort: ListSort | null): (a: Entry<T>, b: Entry<T>) => number {
    const tie = this.tieCompare();
    if (!sort) return tie;
    const key = this.keyOf(this.columnIndex(sort.column));
    return (a, b) => compareSortKeys(key(a), key(b), 1) || tie(a, b);
  }

  private columnIndex(column: string): number {
    const index = this.sortColumns.indexOf(column);
    if (index < 0) throw new Error(`"${column}" is not a sortable column of this list`);
    return index;
  }

  private order(sort: ListSort | null): Entry<T>[] {
    const id = sortId(sort);
    let order = this.orders.get(id);
    if (order) return order;
    if (sort?.direction === 'desc') {
      order = descendingFrom(this.order({ column: sort.column, direction: 'asc' }), this.keyOf(this.columnIndex(sort.column)));
    } else if (this.warming.has(id)) {
      // Half prepared in idle time: finishing it costs less than starting again.
      const sliced = this.warming.get(id)!;
      sliced.run();
      order = sliced.result;
      this.warming.delete(id);
    } else {
      // Column orders start from the default order, so most ties are already in place.
      order = [...(sort ? this.order(null) : this.entries)].sort(this.comparator(sort));
    }
    this.orders.set(id, order);
    return order;
  }

  /**
   * Prepares what a search or a sort click will need (every row's search text, then each
   * column's ascending order, in slices) until `deadline()` says stop; true when nothing is
   * left. For idle time, so the first sort of 50k rows is not a long task after the click.
   */
  warm(deadline: () => boolean): boolean {
    while (this.textsWarmed < this.entries.length) {
      const end = Math.min(this.entries.length, this.textsWarmed + 500);
      for (let i = this.textsWarmed; i < end; i++) this.text(this.entries[i]!);
      this.textsWarmed = end;
      if (deadline()) return false;
    }
    for (const column of this.sortColumns) {
      const id = sortId({ column, direction: 'asc' });
      if (this.orders.has(id)) continue;
      let sliced = this.warming.get(id);
      if (!sliced) this.warming.set(id, (sliced = new SlicedSort(this.order(null), this.comparator({ column, direction: 'asc' }))));
      if (!sliced.run(deadline)) return false;
      this.orders.set(id, sliced.result);
      this.warming.delete(id);
      if (deadline()) return false;
    }
    return true;
  }

  /** The rows in one order, computed once per view. */
  ordered(sort: ListSort | null): readonly T[] {
    const id = sortId(sort);
    let rows = this.orderedRows.get(id);
    if (!rows) this.orderedRows.set(id, (rows = this.order(sort).map((entry) => entry.row)));
    return rows;
  }

  private text(entry: Entry<T>): string {
    if (entry.text === undefined) {
      entry.text = this.spec
        .searchText(entry.row)
        .filter((part): part is string => part !== undefined && part !== '')
        .join(FIELD_SEPARATOR)
        .toLowerCase();
    }
    return entry.text;
  }

  /** The rows matching the search and the filters, in the chosen order. */
  query(state: ListState): readonly T[] {
    const words = searchWords(state.search);
    const filters = Object.entries(state.filters)
      .filter(([, wanted]) => wanted !== '')
      .map(([id, wanted]) => {
        const index = this.filterIds.indexOf(id);
        if (index < 0) throw new Error(`"${id}" is not a filter of this list`);
        return [index, wanted] as const;
      });
    if (words.length === 0 && filters.length === 0) return this.ordered(state.sort);
    const query: Question = { sortId: sortId(state.sort), words, filters };
    let base: readonly Entry<T>[] | null = null;
    for (let i = 0; i < this.answers.length; i++) {
      const kept = this.answers[i]!;
      if (!narrows(kept, query)) continue;
      if (narrows(query, kept)) {
        // Each asks for the other: the same rows. Most recently used goes last.
        this.answers.splice(i, 1);
        this.answers.push(kept);
        return kept.rows;
      }
      if (!base || kept.entries.length < base.length) base = kept.entries;
    }
    const entries = (base ?? this.order(state.sort)).filter((entry) => {
      for (const [index, wanted] of filters) if (entry.filters[index] !== wanted) return false;
      if (words.length === 0) return true;
      const text = this.text(entry);
      for (const word of words) if (!text.includes(word)) return false;
      return true;
    });
    const answer: Answer<T> = { ...query, entries, rows: entries.map((entry) => entry.row) };
    this.answers.push(answer);
    if (this.answers.length > KEPT_ANSWERS) this.answers.shift();
    return answer.rows;
  }

  /** The distinct values of one filter, sorted, for its select's options. */
  filterValues(id: string): string[] {
    const index = this.filterIds.indexOf(id);
    if (index < 0) throw new Error(`"${id}" is not a filter of this list`);
    let values = this.filterValueLists.get(id);
    if (!values) {
      const seen = new Set<string>();
      for (const entry of this.entries) {
        const v = entry.filters[index];
        if (v !== undefined && v !== '') seen.add(v);
      }
      this.filterValueLists.set(id, (values = [...seen].sort()));
    }
    return values;
  }
}
