// What the agent set on each list — search, filters, sort, ticked rows — kept for the whole
// session in one store, so leaving a screen and coming back finds the list as it was left.
import { create } from 'zustand';

export type SortDirection = 'ascending' | 'descending';

export interface ListState {
  search: string;
  filters: Record<string, string>;
  sort: { key: string; direction: SortDirection } | null;
  /** Ticked rows by id: a sync that re-reads the rows keeps them. */
  selected: string[];
}

export const EMPTY_LIST: ListState = { search: '', filters: {}, sort: null, selected: [] };

interface Lists {
  lists: Record<string, ListState>;
  update(listId: string, change: (state: ListState) => Partial<ListState>): void;
}

export const useLists = create<Lists>((set) => ({
  lists: {},
  update: (listId, change) => set(({ lists }) => {
    const current = lists[listId] ?? EMPTY_LIST;
    return { lists: { ...lists, [listId]: { ...current, ...change(current) } } };
  }),
}));

/** One list's state and the changes the agent makes to it. */
export function useList(listId: string) {
  const state = useLists((s) => s.lists[listId] ?? EMPTY_LIST);
  const update = useLists((s) => s.update);
  return {
    ...state,
    setSearch: (search: string) => update(listId, () => ({ search })),
    setFilter: (key: string, value: string) => update(listId, (s) => ({ filters: { ...s.filters, [key]: value } })),
    clearFilters: () => update(listId, () => ({ search: '', filters: {} })),
    sortBy: (key: string) => update(listId, (s) => ({
      sort: { key, direction: s.sort?.key === key && s.sort.direction === 'ascending' ? 'descending' : 'ascending' },
    })),
    toggle: (id: string) => update(listId, (s) => ({ selected: s.selected.includes(id) ? s.selected.filter((x) => x !== id) : [...s.selected, id] })),
    select: (ids: string[]) => update(listId, () => ({ selected: ids })),
    /** Forgets ticked rows that are gone (cancelled elsewhere, no longer selectable), never the others. */
    keepOnly: (ids: ReadonlySet<string>) => update(listId, (s) => (s.selected.every((id) => ids.has(id)) ? {} : { selected: s.selected.filter((id) => ids.has(id)) })),
  };
}
