import { describe, expect, it } from "vitest";

import { methodLabel, routeMatcher, UNMATCHED } from "@/server/metrics/route-pattern";

// The metrics label a request by its route pattern, never its raw path
// (decision 0027): ids, references and tokens make no time series of their own.

const routeOf = routeMatcher([
  "/",
  "/centres",
  "/centres/[reference]",
  "/centres/[reference]/evaluation",
  "/designations/new",
  "/designations/[id]",
  "/designations/[id]/letter.pdf",
  "/set-password/[token]",
  "/api/v1/centres",
  "/api/v1/centres.csv",
  "/api/v1/centres/[reference]",
  "/api/auth/[...nextauth]",
  "/docs/[[...slug]]",
  "/healthz",
  "/icon.svg",
]);

describe("route patterns", () => {
  it("names static routes as they are, with or without a trailing slash", () => {
    expect(routeOf("/")).toBe("/");
    expect(routeOf("/centres")).toBe("/centres");
    expect(routeOf("/centres/")).toBe("/centres");
    expect(routeOf("/api/v1/centres.csv")).toBe("/api/v1/centres.csv");
    expect(routeOf("/healthz")).toBe("/healthz");
    expect(routeOf("/icon.svg")).toBe("/icon.svg");
  });

  it("names dynamic routes by their pattern, so ids and tokens never become labels", () => {
    expect(routeOf("/centres/NOR-18")).toBe("/centres/[reference]");
    expect(routeOf("/centres/NOR-18/evaluation")).toBe("/centres/[reference]/evaluation");
    expect(routeOf("/designations/123")).toBe("/designations/[id]");
    expect(routeOf("/designations/123/letter.pdf")).toBe("/designations/[id]/letter.pdf");
    expect(routeOf("/set-password/3f9a0c1b2d")).toBe("/set-password/[token]");
    expect(routeOf("/api/v1/centres/NOR-18")).toBe("/api/v1/centres/[reference]");
  });

  it("prefers a static segment to a parameter", () => {
    expect(routeOf("/designations/new")).toBe("/designations/new");
  });

  it("matches catch-all segments: one or more, or optional", () => {
    expect(routeOf("/api/auth/callback/credentials")).toBe("/api/auth/[...nextauth]");
    expect(routeOf("/api/auth")).toBe(UNMATCHED);
    expect(routeOf("/docs")).toBe("/docs/[[...slug]]");
    expect(routeOf("/docs/a/b")).toBe("/docs/[[...slug]]");
  });

  it("drops a language prefix: every language counts under the one pattern", () => {
    expect(routeOf("/fr/centres/NOR-18")).toBe("/centres/[reference]");
    expect(routeOf("/ar")).toBe("/");
    expect(routeOf("/zh/centres")).toBe("/centres");
  });

  it("groups Next's own files, and everything unknown under one label", () => {
    expect(routeOf("/_next/static/chunks/app-123.js")).toBe("/_next/static");
    expect(routeOf("/_next/image")).toBe("/_next/image");
    expect(routeOf("/wp-admin/setup.php")).toBe(UNMATCHED);
    expect(routeOf("/centres/NOR-18/unknown/deeper")).toBe(UNMATCHED);
  });

  it("labels methods, any unusual one as OTHER", () => {
    expect(methodLabel("get")).toBe("GET");
    expect(methodLabel("POST")).toBe("POST");
    expect(methodLabel("PROPFIND")).toBe("OTHER");
    expect(methodLabel(undefined)).toBe("OTHER");
  });
});
