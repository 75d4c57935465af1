import { getTranslations } from "next-intl/server";

import type { DesignationPage } from "@/server/queries/designation-page";
import { utcDateTime } from "@/domain/dates";

type Note = NonNullable<DesignationPage["returned"]>["note"];

/**
 * WHO's reason for returning the form, first on the page (as on a returned
 * annual report): the institution starts its second round from what to change,
 * not from a comment at the bottom of a long form.
 */
export async function ReturnNote({ note }: { note: Note }) {
  const [t, tState] = await Promise.all([
    getTranslations("DesignationReturnNote"),
    getTranslations("DesignationStates"),
  ]);
  return (
    <section
      aria-labelledby="return-note"
      className="space-y-2 rounded-lg border-s-4 border-amber-600 bg-amber-50 p-5 text-amber-950"
      data-testid="return-note"
    >
      <h2 id="return-note" className="text-lg font-semibold">
        {tState("returned")}
      </h2>
      {note ? (
        <>
          <p className="whitespace-pre-line">{note.body}</p>
          <p className="text-sm">
            {note.author.name} · {utcDateTime(note.createdAt)}
          </p>
        </>
      ) : (
        <p>{t("noNote")}</p>
      )}
    </section>
  );
}
