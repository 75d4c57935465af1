import type messages from "../../messages/en.json";

import type { Locale } from "./locales";

// Types next-intl's APIs with our languages and English's keys: a key missing
// from the English catalogue, the source, fails `npm run typecheck`.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
  }
}
