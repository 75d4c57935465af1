import { afterEach, describe, expect, it } from "vitest";

import { VersionedCache } from "@/server/queries/directory-cache";

describe("VersionedCache", () => {
  afterEach(() => {
    delete process.env.DIRECTORY_FACET_CACHE;
  });

  const counting = () => {
    let calls = 0;
    return {
      load: (value: string) => async () => {
        calls += 1;
        return value;
      },
      calls: () => calls,
    };
  };

  it("serves a hit while the version is unchanged and reloads when it changes", async () => {
    const cache = new VersionedCache<string>(10);
    const loader = counting();
    expect(await cache.get("k", "1", loader.load("a"))).toBe("a");
    expect(await cache.get("k", "1", loader.load("b"))).toBe("a");
    expect(loader.calls()).toBe(1);
    expect(await cache.get("k", "2", loader.load("c"))).toBe("c");
    expect(await cache.get("k", "2", loader.load("d"))).toBe("c");
    expect(loader.calls()).toBe(2);
  });

  it("evicts the least recently used entry beyond its capacity", async () => {
    const cache = new VersionedCache<string>(2);
    const loader = counting();
    await cache.get("a", "1", loader.load("a"));
    await cache.get("b", "1", loader.load("b"));
    await cache.get("a", "1", loader.load("a2")); // a is now the most recent
    await cache.get("c", "1", loader.load("c")); // evicts b
    expect(loader.calls()).toBe(3);
    expect(await cache.get("a", "1", loader.load("a3"))).toBe("a");
    expect(await cache.get("b", "1", loader.load("b2"))).toBe("b2");
    expect(loader.calls()).toBe(4);
  });

  it("loads every time when DIRECTORY_FACET_CACHE=off", async () => {
    process.env.DIRECTORY_FACET_CACHE = "off";
    const cache = new VersionedCache<string>(10);
    const loader = counting();
    await cache.get("k", "1", loader.load("a"));
    expect(await cache.get("k", "1", loader.load("b"))).toBe("b");
    expect(loader.calls()).toBe(2);
  });
});
