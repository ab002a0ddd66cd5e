import { useId } from 'react';
import type { ListState } from '../../../shared/lists/listView';

export interface ListFilter {
  id: string;
  label: string;
  /** Stored value -> what the rep reads in the option. */
  options: readonly { value: string; label: string }[];
}

export interface ListControlsProps {
  /** Plural noun for labels and the count ("leads"). */
  noun: string;
  /** What the search box looks in, as its hint ("company, contact or email"). */
  searchHint: string;
  filters: readonly ListFilter[];
  state: ListState;
  shown: number;
  total: number;
  loading: boolean;
  onSearch(search: string): void;
  onFilter(id: string, value: string): void;
}

function count(n: number): string {
  return n.toLocaleString();
}

/** The result count as a rep reads it, and as a screen reader announces it. */
export function countText({ noun, shown, total, loading }: Pick<ListControlsProps, 'noun' | 'shown' | 'total' | 'loading'>): string {
  const base = shown === total ? `${count(total)} ${noun}` : `${count(shown)} of ${count(total)} ${noun}`;
  return loading ? `${base} so far, still loading…` : base;
}

/** The labelled search box, filter selects and result count above a list table. */
export function ListControls(props: ListControlsProps) {
  const id = useId();
  const { noun, searchHint, filters, state, onSearch, onFilter } = props;
  return (
    <div className="list-controls">
      <div className="field field--search">
        <label className="field-label" htmlFor={`${id}-search`}>
          Search {noun}
        </label>
        <input
          id={`${id}-search`}
          className="field-input"
          type="search"
          value={state.search}
          aria-describedby={`${id}-search-hint`}
          onChange={(event) => onSearch(event.target.value)}
        />
        <span id={`${id}-search-hint`} className="field-hint">
          By {searchHint}
        </span>
      </div>
      {filters.map((filter) => (
        <div className="field" key={filter.id}>
          <label className="field-label" htmlFor={`${id}-${filter.id}`}>
            {filter.label}
          </label>
          <select
            id={`${id}-${filter.id}`}
            className="field-input"
            value={state.filters[filter.id] ?? ''}
            onChange={(event) => onFilter(filter.id, event.target.value)}
          >
            <option value="">All</option>
            {filter.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      <p className="list-count" role="status" aria-label={`${noun} shown`}>
        {countText(props)}
      </p>
    </div>
  );
}
