import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SlicedSort } from './listOrder';
import { ListView, searchWords, type ListSpec, type ListState } from './listView';

interface Row {
  id: string;
  company: string;
  contact?: string;
  status: string;
  amount?: number;
}

const spec: ListSpec<Row> = {
  searchText: (r) => [r.company, r.contact],
  filters: { status: (r) => r.status },
  sortValues: { company: (r) => r.company, amount: (r) => r.amount },
  defaultOrder: (r) => r.id,
  defaultDescending: true,
};

const rowArb = fc.record(
  {
    id: fc.uuid(),
    company: fc.string({ maxLength: 8 }),
    contact: fc.string({ maxLength: 8 }),
    status: fc.constantFrom('new', 'won', 'lost'),
    amount: fc.integer({ min: -5, max: 5 }),
  },
  { requiredKeys: ['id', 'company', 'status'] },
);
const rowsArb = fc.uniqueArray(rowArb, { selector: (r) => r.id, maxLength: 40 });
const stateArb: fc.Arbitrary<ListState> = fc.record({
  search: fc.oneof(fc.constant(''), fc.string({ maxLength: 3 }), fc.constantFrom('A b', ' a ')),
  filters: fc.oneof(fc.constant({}), fc.record({ status: fc.constantFrom('', 'new', 'won', 'lost') })),
  sort: fc.option(fc.record({ column: fc.constantFrom('company', 'amount'), direction: fc.constantFrom('asc' as const, 'desc' as const) })),
});

/** The obvious, slow answer the view must agree with. */
function reference(rows: readonly Row[], state: ListState): string[] {
  const words = searchWords(state.search);
  const kept = rows.filter(
    (r) =>
      (!state.filters.status || r.status === state.filters.status) &&
      words.every((w) => r.company.toLowerCase().includes(w) || (r.contact ?? '').toLowerCase().includes(w)),
  );
  const key = (r: Row): string | number => {
    if (!state.sort) return 0;
    const v = state.sort.column === 'company' ? r.company.toLowerCase() : r.amount;
    return v === undefined || v === '' ? Number.POSITIVE_INFINITY : v;
  };
  const dir = state.sort?.direction === 'desc' ? -1 : 1;
  return [...kept]
    .sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      const missingA = ka === Number.POSITIVE_INFINITY;
      const missingB = kb === Number.POSITIVE_INFINITY;
      const primary = missingA || missingB ? (missingA === missingB ? 0 : missingA ? 1 : -1) : ka < kb ? -dir : ka > kb ? dir : 0;
      return primary || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
    })
    .map((r) => r.id);
}

