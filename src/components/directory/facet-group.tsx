import type { FacetValue } from "@/server/queries/directory-facets";

type Props = {
  name: string;
  legend: string;
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
export function FacetGroup({ name, legend, values, expandHref, visible = 8 }: Props) {
  if (values.length === 0) return null;
  const shown = expandHref ? values.filter((value, index) => index < visible || value.selected) : values;
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-semibold text-ink">{legend}</legend>
      <ul className={`space-y-1 ${expandHref ? "" : "max-h-96 overflow-y-auto pr-1"}`}>
        {shown.map((value) => (
          <FacetOption key={value.value} name={name} value={value} />
        ))}
      </ul>
      {expandHref && shown.length < values.length && (
        <p className="text-sm">
          <a href={expandHref}>
            Show all {values.length} <span className="sr-only">values of {legend.toLowerCase()}</span>
          </a>
        </p>
      )}
    </fieldset>
  );
}

function FacetOption({ name, value }: { name: string; value: FacetValue }) {
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
        <span className="facet-count">{value.count.toLocaleString("en")}</span>
      </label>
    </li>
  );
}
