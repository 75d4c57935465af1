import type { DirectoryCentre } from "@/server/queries/directory-centres";

/** The API's representation of a directory row, with links to its page and its JSON. */
export function centreJson(centre: DirectoryCentre, origin: string) {
  const path = `/centres/${encodeURIComponent(centre.reference)}`;
  return {
    ...centre,
    links: { html: `${origin}${path}`, api: `${origin}/api/v1${path}` },
  };
}
