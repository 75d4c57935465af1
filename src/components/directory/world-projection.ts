import { geoArea, geoEqualEarth, geoPath, type GeoProjection } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

import { CompactPath } from "./compact-path";

export type CountryShape = { isoNumeric: string; name: string; d: string };

// Antarctica (ISO 010) has no centres and took a fifth of the map's height.
const leftOut = new Set(["010"]);

export const mapWidth = 960;
const margin = 6;

type Countries = GeometryCollection<{ name: string }>;

export type WorldTopology = Topology<{ countries: Countries }>;

export type ProjectedWorld = { shapes: CountryShape[]; projection: GeoProjection; height: number };

/**
 * The countries of a world-atlas topology as SVG paths on a map `mapWidth`
 * wide (Equal Earth, Antarctica left out), and the projection that drew them.
 * world-shapes.ts runs it once per process; the e2e tests run it to find a
 * place on the page.
 */
export function projectWorld(topology: WorldTopology): ProjectedWorld {
  const all = feature(topology, topology.objects.countries);
  const features = all.features.filter((country) => !leftOut.has(isoOf(country.id)));
  const shown = { ...all, features };
  const projection = geoEqualEarth().fitWidth(mapWidth, shown);
  const [[, top], [, bottom]] = geoPath(projection).bounds(shown);
  // A little room above the Arctic coasts, which would otherwise touch the frame.
  projection.translate([projection.translate()[0], projection.translate()[1] - top + margin]);
  const context = new CompactPath();
  const path = geoPath(projection, context);
  // Large countries first, so a small one drawn later is on top: its outline
  // and its click area (see WorldMap) are never covered by a big neighbour's.
  const ordered = [...features].sort((a, b) => geoArea(b) - geoArea(a));
  const shapes = ordered.flatMap((country) => {
    path(country);
    const d = context.result();
    return d && country.id !== undefined
      ? [{ isoNumeric: isoOf(country.id), name: country.properties.name, d }]
      : [];
  });
  return { shapes, projection, height: Math.ceil(bottom - top + 2 * margin) };
}

const isoOf = (id: string | number | undefined) => String(id ?? "").padStart(3, "0");

/** Where a longitude/latitude falls on the map, in its units. */
export function mapPoint(world: ProjectedWorld, longitude: number, latitude: number): [number, number] {
  const point = world.projection([longitude, latitude]);
  if (!point) throw new Error(`No map point for ${longitude}, ${latitude}`);
  return point;
}
