import { maxCentreSubjects } from "@/domain/centre-subjects";
import { saveSubjectsAction } from "@/server/commands/designation/actions";
import type { DesignationPage } from "@/server/queries/designation-page";

import { ActionForm, type FieldSpec } from "./action-form";

const places = ["Main subject", "Second subject (optional)", "Third subject (optional)"] as const;

/**
 * The centre's subjects: where it is found in the directory once designated
 * (decision 0025). Chosen on a first designation's form, one to three from
 * the reference list; its types of activity follow from the work plan.
 */
export function SubjectsSection({ page }: { page: DesignationPage }) {
  const { designation } = page;
  const chosen = designation.centre.subjects;
  const options = page.subjectOptions.map((subject) => ({ value: String(subject.id), label: subject.name }));
  const fields: FieldSpec[] = places.slice(0, maxCentreSubjects).map((label, index) => ({
    name: `subject${index + 1}`,
    label,
    kind: "select",
    options,
    defaultValue: chosen[index] ? String(chosen[index].subjectId) : "",
    hint: index === 0 ? "The directory lists the centre under each subject chosen here." : undefined,
  }));
  return (
    <section aria-labelledby="subjects" className="space-y-4">
      <h2 id="subjects" className="text-xl font-semibold">
        Subjects
      </h2>
      <p className="text-muted">
        One to three subjects from WHO&apos;s list. The types of activity come from the work plan below.
      </p>
      {page.subjectsEditable ? (
        <ActionForm
          action={saveSubjectsAction}
          hidden={{ designationId: designation.id, version: designation.version }}
          fields={fields}
          submitLabel="Save subjects"
          variant="secondary"
        />
      ) : chosen.length === 0 ? (
        <p>None chosen yet.</p>
      ) : (
        <ol className="list-decimal pl-6" data-testid="centre-subjects">
          {chosen.map((row) => (
            <li key={row.subjectId}>{row.subject.name}</li>
          ))}
        </ol>
      )}
    </section>
  );
}
