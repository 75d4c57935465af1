import "server-only";

import { findPublicCentre } from "@/server/queries/centre-detail";

import { apiErrors, apiJson } from "./respond";
import { siteOrigin } from "./site-origin";

const pageOnly = new Set(["countryIsoCode", "initiatorCode"]);

/** GET /api/v1/centres/{reference}: everything the public centre page shows. */
export async function getCentre(reference: string, url: URL): Promise<Response> {
  if (url.searchParams.size > 0) {
    return apiErrors(400, [
      `Unknown parameters ${[...url.searchParams.keys()].map((key) => `"${key}"`).join(", ")}: this endpoint takes none.`,
    ]);
  }
  const centre = await findPublicCentre(reference);
  if (!centre) return apiErrors(404, [`No public centre has the reference “${reference.slice(0, 40)}”.`]);
  const path = `/centres/${encodeURIComponent(centre.reference)}`;
  return apiJson({
    // What only the page needs, to name things in its language, stays out of the API.
    ...Object.fromEntries(Object.entries(centre).filter(([key]) => !pageOnly.has(key))),
    links: { html: `${siteOrigin()}${path}`, api: `${siteOrigin()}/api/v1${path}` },
  });
}
