import { getTranslations } from "next-intl/server";

import { getFormat } from "@/i18n/server";

import { DataTable } from "./bar-chart";

/**
 * A column: its label (the table's), its values, and the axis's words under
 * it, one or two short lines ("Dec" over "2026"), so that long month names
 * (сент. 2027 г.) do not run into each other.
 */
type Column = { label: string; axis?: string[]; values: number[] };

type Props = {
  id: string;
  title: string;
  series: string[];
  columns: Column[];
  labelHeading: string;
  emptyMessage?: string;
};

const colours = ["#0a5c8a", "#d97706"];
const total = (column: Column) => column.values.reduce((a, b) => a + b, 0);
const width = 760;
const height = 220;
const bottom = 44;

/**
 * Vertical (stacked) columns in SVG with a table alternative. Time runs left
 * to right in every language (the axis is not mirrored); labels and figures
 * are in the page's language.
 */
export async function ColumnChart({ id, title, series, columns, labelHeading, emptyMessage }: Props) {
  const t = await getTranslations("Charts");
  const format = await getFormat();
  const max = Math.max(1, ...columns.map(total));
  const slot = width / Math.max(1, columns.length);
  const labelEvery = Math.ceil(columns.length / 16);
  // Each column's total above it while there is room for the figures.
  const showValues = columns.length <= 16;
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-5"
    >
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      {emptyMessage && columns.every((column) => column.values.every((value) => value === 0)) && (
        <p className="text-muted">{emptyMessage}</p>
      )}
      {series.length > 1 && (
        <p className="flex gap-4 text-sm text-muted">
          {series.map((name, index) => (
            <span key={name} className="flex items-center gap-1.5">
              <span
                aria-hidden="true"
                className="inline-block size-3 rounded-sm"
                style={{ background: colours[index] }}
              />
              {name}
            </span>
          ))}
        </p>
      )}
      {/* On a phone the chart keeps a readable size and scrolls sideways
          (a keyboard can scroll it too); the table has the same figures. */}
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("chart", { title })}>
        <svg
          viewBox={`0 0 ${width} ${height + bottom}`}
          className="h-auto w-full min-w-[36rem]"
          aria-hidden="true"
        >
          <line x1={0} x2={width} y1={height} y2={height} stroke="#94a3b8" />
          {columns.map((column, index) => {
            let top = height;
            return (
              <g key={column.label}>
                {column.values.map((value, part) => {
                  const h = (value / max) * (height - 16);
                  top -= h;
                  return (
                    <rect
                      key={part}
                      x={index * slot + slot * 0.15}
                      y={top}
                      width={slot * 0.7}
                      height={h}
                      fill={colours[part]}
                    />
                  );
                })}
                {showValues && total(column) > 0 && (
                  <text
                    x={index * slot + slot / 2}
                    y={top - 4}
                    textAnchor="middle"
                    fontSize="12"
                    fill="#1b2733"
                  >
                    {format.number(total(column))}
                  </text>
                )}
                {index % labelEvery === 0 && (
                  <text
                    x={index * slot + slot / 2}
                    y={height + 18}
                    textAnchor="middle"
                    fontSize="12"
                    fill="#4d5b69"
                  >
                    {(column.axis ?? [column.label]).map((line, row) => (
                      <tspan key={row} x={index * slot + slot / 2} dy={row === 0 ? 0 : 15}>
                        {line}
                      </tspan>
                    ))}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </div>
      <DataTable
        caption={title}
        head={[labelHeading, ...series]}
        rows={columns.map((column) => ({ label: column.label, values: column.values }))}
      />
    </section>
  );
}
