import type { CentreStatus } from "@/domain/centre-status";

import type { Locale } from "./locales";

// The reference data a visitor reads, in the interface language (decision
// 0026): WHO regions and their offices (Regions.*), countries, subjects
// (Subjects.*), types of activity (ActivityTypes.*), statuses (Status.label.*)
// and who initiated a designation (Initiator.*). The database keeps the
// English names: searches, URLs, the API and the exports use codes and those
// names, whatever language the page is in; only what is shown changes.

/** A translator over the whole catalogue (next-intl's getTranslations() or createTranslator()). */
export type CatalogueLookup = {
  (key: string): string;
  has(key: string): boolean;
};

/**
 * The catalogue key of a subject or type of activity: its English name in
 * lower case, every run of other characters a hyphen ("HIV/AIDS" →
 * "hiv-aids"). Names carry dots and brackets that a key cannot.
 */
export function termKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export type CountryRef = {
  /** The WHO code (NOR): the key of a catalogue name, where WHO's name differs from the usual one. */
  code: string;
  /** ISO 3166-1 alpha-2 (NO), for Intl.DisplayNames; null when the data has none. */
  isoCode: string | null;
  /** The stored (English) name: the fallback. */
  name: string;
};

export type ReferenceLabels = {
  region(code: string, fallback?: string): string;
  regionOffice(code: string, fallback: string): string;
  country(country: CountryRef): string;
  subject(name: string): string;
  activity(name: string): string;
  status(status: CentreStatus): string;
  initiator(code: string): string;
};

const displayNames = new Map<Locale, Intl.DisplayNames>();

function countryNames(locale: Locale): Intl.DisplayNames {
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: "region", fallback: "none" });
    displayNames.set(locale, names);
  }
  return names;
}

/**
 * Names by code in `locale`. A country is named by the catalogue where WHO's
 * (the UN's) name differs from the common one (Countries.KOR: Republic of
 * Korea, not South Korea), else by Intl.DisplayNames from its ISO code (ICU's
 * names, in every language Node carries), else by its stored name. Anything
 * the catalogue does not know (a subject added by a later import) keeps its
 * stored English name.
 */
export function referenceLabels(locale: Locale, t: CatalogueLookup): ReferenceLabels {
  const lookup = (key: string, fallback: string) => (t.has(key) ? t(key) : fallback);
  const names = countryNames(locale);
  const isoName = (isoCode: string | null) => {
    if (!isoCode) return undefined;
    try {
      return names.of(isoCode);
    } catch {
      return undefined; // not a well-formed region code
    }
  };
  return {
    region: (code, fallback = code) => lookup(`Regions.${code}.name`, fallback),
    regionOffice: (code, fallback) => lookup(`Regions.${code}.office`, fallback),
    country: ({ code, isoCode, name }) => lookup(`Countries.${code}`, isoName(isoCode) ?? name),
    subject: (name) => lookup(`Subjects.${termKey(name)}`, name),
    activity: (name) => lookup(`ActivityTypes.${termKey(name)}`, name),
    status: (status) => lookup(`Status.label.${status}`, status),
    // Headquarters is a word; a regional office is its region's code (EURO), the same in every language.
    initiator: (code) => lookup(`Initiator.${code}`, code),
  };
}

type FacetEntry = { value: string; label: string; count: number; selected: boolean };
type Facet = "region" | "country" | "status" | "subject" | "activity" | "initiator";

/**
 * A facet's values with their labels in the page's language, in the order
 * the directory shows them: most centres first, then alphabetically in that
 * language. The values (codes, stored names) stay as they are: they are the
 * URL's, so a search means the same in every language.
 */
export function localizeFacet<T extends FacetEntry>(
  facet: Facet,
  values: readonly T[],
  labels: ReferenceLabels,
  {
    countryIsoCodes,
    compare,
  }: { countryIsoCodes: Record<string, string>; compare: (a: string, b: string) => number },
): T[] {
  const label = (entry: T): string => {
    switch (facet) {
      case "region":
        return labels.region(entry.value, entry.label);
      case "country":
        return labels.country({
          code: entry.value,
          isoCode: countryIsoCodes[entry.value] ?? null,
          name: entry.label,
        });
      case "status":
        return labels.status(entry.value.toUpperCase() as CentreStatus);
      case "subject":
        return labels.subject(entry.value);
      case "activity":
        return labels.activity(entry.value);
      case "initiator":
        return labels.initiator(entry.value);
    }
  };
  const shown = values.map((entry) => ({ ...entry, label: label(entry) }));
  // The status facet keeps the life cycle's order; the others sort.
  if (facet === "status") return shown;
  return shown.sort((a, b) => b.count - a.count || compare(a.label, b.label));
}
