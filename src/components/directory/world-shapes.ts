import { geoEqualEarth, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import atlas from "world-atlas/countries-110m.json";

export type CountryShape = { isoNumeric: string; name: string; d: string };

export const mapWidth = 960;
export const mapHeight = 470;

let shapes: CountryShape[] | null = null;

/** SVG paths of the world's countries (Natural Earth 1:110m), projected once per process. */
export function worldShapes(): CountryShape[] {
  if (shapes) return shapes;
  const topology = atlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const countries = feature(topology, topology.objects.countries);
  const projection = geoEqualEarth().fitSize([mapWidth, mapHeight], countries);
  const path = geoPath(projection);
  shapes = countries.features.flatMap((country) => {
    const d = path(country);
    return d && country.id !== undefined
      ? [{ isoNumeric: String(country.id).padStart(3, "0"), name: country.properties.name, d }]
      : [];
  });
  return shapes;
}
