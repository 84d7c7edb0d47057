import type { ReactNode } from "react";

/**
 * A chart's data as a real table, folded away in a <details>: the summary is a native disclosure
 * button (keyboard and screen readers know it), the caption says what the numbers mean. The first
 * column heads its row.
 */
export function ChartTable({
  toggle,
  caption,
  columns,
  rows,
}: {
  toggle: string;
  caption: string;
  columns: string[];
  rows: { key: string; cells: ReactNode[] }[];
}) {
  return (
    <details className="group mt-4">
      <summary className="inline-flex cursor-pointer [&::-webkit-details-marker]:hidden items-center gap-1.5 rounded text-sm font-medium text-brand-700 hover:underline">
        <span aria-hidden className="inline-block text-xs transition-transform group-open:rotate-90">
          ▸
        </span>
        {toggle}
      </summary>
      <div className="mt-3 overflow-x-auto">
        <table className="w-full border-collapse text-left text-xs tabular-nums sm:text-sm">
          <caption className="mb-2 text-left text-xs text-muted">{caption}</caption>
          <thead>
            <tr className="border-b border-line">
              {columns.map((c, i) => (
                <th key={c} scope="col" className={`py-1.5 pr-3 font-semibold last:pr-0 ${i > 0 ? "text-right" : ""}`}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className="border-b border-line/60 last:border-0">
                {row.cells.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row" className="py-1.5 pr-3 font-normal whitespace-nowrap">
                      {cell}
                    </th>
                  ) : (
                    <td key={i} className="py-1.5 pr-3 text-right last:pr-0">
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
