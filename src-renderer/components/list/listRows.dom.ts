// The rows a list shows, from the rows it has and what the agent set: searched, filtered, sorted.
import { foldText } from '../../../src-main/contract/searchSchemas.std.ts';
import type { ListColumn } from './listColumn.dom.ts';
import type { ListState } from './listStore.dom.ts';

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

export function shownRows<Row>(rows: readonly Row[], columns: readonly ListColumn<Row>[], state: Pick<ListState, 'search' | 'filters' | 'sort'>): Row[] {
  const words = foldText(state.search).trim().split(/\s+/).filter(Boolean);
  const searched = columns.filter((c) => c.searchText);
  const filtering = columns.filter((c) => c.filterBy && state.filters[c.key]);
  const kept = rows.filter((row) => {
    if (filtering.some((c) => c.filterBy!(row)?.value !== state.filters[c.key])) return false;
    if (words.length === 0) return true;
    const text = foldText(searched.map((c) => c.searchText!(row) ?? '').join(' '));
    return words.every((word) => text.includes(word));
  });
  const column = state.sort && columns.find((c) => c.key === state.sort!.key && c.sortBy);
  if (!column) return kept;
  const sign = state.sort!.direction === 'ascending' ? 1 : -1;
  // Rows without a value go last whichever way the column is sorted.
  return kept.map((row) => ({ row, value: column.sortBy!(row) })).sort((a, b) => {
    if (a.value === null || b.value === null) return a.value === b.value ? 0 : a.value === null ? 1 : -1;
    const order = typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : collator.compare(String(a.value), String(b.value));
    return sign * order;
  }).map(({ row }) => row);
}

/** The choices of a column's filter: each value found in the rows once, by its label. */
export function filterChoices<Row>(rows: readonly Row[], column: ListColumn<Row>): { value: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const row of rows) {
    const choice = column.filterBy?.(row);
    if (choice && !seen.has(choice.value)) seen.set(choice.value, choice.label);
  }
  return [...seen].map(([value, label]) => ({ value, label })).sort((a, b) => collator.compare(a.label, b.label));
}
