import { getTranslations } from "next-intl/server";

import type { FacetName } from "@/domain/directory/search-params";
import { getFormat } from "@/i18n/server";
import type { FacetValue } from "@/server/queries/directory-facets";

type Props = {
  name: FacetName;
  /** The values with their labels in the page's language (localizeFacet). */
  values: FacetValue[];
  /** Link that shows every value of this facet; absent when they all show. */
  expandHref?: string;
  visible?: number;
};

/**
 * One facet as checkboxes in the search form. Long facets show their top
 * values (and every chosen one); "Show all" is a plain link, so it works
 * without JavaScript and the page stays small for everyone else.
 */
export async function FacetGroup({ name, values, expandHref, visible = 8 }: Props) {
  if (values.length === 0) return null;
  const t = await getTranslations("Facets");
  const format = await getFormat();
  const shown = expandHref ? values.filter((value, index) => index < visible || value.selected) : values;
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-semibold text-ink">{t(`label.${name}`)}</legend>
      <ul className={`space-y-1 ${expandHref ? "" : "max-h-96 overflow-y-auto pe-1"}`}>
        {shown.map((value) => (
          <FacetOption key={value.value} name={name} value={value} count={format.number(value.count)} />
        ))}
      </ul>
      {expandHref && shown.length < values.length && (
        <p className="text-sm">
          <a href={expandHref}>
            {t.rich("showAll", {
              count: values.length,
              facet: name,
              hidden: (chunks) => <span className="sr-only">{chunks}</span>,
            })}
          </a>
        </p>
      )}
    </fieldset>
  );
}

function FacetOption({ name, value, count }: { name: string; value: FacetValue; count: string }) {
  const id = `facet-${name}-${value.value}`.replace(/[^A-Za-z0-9_-]/g, "_");
  return (
    <li className="facet-option">
      <input
        id={id}
        type="checkbox"
        name={name}
        value={value.value}
        defaultChecked={value.selected}
        className="facet-checkbox"
      />
      <label htmlFor={id} className="facet-label">
        <span>{value.label}</span>
        <span className="facet-count">{count}</span>
      </label>
    </li>
  );
}
