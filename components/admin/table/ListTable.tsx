type ListTableProps = {
  /** Names the table for screen readers; sighted users have the page heading. */
  caption: string;
  /** Column headings, in order. */
  columns: ReadonlyArray<React.ReactNode>;
  className?: string;
  /** The body rows. */
  children: React.ReactNode;
};

/** An admin list as a table that scrolls sideways on narrow screens instead of squeezing its columns. */
export function ListTable({ caption, columns, className, children }: ListTableProps) {
  return (
    <div className={className ? `${className} overflow-x-auto` : "overflow-x-auto"}>
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-line">
            {columns.map((column, index) => (
              // Headings are fixed for a table's lifetime, so their place is a stable key.
              <th key={index} scope="col" className="px-3 py-2">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
