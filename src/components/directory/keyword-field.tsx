import { getTranslations } from "next-intl/server";

import { maxQueryLength } from "@/domain/directory/search-params";

/** The keyword box and its Search button, the same on the home page and the search page. */
export async function KeywordField({
  id,
  defaultValue,
  placeholder,
  describedBy,
}: {
  id: string;
  defaultValue?: string;
  placeholder?: string;
  describedBy?: string;
}) {
  const t = await getTranslations("KeywordField");
  return (
    <>
      <input
        id={id}
        name="q"
        type="search"
        defaultValue={defaultValue}
        maxLength={maxQueryLength}
        placeholder={placeholder}
        aria-describedby={describedBy}
        className="min-w-0 flex-1 rounded-md border border-slate-400 bg-white px-3 py-2 text-lg"
      />
      <button
        type="submit"
        className="rounded-md bg-brand-700 px-6 py-2 font-medium text-white hover:bg-brand-800"
      >
        {t("search")}
      </button>
    </>
  );
}
