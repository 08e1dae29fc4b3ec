import type { ReactNode } from 'react';

export interface Column<T> {
  key: string;
  header: ReactNode;
  render: (row: T) => ReactNode;
  align?: 'left' | 'right' | 'center';
  /** CSS width, e.g. '8rem'. */
  width?: string;
  /** Keep the cell on one line. */
  nowrap?: boolean;
}

export interface DataTableProps<T> {
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  /** `data-testid` of every row (e.g. `clients-row`); each row also gets `data-id`. */
  rowTestId: string;
  rowClassName?: (row: T) => string | undefined;
  empty?: ReactNode;
  caption?: string;
  testId?: string;
}

/** A dense table with a sticky header; scrolls inside its own box so the header stays visible. */
export function DataTable<T>({ columns, rows, rowKey, rowTestId, rowClassName, empty, caption, testId }: DataTableProps<T>) {
  return (
    <div className="table-wrap" data-testid={testId}>
      <table className="table">
        {caption && <caption className="visually-hidden">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" style={{ width: c.width, textAlign: c.align }}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr className="table-empty">
              <td colSpan={columns.length}>{empty}</td>
            </tr>
          ) : (
            rows.map((row) => {
              const id = rowKey(row);
              return (
                <tr key={id} data-testid={rowTestId} data-id={id} className={rowClassName?.(row)}>
                  {columns.map((c) => (
                    <td key={c.key} style={{ textAlign: c.align }} className={c.nowrap ? 'nowrap' : undefined}>
                      {c.render(row)}
                    </td>
                  ))}
                </tr>
              );
            })
          )}
        </tbody>
      </table>
    </div>
  );
}
