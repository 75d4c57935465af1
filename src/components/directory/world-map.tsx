import type { CountryCount } from "@/server/queries/directory-map";

import { mapLimits, worldMapMarkup } from "./world-map-markup";
import { mapHeight, mapWidth, worldShapes } from "./world-shapes";

// Sequential shades, light to dark; the darkest passes 3:1 against white.
// The map itself takes them from globals.css (.world-map .s0–.s4, and the
// no-centres shade on bare paths); these draw the legend.
const shades = ["#d6eaf5", "#9ccbe6", "#5aa5d1", "#1f78b0", "#084b70"];
const noCentres = "#eef1f4";

function bucketLabel(index: number): string {
  const low = index === 0 ? 1 : mapLimits[index - 1]! + 1;
  const high = mapLimits[index]!;
  if (high === Infinity) return `${low} or more`;
  return low === high ? `${low}` : `${low}–${high}`;
}

export function WorldMap({ counts }: { counts: CountryCount[] }) {
  return (
    <figure className="space-y-3">
      <svg
        viewBox={`0 0 ${mapWidth} ${mapHeight()}`}
        className="world-map h-auto w-full rounded-lg border border-slate-200 bg-white"
        role="group"
        aria-label="World map: countries shaded by number of current centres; each shaded country links to its centres"
        // The countries as one string of markup (world-map-markup.ts):
        // React does not hydrate or diff the ~980 elements inside.
        dangerouslySetInnerHTML={{ __html: worldMapMarkup(worldShapes(), counts) }}
      />
      <figcaption className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-muted">
        <span>Current centres per country:</span>
        {mapLimits.map((_, index) => (
          <span key={index} className="flex items-center gap-1.5">
            <span
              aria-hidden="true"
              className="inline-block size-4 rounded-sm border border-slate-300"
              style={{ background: shades[index] }}
            />
            {bucketLabel(index)}
          </span>
        ))}
        <span className="flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className="inline-block size-4 rounded-sm border border-slate-300"
            style={{ background: noCentres }}
          />
          none
        </span>
      </figcaption>
    </figure>
  );
}
