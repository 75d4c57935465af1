import { xmlEscape } from "@/domain/directory/atom";
import type { CountryCount } from "@/server/queries/directory-map";

import type { CountryShape } from "./world-projection";

// Roughly logarithmic: counts per country range from 1 to over 100. Bucket i
// holds counts up to mapLimits[i] and is drawn with class s{i} (globals.css).
export const mapLimits = [1, 3, 10, 30, Infinity];

const shadeClass = (count: number) =>
  `s${Math.min(
    mapLimits.findIndex((limit) => count <= limit),
    mapLimits.length - 1,
  )}`;

/**
 * The inside of the world map's <svg> as one string, which WorldMap inserts
 * with dangerouslySetInnerHTML: React then neither hydrates nor diffs its ~980
 * elements, which was most of the map page's main-thread work on a phone
 * (docs/decisions/0024-public-page-layout-and-weight.md). Every value written
 * into the markup is escaped (xmlEscape), though all of it is ours.
 *
 * Attributes are in single quotes: the string travels a second time inside
 * React's payload, a JSON string in which each double quote would cost a
 * backslash.
 *
 * Countries without centres: a bare path, shaded and outlined by CSS
 * (.world-map), with no name (not in the accessibility tree). A country with
 * centres is a link named by its <title> (also its tooltip); the <use> repeats
 * the outline as a wider, invisible click area (.map-hit), so a narrow country
 * such as Norway stays easy to hit and, drawn after its larger neighbours,
 * wins along the border. The shade is a class on the link, inherited by both.
 */
export function worldMapMarkup(shapes: readonly CountryShape[], counts: readonly CountryCount[]): string {
  const byIso = new Map(counts.filter((c) => c.isoNumeric).map((c) => [c.isoNumeric!.padStart(3, "0"), c]));
  return shapes
    .map((shape) => {
      const d = xmlEscape(shape.d);
      const country = byIso.get(shape.isoNumeric);
      if (!country) return `<path d='${d}'/>`;
      const label = `${country.name}: ${country.count} ${country.count === 1 ? "centre" : "centres"}`;
      const id = xmlEscape(`c${shape.isoNumeric}`);
      const href = xmlEscape(`/centres?country=${encodeURIComponent(country.code)}`);
      return (
        `<a href='${href}' class='${shadeClass(country.count)}'><title>${xmlEscape(label)}</title>` +
        `<path id='${id}' d='${d}'/><use href='#${id}' class='map-hit'/></a>`
      );
    })
    .join("");
}
