import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { EMPTY_LIST_STATE, ListView, type ListSpec, type ListState } from '../../../shared/lists/listView';

export interface ListScreen<T extends object> {
  /** What the controls show (updates on every keystroke). */
  state: ListState;
  /** The rows matching the state, in order (may lag `state` by a render while the main thread is busy). */
  visible: readonly T[];
  /** The order `visible` is in. */
  visibleSort: ListState['sort'];
  view: ListView<T>;
  setSearch(search: string): void;
  setFilter(id: string, value: string): void;
  /** First click ascending, second descending, third back to the default order. */
  toggleSort(column: string): void;
}

/**
 * Per spec: the latest view. A new row set (a change event, a sync batch) builds its view from
 * this one, so unchanged rows keep their entries and the sort orders are merged, not redone;
 * coming back to a list whose rows did not change reuses the view with its orders and answers.
 */
const latestBySpec = new WeakMap<object, ListView<object>>();

function viewOf<T extends object>(spec: ListSpec<T>, rows: readonly T[]): ListView<T> {
  const latest = latestBySpec.get(spec) as ListView<T> | undefined;
  if (latest?.rows === rows) return latest;
  const view = new ListView<T>(spec, rows, latest);
  latestBySpec.set(spec, view as unknown as ListView<object>);
  return view;
}

/** Longest slice of idle-time preparation, so a keystroke never waits behind more than this. */
const WARM_SLICE_MS = 8;

/** Prepares the view's search texts and sort orders while the main thread is idle. */
function useWarmView<T extends object>(view: ListView<T>): void {
  useEffect(() => {
    let handle = 0;
    const step = (idle: IdleDeadline) => {
      const until = performance.now() + WARM_SLICE_MS;
      const done = view.warm(() => performance.now() >= until || idle.timeRemaining() < 1);
      if (!done) handle = requestIdleCallback(step);
    };
    handle = requestIdleCallback(step);
    return () => cancelIdleCallback(handle);
  }, [view]);
}

/**
 * Search, filter and sort state of a list screen over rows held in memory.
 *
 * The search runs on a deferred copy of what was typed (React's `useDeferredValue`) rather
 * than behind a fixed debounce: the search box echoes each keystroke at once, the list follows
 * as soon as the main thread is free, and a query made stale by the next keystroke is dropped.
 * A filter choice or a sort click is applied at once, in the same task as the event: one
 * render instead of two, and no second task to wait for on a busy machine.
 */
export function useListView<T extends object>(spec: ListSpec<T>, rows: readonly T[]): ListScreen<T> {
  const [state, setState] = useState<ListState>(EMPTY_LIST_STATE);
  const view = useMemo(() => viewOf(spec, rows), [spec, rows]);
  useWarmView(view);
  const search = useDeferredValue(state.search);
  const { filters, sort } = state;
  const visible = useMemo(() => view.query({ search, filters, sort }), [view, search, filters, sort]);
  const setSearch = useCallback((search: string) => setState((s) => ({ ...s, search })), []);
  const setFilter = useCallback((id: string, value: string) => setState((s) => ({ ...s, filters: { ...s.filters, [id]: value } })), []);
  const toggleSort = useCallback(
    (column: string) =>
      setState((s) => {
        if (s.sort?.column !== column) return { ...s, sort: { column, direction: 'asc' } };
        if (s.sort.direction === 'asc') return { ...s, sort: { column, direction: 'desc' } };
        return { ...s, sort: null };
      }),
    [],
  );
  return { state, visible, visibleSort: sort, view, setSearch, setFilter, toggleSort };
}
