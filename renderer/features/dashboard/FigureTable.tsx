/** One row of figures: an optional row header (a stage, a rep) and the cells, already formatted. */
export interface FigureRow {
  key: string;
  header?: string;
  cells: readonly string[];
}

/** The one table the dashboard draws its figures in: a caption, column headers, numeric cells. */
export function FigureTable({
  caption,
  rowHeader,
  columns,
  rows,
}: {
  caption: string;
  /** The header of the row-header column; rows then carry a `header`. */
  rowHeader?: string;
  columns: readonly string[];
  rows: readonly FigureRow[];
}) {
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {rowHeader !== undefined && <th scope="col">{rowHeader}</th>}
          {columns.map((column) => (
            <th scope="col" className="num" key={column}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            {row.header !== undefined && <th scope="row">{row.header}</th>}
            {row.cells.map((cell, index) => (
              <td className="num" key={index}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
