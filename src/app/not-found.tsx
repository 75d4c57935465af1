import { getTranslations } from "next-intl/server";

import { getLocaleHref } from "@/i18n/server";

// Plain links (decision 0024), in the page's language.
export default async function NotFound() {
  const t = await getTranslations("NotFound");
  const href = await getLocaleHref();
  const example = href("/centres/NOR-18");
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold text-brand-800">{t("title")}</h1>
      <p className="text-muted">
        {t.rich("text", {
          path: example,
          link: (chunks) => (
            <a href={example} dir="ltr">
              {chunks}
            </a>
          ),
        })}
      </p>
      <p>
        <a href={href("/")}>{t("home")}</a>
      </p>
    </div>
  );
}
