import { geoEqualEarth, geoPath } from "d3-geo";
import { describe, expect, it } from "vitest";

import { CompactPath } from "@/components/directory/compact-path";

describe("CompactPath", () => {
  it("writes whole units in relative commands, the first move absolute", () => {
    const path = new CompactPath();
    path.moveTo(10.4, 20.6);
    path.lineTo(13.2, 18.9);
    path.lineTo(12, 23);
    path.closePath();
    path.moveTo(30, 30);
    path.lineTo(31, 30);
    path.lineTo(31, 31);
    path.closePath();
    expect(path.result()).toBe("M10,21l3-2-1,4zm20,9l1,0 0,1z");
  });

  it("leaves out points that round onto the previous one and rings that collapse", () => {
    const path = new CompactPath();
    path.moveTo(0, 0);
    path.lineTo(0.2, 0.3);
    path.lineTo(0.4, 0.1);
    path.closePath();
    path.moveTo(5, 5);
    path.lineTo(8, 5);
    path.lineTo(8.4, 5.2);
    path.lineTo(8, 9);
    path.closePath();
    expect(path.result()).toBe("M5,5l3,0 0,4z");
  });

  it("draws a country where d3's own path draws it, to within a unit", () => {
    const square = {
      type: "Polygon" as const,
      coordinates: [
        [
          [10, 50],
          [10, 60],
          [20, 60],
          [20, 50],
          [10, 50],
        ],
      ],
    };
    const projection = geoEqualEarth().fitWidth(960, square);
    const context = new CompactPath();
    geoPath(projection, context)(square);
    const absolute = absolutePoints(context.result());
    const [x, y] = projection([10, 50])!;
    expect(Math.abs(absolute[0]![0] - x)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(absolute[0]![1] - y)).toBeLessThanOrEqual(0.5);
    expect(absolute.length).toBeGreaterThanOrEqual(4);
  });
});

/** The absolute points of a path of M/m/l pairs, for the test above. */
function absolutePoints(d: string): [number, number][] {
  const numbers = (d.match(/-?\d+/g) ?? []).map(Number);
  const points: [number, number][] = [];
  let [x, y] = [0, 0];
  for (let index = 0; index < numbers.length; index += 2) {
    x += numbers[index]!;
    y += numbers[index + 1]!;
    points.push([x, y]);
  }
  return points;
}
