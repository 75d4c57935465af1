import { getRequestConfig } from "next-intl/server";

import { catalogueFor } from "./catalogues";
import { defaultLocale, isLocale } from "./locales";

// next-intl's per-request configuration (its plugin in next.config.ts finds
// this file): the locale the proxy chose (src/server/http/locale-routing.ts,
// decision 0026) and its catalogue. Only the six catalogues can load.
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isLocale(requested) ? requested : defaultLocale;
  return {
    locale,
    messages: catalogueFor(locale),
    // Dates print in the reader's language; the time zone is the registry's one (UTC) until people choose theirs.
    timeZone: "UTC",
  };
});
