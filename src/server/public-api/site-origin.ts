import { configuredAppUrl } from "@/domain/site-address";

/**
 * This site's address for absolute URLs (sitemap, robots, the API's links,
 * feeds): always APP_URL, never the Host or X-Forwarded-Host of a request,
 * which whoever sends the request chooses (decision 0012).
 */
export function siteOrigin(): string {
  return configuredAppUrl(process.env);
}
