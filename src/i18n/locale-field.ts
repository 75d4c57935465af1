import { z } from "zod";

import { problem } from "@/domain/problem";

import { locales } from "./locales";

/**
 * The one check of a language code from outside (a form, the switcher's
 * query, the command line) before it is used or stored in User.locale.
 */
export const localeField = z.enum(locales, problem("chooseLanguage", { allowed: locales.join(", ") }));
