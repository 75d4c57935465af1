import atlas from "world-atlas/countries-110m.json";

import { projectWorld, type CountryShape, type ProjectedWorld, type WorldTopology } from "./world-projection";

export { mapWidth } from "./world-projection";

let world: ProjectedWorld | null = null;

const load = () => (world ??= projectWorld(atlas as unknown as WorldTopology));

/** SVG paths of the world's countries (Natural Earth 1:110m), projected once per process. */
export const worldShapes = (): CountryShape[] => load().shapes;

/** The map's height for its width (the world without Antarctica). */
export const mapHeight = (): number => load().height;
