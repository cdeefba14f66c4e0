import type { ReactNode } from 'react';
import { columnClass } from './list/listColumn.dom.ts';

export interface Column<Row> {
  key: string;
  header: string;
  cell(row: Row): ReactNode;
  numeric?: boolean;
  /** Left out while a side panel is open, so that the list still fits beside it with its actions. */
  secondary?: boolean;
}


/** A compact list with its headings always visible, and a sentence instead of an empty grid. */
export function DataTable<Row extends { id: string }>({ columns, rows, empty, label, rowProps }: {
  columns: Column<Row>[];
  rows: Row[];
  empty: string;
  label: string;
  rowProps?(row: Row): Record<string, string>;
}) {
  return (
    <table className="data-table" aria-label={label}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} scope="col" className={columnClass(c)}>{c.header}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={columns.length} className="empty-row">{empty}</td>
          </tr>
        ) : (
          rows.map((row) => (
            <tr key={row.id} {...rowProps?.(row)}>
              {columns.map((c) => (
                <td key={c.key} className={columnClass(c)}>{c.cell(row)}</td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
