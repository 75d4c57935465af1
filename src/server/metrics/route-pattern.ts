import { splitLocalePrefix } from "@/i18n/locales";

// The route a request was for, as the metrics label it: the app's route
// pattern (`/centres/[reference]`), never the raw path, so that ids and
// references do not make a new time series each (decision 0027). Plain
// functions over the list of the app's routes, which the production server
// reads from Next's build (scripts/serve.ts).

export const UNMATCHED = "(unmatched)";

type Segment =
  { kind: "static"; text: string } | { kind: "param" } | { kind: "catch-all"; optional: boolean };
type Route = { pattern: string; segments: Segment[] };

function parse(pattern: string): Route {
  const segments = pattern
    .split("/")
    .filter(Boolean)
    .map((part): Segment => {
      if (/^\[\[\.\.\.[^\]]+\]\]$/.test(part)) return { kind: "catch-all", optional: true };
      if (/^\[\.\.\.[^\]]+\]$/.test(part)) return { kind: "catch-all", optional: false };
      if (/^\[[^\]]+\]$/.test(part)) return { kind: "param" };
      return { kind: "static", text: part };
    });
  return { pattern, segments };
}

/** More specific first: a static segment beats a parameter, which beats a catch-all, position by position. */
function compare(a: Route, b: Route): number {
  const rank = (segment: Segment | undefined) =>
    segment === undefined ? 3 : segment.kind === "static" ? 0 : segment.kind === "param" ? 1 : 2;
  for (let index = 0; index < Math.max(a.segments.length, b.segments.length); index += 1) {
    const difference = rank(a.segments[index]) - rank(b.segments[index]);
    if (difference !== 0) return difference;
  }
  return 0;
}

function matches(route: Route, parts: string[]): boolean {
  const { segments } = route;
  for (let index = 0; index < segments.length; index += 1) {
    const segment = segments[index]!;
    if (segment.kind === "catch-all") return segment.optional || parts.length > index;
    const part = parts[index];
    if (part === undefined) return false;
    if (segment.kind === "static" && segment.text !== part) return false;
  }
  return parts.length === segments.length;
}

/**
 * A function from a request's path to its route pattern: Next's own files
 * under one label each, a language prefix (`/fr/…`) dropped, then the most
 * specific of `patterns` that matches, else "(unmatched)" (404s and the like).
 */
export function routeMatcher(patterns: readonly string[]): (pathname: string) => string {
  const exact = new Set(patterns.filter((pattern) => !pattern.includes("[")));
  const dynamic = patterns
    .filter((pattern) => pattern.includes("["))
    .map(parse)
    .sort(compare);
  return (pathname) => {
    if (pathname.startsWith("/_next/static/")) return "/_next/static";
    if (pathname.startsWith("/_next/image")) return "/_next/image";
    if (pathname.startsWith("/_next/")) return "/_next";
    const rest = splitLocalePrefix(pathname).rest;
    const path = rest.length > 1 ? rest.replace(/\/+$/, "") || "/" : rest;
    if (exact.has(path)) return path;
    const parts = path.split("/").filter(Boolean);
    return dynamic.find((route) => matches(route, parts))?.pattern ?? UNMATCHED;
  };
}

const knownMethods = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** The method as a label: the usual ones, anything else as OTHER. */
export function methodLabel(method: string | undefined): string {
  const upper = (method ?? "").toUpperCase();
  return knownMethods.has(upper) ? upper : "OTHER";
}
