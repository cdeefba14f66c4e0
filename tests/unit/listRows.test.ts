// What a list shows of its rows once the agent searched, filtered and sorted it
// (src-renderer/components/list): accents ignored, rows without a value last either way.
import { describe, expect, it } from 'vitest';
import type { ListColumn } from '../../src-renderer/components/list/listColumn.dom.ts';
import { filterChoices, shownRows } from '../../src-renderer/components/list/listRows.dom.ts';

interface Row { id: string; venue: string; people: number; expires: string | null }
const rows: Row[] = [
  { id: 'a', venue: 'Conciergerie', people: 26, expires: '2027-01-10' },
  { id: 'b', venue: 'Sainte-Chapelle', people: 9, expires: null },
  { id: 'c', venue: 'Château de Vincennes', people: 100, expires: '2026-12-31' },
  { id: 'd', venue: 'Conciergerie', people: 13, expires: '2026-12-20' },
];
const columns: ListColumn<Row>[] = [
  { key: 'venue', header: 'Monument', cell: (r) => r.venue, sortBy: (r) => r.venue, searchText: (r) => r.venue, filterBy: (r) => ({ value: r.venue, label: r.venue }) },
  { key: 'people', header: 'People', cell: (r) => r.people, sortBy: (r) => r.people },
  { key: 'expires', header: 'Expires', cell: (r) => r.expires, sortBy: (r) => r.expires },
];
const ids = (state: Partial<Parameters<typeof shownRows>[2]>) => shownRows(rows, columns, { search: '', filters: {}, sort: null, ...state }).map((r) => r.id);

describe('shownRows', () => {
  it('keeps the rows in their order until a column sorts them, numbers as numbers', () => {
    expect(ids({})).toEqual(['a', 'b', 'c', 'd']);
    expect(ids({ sort: { key: 'people', direction: 'ascending' } })).toEqual(['b', 'd', 'a', 'c']);
    expect(ids({ sort: { key: 'people', direction: 'descending' } })).toEqual(['c', 'a', 'd', 'b']);
  });

  it('sorts a row without a value last, ascending or descending', () => {
    expect(ids({ sort: { key: 'expires', direction: 'ascending' } })).toEqual(['d', 'c', 'a', 'b']);
    expect(ids({ sort: { key: 'expires', direction: 'descending' } })).toEqual(['a', 'c', 'd', 'b']);
  });

  it('searches without accents or case, every word typed, and filters by a column value', () => {
    expect(ids({ search: 'CHATEAU' })).toEqual(['c']);
    expect(ids({ search: 'sainte chap' })).toEqual(['b']);
    expect(ids({ search: 'chapelle vincennes' })).toEqual([]);
    expect(ids({ filters: { venue: 'Conciergerie' }, sort: { key: 'people', direction: 'ascending' } })).toEqual(['d', 'a']);
    expect(ids({ filters: { venue: '' } })).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('filterChoices', () => {
  it('offers each value once, in alphabetical order', () => {
    expect(filterChoices(rows, columns[0]!).map((c) => c.label)).toEqual(['Château de Vincennes', 'Conciergerie', 'Sainte-Chapelle']);
  });
});
