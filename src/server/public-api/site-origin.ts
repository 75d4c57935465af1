import "server-only";

import { headers } from "next/headers";

/** This site's origin as the visitor reached it (sitemap and robots need absolute URLs). */
export async function siteOrigin(): Promise<string> {
  const source = await headers();
  const host = source.get("x-forwarded-host") ?? source.get("host") ?? "localhost:3000";
  const protocol = source.get("x-forwarded-proto") ?? (host.startsWith("localhost") ? "http" : "https");
  return `${protocol}://${host}`;
}
