import { getLocale, getTranslations } from "next-intl/server";

import { getFormat } from "@/i18n/server";

type Bar = { label: string; value: number; href?: string };

type Props = { id: string; title: string; bars: Bar[]; labelHeading: string; valueLabel: string };

/**
 * Horizontal bars as HTML, not SVG: each label wraps instead of being cut,
 * each value is printed as text beside its bar, and both keep their size on
 * a phone (an SVG scaled to a 375 px screen shrank them to 5 px). Each label
 * links to its search. The table under it has the same figures. Bars grow
 * from the start of the line: right to left in Arabic.
 */
export async function BarChart({ id, title, bars, labelHeading, valueLabel }: Props) {
  const t = await getTranslations("Charts");
  const locale = await getLocale();
  const format = await getFormat();
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-5"
    >
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      {bars.length === 0 ? (
        <p className="text-muted">{t("empty")}</p>
      ) : (
        <ol
          className="bar-chart"
          aria-label={t("chartLabel", {
            title,
            value: valueLabel.toLocaleLowerCase(locale),
            label: labelHeading.toLocaleLowerCase(locale),
          })}
        >
          {bars.map((bar) => (
            <li key={bar.label} className="bar-row">
              <span className="bar-label">{bar.href ? <a href={bar.href}>{bar.label}</a> : bar.label}</span>
              <span className="bar-track" aria-hidden="true">
                <span className="bar" style={{ width: `${Math.max(0.5, (bar.value / max) * 100)}%` }} />
              </span>
              {/* A space keeps label and value apart in read and copied text. */}{" "}
              <span className="bar-value">{format.number(bar.value)}</span>
            </li>
          ))}
        </ol>
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

/** A chart's figures as a table, folded under "Show as a table". */
export async function DataTable({
  caption,
  head,
  rows,
}: {
  caption: string;
  head: string[];
  rows: TableRow[];
}) {
  const t = await getTranslations("Charts");
  const format = await getFormat();
  return (
    <details>
      <summary className="cursor-pointer text-sm text-brand-700 underline underline-offset-2">
        {t("showTable")}
      </summary>
      <table className="mt-2 w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-start">
          <tr>
            {head.map((cell, index) => (
              <th
                key={cell}
                scope="col"
                className={`px-2 py-1 font-semibold ${index > 0 ? "text-end" : "text-start"}`}
              >
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label} className="border-t border-slate-100">
              <th scope="row" className="px-2 py-1 text-start font-normal">
                {row.href ? <a href={row.href}>{row.label}</a> : row.label}
              </th>
              {row.values.map((value, index) => (
                <td key={index} className="px-2 py-1 text-end tabular-nums">
                  {typeof value === "number" ? format.number(value) : value}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
