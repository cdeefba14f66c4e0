// The desk's list: a search box and filters, headers that sort, ticked rows with a sticky bar
// of what applies to all of them, and a "⋯" menu per row, so every row stays one line high.
// What the agent set lives in useLists: it outlasts the screen and a sync's re-read.
import { Fragment, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { columnClass, type ListColumn } from './listColumn.dom.ts';
import { filterChoices, shownRows } from './listRows.dom.ts';
import { useList } from './listStore.dom.ts';
import { RowMenu, type RowAction } from './RowMenu.dom.tsx';
import './list.css';

export interface ListViewProps<Row extends { id: string }> {
  listId: string;
  label: string;
  /** Undefined while the first read is under way: nothing is pruned from the selection then. */
  rows: readonly Row[] | undefined;
  columns: ListColumn<Row>[];
  empty: string;
  /** Said when rows exist but the search or filters hide them all. */
  noneFound?: string;
  /** The row's name for the screen reader: "Conciergerie, 6 March 10:00". */
  describe(row: Row): string;
  rowProps?(row: Row): Record<string, string>;
  searchLabel?: string;
  /** Rows that can be ticked; without it the list has no check boxes. */
  selectable?(row: Row): boolean;
  selectLabel?(row: Row): string;
  bulkActions?(rows: Row[], clear: () => void): ReactNode;
  rowActions?(row: Row): RowAction[];
  /** What opens under a row while the agent acts on it (a form, a confirmation). */
  rowPanel?(row: Row): ReactNode;
  /** A screen's own filter (a date…), after the columns' ones. */
  where?(row: Row): boolean;
  /** The row to bring into view and mark (a jump from the palette). */
  focusId?: string;
  /** More controls for the toolbar (a date filter, a "Create" button). */
  children?: ReactNode;
}

export function ListView<Row extends { id: string }>(props: ListViewProps<Row>) {
  const { t } = useTranslation();
  const { listId, rows, columns, selectable, focusId } = props;
  const list = useList(listId);
  const all = useMemo(() => rows ?? [], [rows]);
  const shown = useMemo(
    () => shownRows(all, columns, list).filter((row) => props.where?.(row) ?? true),
    // The columns are rebuilt at each render; what they show depends on the rows and the state only.
    [all, list.search, list.filters, list.sort, props.where],
  );
  const { keepOnly, clearFilters } = list;

  useEffect(() => {
    if (rows === undefined) return;
    keepOnly(new Set(rows.filter((row) => selectable?.(row) ?? false).map((row) => row.id)));
    // Pruned when the rows change (a sync's re-read), not when the store's functions do.
  }, [rows]);

  const table = useRef<HTMLTableElement>(null);
  const hidden = focusId !== undefined && all.some((row) => row.id === focusId) && !shown.some((row) => row.id === focusId);
  useEffect(() => {
    if (hidden) clearFilters();
    // A row asked for (from the palette) that the filters hide: the filters give way.
  }, [hidden]);
  const focusShown = focusId !== undefined && shown.some((row) => row.id === focusId);
  useEffect(() => {
    if (!focusShown) return;
    const row = table.current?.querySelector<HTMLTableRowElement>(`tr[data-row-id="${CSS.escape(focusId!)}"]`);
    row?.scrollIntoView({ block: 'center' });
    row?.focus();
  }, [focusId, focusShown]);

  const selected = new Set(list.selected);
  const chosen = all.filter((row) => selected.has(row.id));
  const tickable = shown.filter((row) => selectable?.(row) ?? false);
  const allTicked = tickable.length > 0 && tickable.every((row) => selected.has(row.id));
  const someTicked = tickable.some((row) => selected.has(row.id));
  const searchable = columns.some((c) => c.searchText);
  const filters = columns.filter((c) => c.filterBy);
  const width = columns.length + (selectable ? 1 : 0) + (props.rowActions ? 1 : 0);
  const filtered = list.search !== '' || Object.values(list.filters).some(Boolean);

  return (
    <div className="list-view" data-list={listId}>
      {(searchable || filters.length > 0 || props.children) && (
        <div className="list-toolbar" role="search" aria-label={t('list.filtersOf', { list: props.label })}>
          {props.children}
          {filters.map((c) => (
            <label key={c.key} className="field">
              {c.header}
              <select name={`filter-${c.key}`} value={list.filters[c.key] ?? ''} onChange={(e) => list.setFilter(c.key, e.target.value)}>
                <option value="">{c.filterAny ?? t('list.any')}</option>
                {filterChoices(all, c).map((choice) => <option key={choice.value} value={choice.value}>{choice.label}</option>)}
              </select>
            </label>
          ))}
          {searchable && (
            <label className="field list-search">
              {props.searchLabel ?? t('list.search')}
              <input type="search" name="search" value={list.search} onChange={(e) => list.setSearch(e.target.value)} />
            </label>
          )}
          {filtered && <button type="button" className="button-secondary" onClick={clearFilters}>{t('list.clearFilters')}</button>}
        </div>
      )}
      <table className="data-table list-table" aria-label={props.label} ref={table}>
        <thead>
          <tr>
            {selectable && (
              <th scope="col" className="select-cell">
                <input
                  type="checkbox"
                  aria-label={t('list.selectAll')}
                  checked={allTicked}
                  ref={(box) => { if (box) box.indeterminate = someTicked && !allTicked; }}
                  disabled={tickable.length === 0}
                  onChange={() => list.select(allTicked
                    ? list.selected.filter((id) => !tickable.some((row) => row.id === id))
                    : [...new Set([...list.selected, ...tickable.map((row) => row.id)])])}
                />
              </th>
            )}
            {columns.map((c) => {
              const sorted = list.sort?.key === c.key ? list.sort.direction : undefined;
              return (
                <th key={c.key} scope="col" className={columnClass(c)} aria-sort={c.sortBy ? (sorted ?? 'none') : undefined}>
                  {c.sortBy ? (
                    <button type="button" className="sort-button" onClick={() => list.sortBy(c.key)}>
                      {c.header}
                      <span aria-hidden="true" className="sort-mark">{sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : '↕'}</span>
                    </button>
                  ) : c.header}
                </th>
              );
            })}
            {props.rowActions && <th scope="col" className="menu-cell"><span className="visually-hidden">{t('options.columns.actions')}</span></th>}
          </tr>
        </thead>
        <tbody>
          {shown.length === 0 ? (
            <tr>
              <td colSpan={width} className="empty-row" aria-busy={rows === undefined || undefined}>
                {rows === undefined ? t('common.loading') : filtered && all.length > 0 ? (props.noneFound ?? t('list.noneFound')) : props.empty}
              </td>
            </tr>
          ) : shown.map((row) => {
            const panel = props.rowPanel?.(row);
            return (
              <Fragment key={row.id}>
                <tr
                  data-row-id={row.id}
                  tabIndex={row.id === focusId ? -1 : undefined}
                  className={[row.id === focusId ? 'row-focused' : '', selected.has(row.id) ? 'row-selected' : ''].join(' ').trim() || undefined}
                  aria-current={row.id === focusId ? 'true' : undefined}
                  {...props.rowProps?.(row)}
                >
                  {selectable && (
                    <td className="select-cell">
                      {selectable(row) && (
                        <input type="checkbox" aria-label={props.selectLabel?.(row) ?? t('list.selectRow', { name: props.describe(row) })}
                          checked={selected.has(row.id)} onChange={() => list.toggle(row.id)} />
                      )}
                    </td>
                  )}
                  {columns.map((c) => <td key={c.key} data-column={c.key} className={columnClass(c)}>{c.cell(row)}</td>)}
                  {props.rowActions && (
                    <td className="menu-cell">
                      <RowMenu label={t('list.actionsFor', { name: props.describe(row) })} actions={props.rowActions(row)} />
                    </td>
                  )}
                </tr>
                {panel && (
                  <tr className="row-panel" data-panel-for={row.id}>
                    <td colSpan={width}>{panel}</td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
      {chosen.length > 0 && props.bulkActions && (
        <div className="action-bar list-action-bar" role="toolbar" aria-label={t('list.selectionActions')}>
          <strong>{t('list.selected', { count: chosen.length })}</strong>
          {props.bulkActions(chosen, () => list.select([]))}
          <button type="button" className="button-secondary" onClick={() => list.select([])}>{t('list.clearSelection')}</button>
        </div>
      )}
    </div>
  );
}
