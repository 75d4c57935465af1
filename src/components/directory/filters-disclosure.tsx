import { getTranslations } from "next-intl/server";

/** The filters' id: the "Filters" link and every "Show all" link lead there. */
export const filtersId = "filters";

/**
 * The search page's filters, after the results. On a phone they are a
 * disclosure (a native <details>, so it opens without JavaScript), closed
 * unless the visitor has just asked to see more of a facet's values; on wide
 * screens the same element is always open beside the results (globals.css,
 * .filters), so there is one set of form fields and nothing to keep in step.
 */
export async function FiltersDisclosure({
  open,
  chosen,
  children,
}: {
  open: boolean;
  chosen: number;
  children: React.ReactNode;
}) {
  const t = await getTranslations("Facets");
  return (
    // Focusable (not in the tab order) so that following a link to it moves focus into the
    // filters, as a screen reader or keyboard user expects after "Show all".
    <aside id={filtersId} aria-label={t("filters")} tabIndex={-1} className="scroll-mt-4">
      <details className="filters" open={open}>
        <summary className="filters-summary">
          <h2 className="inline text-lg font-semibold">{t("filters")}</h2>
          {chosen > 0 && <span className="ms-2 text-sm text-muted">({t("chosen", { count: chosen })})</span>}
        </summary>
        <div className="filters-body space-y-6">
          <h2 className="filters-heading text-lg font-semibold">{t("filters")}</h2>
          {children}
        </div>
      </details>
    </aside>
  );
}
