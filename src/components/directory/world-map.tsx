import { getTranslations } from "next-intl/server";

import type { CountryCount } from "@/server/queries/directory-map";

import { mapHeight, mapWidth, worldShapes } from "./world-shapes";

// Sequential shades, light to dark; the darkest passes 3:1 against white.
// The map itself takes them from globals.css (.world-map .s0–.s4, and the
// no-centres shade on bare paths); these draw the legend.
const shades = ["#d6eaf5", "#9ccbe6", "#5aa5d1", "#1f78b0", "#084b70"];
const noCentres = "#eef1f4";

// Roughly logarithmic: counts per country range from 1 to over 100.
const limits = [1, 3, 10, 30, Infinity];

type Words = Awaited<ReturnType<typeof getTranslations<"WorldMap">>>;

function bucketLabel(t: Words, index: number): string {
  const low = index === 0 ? 1 : limits[index - 1]! + 1;
  const high = limits[index]!;
  if (high === Infinity) return t("orMore", { low });
  return low === high ? t("single", { low }) : t("range", { low, high });
}

/**
 * The countries shaded by their current centres, each a link to its search.
 * `counts` carry each country's name in the page's language; the map itself
 * is geography and does not mirror right to left (its legend does).
 */
export async function WorldMap({ counts, href }: { counts: CountryCount[]; href: (path: string) => string }) {
  const t = await getTranslations("WorldMap");
  const byIso = new Map(counts.filter((c) => c.isoNumeric).map((c) => [c.isoNumeric!.padStart(3, "0"), c]));
  const shade = (count: number) =>
    `s${Math.min(
      limits.findIndex((limit) => count <= limit),
      shades.length - 1,
    )}`;

  return (
    <figure className="space-y-3">
      <svg
        viewBox={`0 0 ${mapWidth} ${mapHeight()}`}
        className="world-map h-auto w-full rounded-lg border border-slate-200 bg-white"
        role="group"
        aria-label={t("label")}
      >
        {worldShapes().map((shape) => {
          const country = byIso.get(shape.isoNumeric);
          // Countries without centres: shade and outline from CSS (.world-map),
          // no name (they are not in the accessibility tree).
          if (!country) return <path key={shape.isoNumeric + shape.name} d={shape.d} />;
          const label = t("countryCentres", { country: country.name, count: country.count });
          const id = `c${shape.isoNumeric}`;
          // The <title> names the link (and is its tooltip). The <use>
          // repeats the outline as a wider, invisible click area (.map-hit):
          // a narrow country such as Norway stays easy to hit and, drawn after
          // its larger neighbours, wins along the border. The shade is a class
          // on the link (.s0–.s4), inherited by both; short because every
          // attribute here is sent twice (HTML and React's payload).
          return (
            <a
              key={shape.isoNumeric}
              href={href(`/centres?country=${country.code}`)}
              className={shade(country.count)}
            >
              <title>{label}</title>
              <path id={id} d={shape.d} />
              <use href={`#${id}`} className="map-hit" />
            </a>
          );
        })}
      </svg>
      <figcaption className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-muted">
        <span>{t("legend")}</span>
        {limits.map((_, index) => (
          <span key={index} className="flex items-center gap-1.5">
            <span
              aria-hidden="true"
              className="inline-block size-4 rounded-sm border border-slate-300"
              style={{ background: shades[index] }}
            />
            {bucketLabel(t, index)}
          </span>
        ))}
        <span className="flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className="inline-block size-4 rounded-sm border border-slate-300"
            style={{ background: noCentres }}
          />
          {t("none")}
        </span>
      </figcaption>
    </figure>
  );
}
