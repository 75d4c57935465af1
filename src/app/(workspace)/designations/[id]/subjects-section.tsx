import { getTranslations } from "next-intl/server";

import { maxCentreSubjects } from "@/domain/centre-subjects";
import { getReferenceLabels } from "@/i18n/server";
import { saveSubjectsAction } from "@/server/commands/designation/actions";
import type { DesignationPage } from "@/server/queries/designation-page";

import { ActionForm, type FieldSpec } from "./action-form";

const places = ["main", "second", "third"] as const;

/**
 * The centre's subjects: where it is found in the directory once designated
 * (decision 0025). Chosen on a first designation's form, one to three from
 * the reference list; its types of activity follow from the work plan.
 */
export async function SubjectsSection({ page }: { page: DesignationPage }) {
  const [t, labels] = await Promise.all([getTranslations("DesignationSubjects"), getReferenceLabels()]);
  const { designation } = page;
  const chosen = designation.centre.subjects;
  const options = page.subjectOptions.map((subject) => ({
    value: String(subject.id),
    label: labels.subject(subject.name),
  }));
  const fields: FieldSpec[] = places.slice(0, maxCentreSubjects).map((place, index) => ({
    name: `subject${index + 1}`,
    label: t(`places.${place}`),
    kind: "select",
    options,
    defaultValue: chosen[index] ? String(chosen[index].subjectId) : "",
    hint: index === 0 ? t("hint") : undefined,
  }));
  return (
    <section aria-labelledby="subjects" className="space-y-4">
      <h2 id="subjects" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p className="text-muted">{t("intro")}</p>
      {page.subjectsEditable ? (
        <ActionForm
          action={saveSubjectsAction}
          hidden={{ designationId: designation.id, version: designation.version }}
          fields={fields}
          submitLabel={t("save")}
          variant="secondary"
        />
      ) : chosen.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ol className="list-decimal ps-6" data-testid="centre-subjects">
          {chosen.map((row) => (
            <li key={row.subjectId}>{labels.subject(row.subject.name)}</li>
          ))}
        </ol>
      )}
    </section>
  );
}
