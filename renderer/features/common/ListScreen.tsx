import { useCallback, useMemo, type ReactNode } from 'react';
import type { ListSpec } from '../../../shared/lists/listView';
import { useNavigate, type Route } from '../../app/navigation';
import { useOutpost } from '../../app/OutpostContext';
import { routeHref } from '../../app/routes';
import { ListControls, type ListFilter } from './ListControls';
import { Loading } from './Loading';
import { useListView } from './useListView';
import { teamColumns, teamFilters, teamSpec } from './teamView';
import { VirtualTable, type TableColumn } from './VirtualTable';

export interface ListScreenFilter {
  id: string;
  label: string;
  /** Stored value as the rep reads it; the value itself when absent. */
  optionLabel?(value: string): string;
}

export interface ListScreenProps<T extends object> {
  title: string;
  /** Plural noun: "leads". */
  noun: string;
  searchHint: string;
  spec: ListSpec<T>;
  rows: readonly T[];
  loading: boolean;
  columns: readonly TableColumn<T>[];
  filters: readonly ListScreenFilter[];
  /** Shown when the rep has no records at all. */
  empty: string;
  actions?: ReactNode;
  /** Shown between the heading and the list (e.g. a manager's approval requests above the quotes). */
  intro?: ReactNode;
  /** The screen a row's link opens (module-level or memoised, so the table's rows can skip renders). */
  rowRoute(row: T): Route;
  /** The record's owner (module-level): a manager's list gets an Owner column and filter from it. */
  ownerOf?(row: T): string;
}

/** A list screen: heading, search, filters, count and the virtualised table, the same on every list. */
export function ListScreen<T extends object>(props: ListScreenProps<T>) {
  const { title, noun, rows, loading, rowRoute, ownerOf } = props;
  const { user } = useOutpost();
  // A manager's laptop holds the team's records (the pull scopes it): the team view says whose each is.
  const team = user.role === 'manager' && ownerOf !== undefined;
  const spec = team ? teamSpec(props.spec, ownerOf) : props.spec;
  const columns = team ? teamColumns(props.columns, ownerOf, user.id) : props.columns;
  const filters = team ? teamFilters(props.filters, user.id) : props.filters;
  const navigate = useNavigate();
  const rowHref = useCallback((row: T) => routeHref(rowRoute(row)), [rowRoute]);
  const onOpen = useCallback((row: T) => navigate(rowRoute(row)), [navigate, rowRoute]);
  const list = useListView(spec, rows);
  const { view } = list;
  // Options come from the rows themselves, so a value only a newer central system knows still shows.
  const filterOptions: ListFilter[] = useMemo(
    () =>
      filters.map((f) => ({
        id: f.id,
        label: f.label,
        options: view.filterValues(f.id).map((value) => ({ value, label: f.optionLabel ? f.optionLabel(value) : value })),
      })),
    [filters, view],
  );
  const body =
    rows.length === 0 ? (
      loading ? (
        <Loading what={`Loading ${noun}…`} />
      ) : (
        <p className="empty">{props.empty}</p>
      )
    ) : (
      <>
        <ListControls
          noun={noun}
          searchHint={props.searchHint}
          filters={filterOptions}
          state={list.state}
          shown={list.visible.length}
          total={rows.length}
          loading={loading}
          onSearch={list.setSearch}
          onFilter={list.setFilter}
        />
        <VirtualTable
          label={title}
          columns={columns}
          rows={list.visible}
          rowHref={rowHref}
          onOpen={onOpen}
          sort={list.visibleSort}
          onSort={list.toggleSort}
        />
      </>
    );
  return (
    <div className="screen">
      <div className="screen-header">
        <h1>{title}</h1>
        {props.actions ? <div className="screen-actions">{props.actions}</div> : null}
      </div>
      {props.intro}
      {body}
    </div>
  );
}
