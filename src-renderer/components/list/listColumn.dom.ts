import type { ReactNode } from 'react';

/**
 * One column of a list, with all it takes part in: a column that can sort says by what, one
 * the search box reads says what text, one with a filter says each row's value and its label.
 * Adding a column (a dossier's name…) to a list is adding one of these.
 */
export interface ListColumn<Row> {
  key: string;
  header: string;
  cell(row: Row): ReactNode;
  numeric?: boolean;
  /** Left out while a side panel narrows the list: the row stays recognisable without it. */
  secondary?: boolean;
  sortBy?(row: Row): string | number | null;
  searchText?(row: Row): string | null;
  filterBy?(row: Row): { value: string; label: string } | null;
  /** The filter's "any" choice ("All monuments"); the header names the filter. */
  filterAny?: string;
}

export const columnClass = (c: { numeric?: boolean; secondary?: boolean }) =>
  [c.numeric && 'numeric', c.secondary && 'col-secondary'].filter(Boolean).join(' ') || undefined;
