// The header row of a data table (positions, orders, the history tables): one column header per column, numbers
// aligned right, and columns without a visible title (the row's buttons) named for screen readers only.

export type Column = {
  label: string;
  /** Numbers and money read down a column when aligned right. */
  align?: 'right';
  /** The title is for screen readers only (e.g. the actions column). */
  hidden?: boolean;
};

/** `rowIndex`: 1 when the table windows its rows and numbers them with aria-rowindex. */
export function ColumnHeaders({ columns, rowIndex }: { columns: readonly Column[]; rowIndex?: number }) {
  return (
    <thead>
      <tr aria-rowindex={rowIndex}>
        {columns.map((column) => (
          <th key={column.label} scope="col" className={column.align === 'right' ? 'right' : undefined}>
            {column.hidden === true ? <span className="sr-only">{column.label}</span> : column.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
