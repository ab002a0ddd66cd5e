import type { ListSpec } from '../../../shared/lists/listView';
import type { TableColumn } from './VirtualTable';

/**
 * The manager's team view of a list: an Owner column and filter added to the list's own.
 * Each is made once per list (kept by the list's module-level spec, columns and filters), so the
 * list view keeps its sort orders and answers, and the memoised table its rows, across renders.
 */
const specs = new WeakMap<object, object>();
const columnSets = new WeakMap<object, object>();
const filterSets = new WeakMap<object, object>();

export const OWNER = 'owner';

/** A list's filter as ListScreen takes it (not imported from there: ListScreen imports this). */
interface ListScreenFilter {
  id: string;
  label: string;
  optionLabel?(value: string): string;
}

/** Owners are shown by user id (there is no team directory yet); the manager's own records say so. */
export function ownerText(owner: string, me: string): string {
  return owner === me ? `${owner} (you)` : owner;
}

export function teamSpec<T>(spec: ListSpec<T>, ownerOf: (row: T) => string): ListSpec<T> {
  let team = specs.get(spec) as ListSpec<T> | undefined;
  if (!team) {
    team = { ...spec, filters: { ...spec.filters, [OWNER]: ownerOf }, sortValues: { ...spec.sortValues, [OWNER]: ownerOf } };
    specs.set(spec, team);
  }
  return team;
}

export function teamColumns<T>(columns: readonly TableColumn<T>[], ownerOf: (row: T) => string, me: string): readonly TableColumn<T>[] {
  let byUser = columnSets.get(columns) as Map<string, readonly TableColumn<T>[]> | undefined;
  if (!byUser) columnSets.set(columns, (byUser = new Map()));
  let team = byUser.get(me);
  if (!team) {
    team = [...columns, { id: OWNER, header: 'Owner', text: (row) => ownerText(ownerOf(row), me), sortable: true }];
    byUser.set(me, team);
  }
  return team;
}

export function teamFilters(filters: readonly ListScreenFilter[], me: string): readonly ListScreenFilter[] {
  let byUser = filterSets.get(filters) as Map<string, readonly ListScreenFilter[]> | undefined;
  if (!byUser) filterSets.set(filters, (byUser = new Map()));
  let team = byUser.get(me);
  if (!team) {
    team = [...filters, { id: OWNER, label: 'Owner', optionLabel: (owner) => ownerText(owner, me) }];
    byUser.set(me, team);
  }
  return team;
}
