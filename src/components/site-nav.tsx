import { getTranslations } from "next-intl/server";

import { getLocaleHref } from "@/i18n/server";

// The public sections of the site, shown to everyone. Plain links, not
// next/link: a Link in view is prefetched, so every page load also rendered
// these four pages for a visitor who may open none of them (decision 0024).
const links = [
  { href: "/", label: "home" },
  { href: "/centres", label: "centres" },
  { href: "/map", label: "map" },
  { href: "/stats", label: "statistics" },
] as const;

export async function SiteNav() {
  const t = await getTranslations("Navigation");
  const href = await getLocaleHref();
  return (
    <nav aria-label={t("label")}>
      <ul className="flex flex-wrap gap-x-6 gap-y-2 text-sm font-medium">
        {links.map((link) => (
          <li key={link.href}>
            <a href={href(link.href)}>{t(link.label)}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
