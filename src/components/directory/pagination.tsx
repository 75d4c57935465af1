import { getTranslations } from "next-intl/server";

type Props = { page: number; pages: number; href: (page: number) => string };

// The arrows point the way the page reads: mirrored right to left.
const arrow = (glyph: string) => (
  <span aria-hidden="true" className="inline-block rtl:-scale-x-100">
    {glyph}
  </span>
);

export async function Pagination({ page, pages, href }: Props) {
  if (pages <= 1) return null;
  const t = await getTranslations("Pagination");
  return (
    <nav aria-label={t("label")} className="flex flex-wrap items-center justify-between gap-4 pt-2">
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev" className="rounded-md border border-slate-300 bg-white px-4 py-2">
          {arrow("←")} {t("previous")}
        </a>
      ) : (
        <span />
      )}
      <span className="text-sm text-muted">{t("position", { page, pages })}</span>
      {page < pages ? (
        <a href={href(page + 1)} rel="next" className="rounded-md border border-slate-300 bg-white px-4 py-2">
          {t("next")} {arrow("→")}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
