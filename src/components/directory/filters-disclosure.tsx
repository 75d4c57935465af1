/** The filters' id: the "Filters" link and every "Show all" link lead there. */
export const filtersId = "filters";

/**
 * The search page's filters, after the results. On a phone they are a
 * disclosure (a native <details>, so it opens without JavaScript), closed
 * unless the visitor has just asked to see more of a facet's values; on wide
 * screens the same element is always open beside the results (globals.css,
 * .filters), so there is one set of form fields and nothing to keep in step.
 */
export function FiltersDisclosure({
  open,
  chosen,
  children,
}: {
  open: boolean;
  chosen: number;
  children: React.ReactNode;
}) {
  const summary = chosen > 0 ? `${chosen} chosen` : null;
  return (
    // Focusable (not in the tab order) so that following a link to it moves focus into the
    // filters, as a screen reader or keyboard user expects after "Show all".
    <aside id={filtersId} aria-label="Filters" tabIndex={-1} className="scroll-mt-4">
      <details className="filters" open={open}>
        <summary className="filters-summary">
          <h2 className="inline text-lg font-semibold">Filters</h2>
          {summary && <span className="ml-2 text-sm text-muted">({summary})</span>}
        </summary>
        <div className="filters-body space-y-6">
          <h2 className="filters-heading text-lg font-semibold">Filters</h2>
          {children}
        </div>
      </details>
    </aside>
  );
}
