type Props = { page: number; pages: number; href: (page: number) => string };

export function Pagination({ page, pages, href }: Props) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pages of results" className="flex flex-wrap items-center justify-between gap-4 pt-2">
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev" className="rounded-md border border-slate-300 bg-white px-4 py-2">
          ← Previous page
        </a>
      ) : (
        <span />
      )}
      <span className="text-sm text-muted">
        Page {page.toLocaleString("en")} of {pages.toLocaleString("en")}
      </span>
      {page < pages ? (
        <a href={href(page + 1)} rel="next" className="rounded-md border border-slate-300 bg-white px-4 py-2">
          Next page →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
