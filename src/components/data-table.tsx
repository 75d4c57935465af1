import type { ReactNode } from "react";

/** The workspace's list table: a frame that scrolls sideways on a narrow screen, column headings, divided rows. */
export function DataTable({
  columns,
  children,
  testId,
}: {
  columns: readonly string[];
  /** The body's rows. */
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-start text-sm" data-testid={testId}>
        <thead className="bg-slate-50">
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className="px-4 py-2">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">{children}</tbody>
      </table>
    </div>
  );
}
