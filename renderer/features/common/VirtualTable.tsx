import { memo, useRef, type MouseEvent, type ReactNode } from 'react';
import type { ListSort } from '../../../shared/lists/listView';
import { useRowWindow } from './useRowWindow';
import './virtualTable.css';

export interface TableColumn<T> {
  id: string;
  header: string;
  /** Cell text; the first column's is also the name of the row's link. */
  text(row: T): string;
  numeric?: boolean;
  /** Whether its header is a sort button (the list's spec must have a sort value for `id`). */
  sortable?: boolean;
}

export interface VirtualTableProps<T> {
  /** The table's accessible name ("Leads"). */
  label: string;
  columns: readonly TableColumn<T>[];
  rows: readonly T[];
  /** Where the first column's link goes, and how it opens in the app. */
  rowHref(row: T): string;
  onOpen(row: T): void;
  /** The order the rows are in (`aria-sort` on its header). */
  sort: ListSort | null;
  onSort(column: string): void;
}

/** Must match `.virtual-table tbody tr` (2.5rem at the default 16px font). */
const ROW_HEIGHT = 40;
/** Rows rendered beyond the view on each side: enough for smooth scrolling at a fixed row height. */
const OVERSCAN = 10;

function ariaSort(sort: ListSort | null, column: string): 'ascending' | 'descending' | undefined {
  if (sort?.column !== column) return undefined;
  return sort.direction === 'asc' ? 'ascending' : 'descending';
}

interface RowProps<T> {
  row: T;
  index: number;
  columns: readonly TableColumn<T>[];
  rowHref(row: T): string;
  onOpen(row: T): void;
}

function TableRowImpl<T>({ row, index, columns, rowHref, onOpen }: RowProps<T>) {
  const [first, ...rest] = columns;
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    onOpen(row);
  };
  return (
    <tr aria-rowindex={index + 2}>
      <th scope="row">
        <a href={rowHref(row)} onClick={open}>
          {first!.text(row)}
        </a>
      </th>
      {rest.map((column) => (
        <td key={column.id} className={column.numeric ? 'num' : undefined}>
          {column.text(row)}
        </td>
      ))}
    </tr>
  );
}

/** A row re-renders only when the row shown at its position changes. */
const TableRow = memo(TableRowImpl) as typeof TableRowImpl;

/**
 * A list table that renders only the rows in view (plus a few), so 50k rows cost a screenful
 * of DOM. It stays a real table for screen readers: `aria-rowcount` is the full count and each
 * rendered row carries its `aria-rowindex`; spacer rows that stand in for the rest are hidden.
 *
 * Rows are keyed by position, not by record: a new search or sort updates the few mounted rows'
 * text in place instead of unmounting and creating them, and a keystroke that changes only the
 * search box does not render the table at all (memo; the screen passes the deferred rows).
 */
function VirtualTableImpl<T>({ label, columns, rows, rowHref, onOpen, sort, onSort }: VirtualTableProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { start, end } = useRowWindow(scrollRef, rows.length, ROW_HEIGHT, OVERSCAN);
  const paddingTop = start * ROW_HEIGHT;
  const paddingBottom = (rows.length - end) * ROW_HEIGHT;
  const shown: ReactNode[] = [];
  for (let index = start; index < end; index++) {
    shown.push(<TableRow key={index} row={rows[index]!} index={index} columns={columns} rowHref={rowHref} onOpen={onOpen} />);
  }
  if (columns.length === 0) throw new Error(`The ${label} table needs at least one column`);
  const spacer = (height: number, key: string): ReactNode =>
    height > 0 ? (
      <tr className="spacer" aria-hidden="true" key={key}>
        <td colSpan={columns.length} style={{ height }} />
      </tr>
    ) : null;
  return (
    <div ref={scrollRef} className="virtual-table-scroll" tabIndex={0} role="region" aria-label={`${label}, scrollable`}>
      <table className="data-table virtual-table" aria-label={label} aria-rowcount={rows.length + 1}>
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((column) => (
              <th key={column.id} scope="col" className={column.numeric ? 'num' : undefined} aria-sort={ariaSort(sort, column.id)}>
                {column.sortable ? (
                  <button type="button" className="sort-button" onClick={() => onSort(column.id)}>
                    {column.header}
                  </button>
                ) : (
                  column.header
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {spacer(paddingTop, 'before')}
          {shown}
          {spacer(paddingBottom, 'after')}
        </tbody>
      </table>
    </div>
  );
}

export const VirtualTable = memo(VirtualTableImpl) as typeof VirtualTableImpl;
