// A card around one chart: its title, optional controls, a short note on how to read it, and a
// "Show as table" toggle that swaps the canvas for a real table (the text alternative).
import { useId, useState, type ReactNode } from 'react';

interface ChartCardProps {
  title: string;
  /** How to read the chart, in a sentence or two. */
  note?: ReactNode;
  controls?: ReactNode;
  chart: ReactNode;
  table: ReactNode;
  /** Shown under the chart (sentences, figures). */
  children?: ReactNode;
  className?: string;
}

export function ChartCard({ title, note, controls, chart, table, children, className }: ChartCardProps) {
  const headingId = useId();
  const [showTable, setShowTable] = useState(false);
  return (
    <section className={`insight-card ${className ?? ''}`} aria-labelledby={headingId}>
      <div className="insight-card__header">
        <h2 id={headingId}>{title}</h2>
        <button type="button" className="insight-card__table-toggle" onClick={() => setShowTable((s) => !s)}>
          {showTable ? 'Show as chart' : 'Show as table'}
        </button>
      </div>
      {controls && <div className="insight-card__controls">{controls}</div>}
      {note && <p className="insight-card__note">{note}</p>}
      {showTable ? table : chart}
      {children}
    </section>
  );
}

export interface Column<Row> {
  header: string;
  cell(row: Row): ReactNode;
  /** Right-aligned numbers. */
  numeric?: boolean;
}

interface DataTableProps<Row> {
  caption: string;
  columns: Array<Column<Row>>;
  rows: readonly Row[];
  rowKey(row: Row): string;
}

/** A plain, scrollable table; the wrapper is focusable so keyboard users can scroll it. */
export function DataTable<Row>({ caption, columns, rows, rowKey }: DataTableProps<Row>) {
  return (
    <div className="insight-table" tabIndex={0} role="region" aria-label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c, i) =>
                i === 0 ? (
                  <th key={c.header} scope="row">
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.header} className={c.numeric ? 'num' : undefined}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A row of toggle buttons where exactly one is pressed (time range, lag, grouping). */
export function Choice<T extends string | number>({
  label,
  options,
  value,
  onChange,
}: {
  label: string;
  options: ReadonlyArray<{ value: T; label: string }>;
  value: T;
  onChange(value: NoInfer<T>): void;
}) {
  return (
    <div className="insight-choice" role="group" aria-label={label}>
      <span className="insight-choice__label" aria-hidden="true">
        {label}
      </span>
      {options.map((o) => (
        <button key={String(o.value)} type="button" aria-pressed={o.value === value} onClick={() => onChange(o.value)}>
          {o.label}
        </button>
      ))}
    </div>
  );
}
