import "server-only";

import { findPublicCentre } from "@/server/queries/centre-detail";

import { apiErrors, apiJson } from "./respond";
import { siteOrigin } from "./site-origin";

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
    ...centre,
    links: { html: `${siteOrigin()}${path}`, api: `${siteOrigin()}/api/v1${path}` },
  });
}
