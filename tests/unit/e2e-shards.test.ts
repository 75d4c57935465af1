import { describe, expect, it } from "vitest";

import { shardJourneys, unlistedSeconds } from "../../scripts/lib/e2e-shards";

describe("shardJourneys", () => {
  const seconds = { "a.spec.ts": 100, "b.spec.ts": 60, "c.spec.ts": 50, "d.spec.ts": 10 };

  it("puts every file in exactly one group", () => {
    const files = Object.keys(seconds).concat("new.spec.ts");
    const groups = shardJourneys(files, 2, seconds);
    expect(groups.flat().sort()).toEqual([...files].sort());
  });

  it("balances the groups' time, longest first", () => {
    // 100 | 60 + 50 → then 10 to the lighter (100): 110 | 110.
    expect(shardJourneys(Object.keys(seconds), 2, seconds)).toEqual([
      ["a.spec.ts", "d.spec.ts"],
      ["b.spec.ts", "c.spec.ts"],
    ]);
  });

  it("counts an unlisted file as the default time", () => {
    const groups = shardJourneys(["x.spec.ts", "y.spec.ts", "z.spec.ts"], 2, {
      "x.spec.ts": unlistedSeconds * 2,
    });
    expect(groups).toEqual([["x.spec.ts"], ["y.spec.ts", "z.spec.ts"]]);
  });

  it("makes no empty group and at least one", () => {
    expect(shardJourneys(["a.spec.ts"], 3, seconds)).toEqual([["a.spec.ts"]]);
    expect(shardJourneys(["a.spec.ts", "b.spec.ts"], 0, seconds)).toEqual([["a.spec.ts", "b.spec.ts"]]);
  });
});