describe('ListView', () => {
  it('returns exactly the rows matching search and filters, in the chosen order', () => {
    fc.assert(
      fc.property(rowsArb, stateArb, (rows, state) => {
        const view = new ListView(spec, rows);
        expect(view.query(state).map((r) => r.id)).toEqual(reference(rows, state));
      }),
      { numRuns: 300 },
    );
  });

  it('answers the same after preparing in idle slices, finished or cut short', () => {
    fc.assert(
      fc.property(rowsArb, fc.nat({ max: 6 }), fc.array(stateArb, { minLength: 1, maxLength: 4 }), (rows, slices, states) => {
        const view = new ListView(spec, rows);
        let calls = 0;
        view.warm(() => ++calls > slices);
        for (const state of states) expect(view.query(state).map((r) => r.id)).toEqual(reference(rows, state));
        while (!view.warm(() => true));
        for (const state of states) expect(view.query(state).map((r) => r.id)).toEqual(reference(rows, state));
      }),
      { numRuns: 200 },
    );
  });

  it('answers repeated queries the same way (cached orders and haystacks do not drift)', () => {
    fc.assert(
      fc.property(rowsArb, fc.array(stateArb, { minLength: 2, maxLength: 5 }), (rows, states) => {
        const view = new ListView(spec, rows);
        for (const state of states) expect(view.query(state).map((r) => r.id)).toEqual(reference(rows, state));
      }),
    );
  });

  it('searches case-insensitively, every word anywhere, but never across two fields', () => {
    const rows: Row[] = [
      { id: '1', company: 'Northgate School', contact: 'Dana Reyes', status: 'new' },
      { id: '2', company: 'Acme', contact: 'Gate Keeper', status: 'won' },
    ];
    const view = new ListView(spec, rows);
    expect(view.query({ search: 'REYES north', filters: {}, sort: null }).map((r) => r.id)).toEqual(['1']);
    expect(view.query({ search: 'gate', filters: {}, sort: null }).map((r) => r.id)).toEqual(['2', '1']);
    expect(view.query({ search: 'acmegate', filters: {}, sort: null })).toEqual([]);
  });

  it('names an unknown column or filter instead of silently ignoring it', () => {
    const view = new ListView(spec, []);
    expect(() => view.query({ search: '', filters: {}, sort: { column: 'colour', direction: 'asc' } })).toThrow(
      '"colour" is not a sortable column',
    );
    expect(() => view.query({ search: '', filters: { colour: 'red' }, sort: null })).toThrow('"colour" is not a filter');
  });

  it('puts rows without a value last in both directions', () => {
    const rows: Row[] = [
      { id: '1', company: 'a', status: 'new' },
      { id: '2', company: 'b', status: 'new', amount: 2 },
      { id: '3', company: 'c', status: 'new', amount: 1 },
    ];
    const view = new ListView(spec, rows);
    expect(view.query({ search: '', filters: {}, sort: { column: 'amount', direction: 'asc' } }).map((r) => r.id)).toEqual(['3', '2', '1']);
    expect(view.query({ search: '', filters: {}, sort: { column: 'amount', direction: 'desc' } }).map((r) => r.id)).toEqual([
      '2',
      '3',
      '1',
    ]);
  });

  it('lists each filter value once, sorted, for the select options', () => {
    const rows: Row[] = ['won', 'new', 'won'].map((status, i) => ({ id: String(i), company: 'c', status }));
    expect(new ListView(spec, rows).filterValues('status')).toEqual(['new', 'won']);
  });

  it('types a search forward and back, with filters and sorts between, and answers like the reference each time', () => {
    const small = fc.string({ unit: fc.constantFrom('a', 'b', 'A', ' '), maxLength: 5 });
    const rows = fc.uniqueArray(
      fc.record({
        id: fc.uuid(),
        company: small,
        contact: small,
        status: fc.constantFrom('new', 'won', 'lost'),
        amount: fc.integer({ min: 0, max: 3 }),
      }),
      { selector: (r) => r.id, maxLength: 40 },
    );
    fc.assert(
      fc.property(rows, small, stateArb, (rowList, text, other) => {
        const view = new ListView(spec, rowList);
        const states: ListState[] = [];
        for (let n = 0; n <= text.length; n++) states.push({ ...other, search: text.slice(0, n) });
        for (let n = text.length; n >= 0; n--) states.push({ ...other, search: text.slice(0, n), filters: {} });
        states.push(other, { ...other, filters: { status: 'won' } }, other);
        for (const state of states) expect(view.query(state).map((r) => r.id)).toEqual(reference(rowList, state));
      }),
      { numRuns: 200 },
    );
  });

  it('a view built from the previous one (rows changed, added, removed) answers like a fresh one', () => {
    const flags = fc.array(fc.boolean(), { maxLength: 40 });
    const changes = fc.record({ keep: flags, changed: flags, added: rowsArb });
    fc.assert(
      fc.property(rowsArb, changes, fc.array(stateArb, { minLength: 1, maxLength: 4 }), (before, { keep, changed, added }, states) => {
        const first = new ListView<Row>(spec, before);
        for (const state of states) first.query(state);
        const ids = new Set(before.map((r) => r.id));
        // A changed document is a new row object with the same id.
        const kept: Row[] = before
          .filter((_, i) => keep[i] ?? true)
          .map((r, i) => (changed[i] ? { ...r, company: `${r.company}b`, status: 'won' } : r));
        const after = [...kept, ...added.filter((r) => !ids.has(r.id))];
        const next = new ListView<Row>(spec, after, first);
        for (const state of states) expect(next.query(state).map((r) => r.id)).toEqual(reference(after, state));
      }),
      { numRuns: 300 },
    );
  });
});

describe('SlicedSort', () => {
  it('sorts like Array.prototype.sort (stable), however the work is sliced', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ key: fc.integer({ min: 0, max: 5 }), at: fc.nat() }), { maxLength: 3000 }),
        fc.nat({ max: 7 }),
        (items, every) => {
          const compare = (a: { key: number }, b: { key: number }) => a.key - b.key;
          const sort = new SlicedSort(items, compare);
          let calls = 0;
          while (!sort.run(() => ++calls % (every + 1) === 0));
          expect(sort.result).toEqual([...items].sort(compare));
        },
      ),
      { numRuns: 100 },
    );
  });
});
