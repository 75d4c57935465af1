type Bar = { label: string; value: number; href?: string };

type Props = { id: string; title: string; bars: Bar[]; labelHeading: string; valueLabel: string };

const rowHeight = 26;
const labelWidth = 300;
const chartWidth = 760;

/** Horizontal bars in SVG with the same figures as a table, for every reader. */
export function BarChart({ id, title, bars, labelHeading, valueLabel }: Props) {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const barSpace = chartWidth - labelWidth - 50;
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-5"
    >
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      {bars.length === 0 ? (
        <p className="text-muted">Nothing to show yet.</p>
      ) : (
        <svg
          viewBox={`0 0 ${chartWidth} ${bars.length * rowHeight + 4}`}
          className="h-auto w-full"
          aria-hidden="true"
        >
          {bars.map((bar, index) => {
            const y = index * rowHeight + 2;
            const width = Math.max(2, (bar.value / max) * barSpace);
            const label = bar.label.length > 44 ? `${bar.label.slice(0, 42)}…` : bar.label;
            return (
              <g key={bar.label}>
                <text x={labelWidth - 8} y={y + 16} textAnchor="end" fontSize="13" fill="#1b2733">
                  {label}
                </text>
                <rect x={labelWidth} y={y + 3} width={width} height={rowHeight - 8} rx={3} fill="#0a5c8a" />
                <text x={labelWidth + width + 6} y={y + 16} fontSize="13" fill="#1b2733">
                  {bar.value.toLocaleString("en")}
                </text>
              </g>
            );
          })}
        </svg>
      )}
      {bars.length > 0 && (
        <DataTable
          caption={title}
          head={[labelHeading, valueLabel]}
          rows={bars.map((bar) => ({ label: bar.label, href: bar.href, values: [bar.value] }))}
        />
      )}
    </section>
  );
}

export type TableRow = { label: string; href?: string; values: (string | number)[] };

export function DataTable({ caption, head, rows }: { caption: string; head: string[]; rows: TableRow[] }) {
  return (
    <details>
      <summary className="cursor-pointer text-sm text-brand-700 underline underline-offset-2">
        Show as a table
      </summary>
      <table className="mt-2 w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-left">
          <tr>
            {head.map((cell, index) => (
              <th
                key={cell}
                scope="col"
                className={`px-2 py-1 font-semibold ${index > 0 ? "text-right" : ""}`}
              >
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label} className="border-t border-slate-100">
              <th scope="row" className="px-2 py-1 text-left font-normal">
                {row.href ? <a href={row.href}>{row.label}</a> : row.label}
              </th>
              {row.values.map((value, index) => (
                <td key={index} className="px-2 py-1 text-right tabular-nums">
                  {typeof value === "number" ? value.toLocaleString("en") : value}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
