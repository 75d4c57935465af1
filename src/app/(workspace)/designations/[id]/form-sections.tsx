import { getTranslations } from "next-intl/server";

import { activityAnchor, torAnchor } from "@/domain/comment-anchor";
import {
  removeActivityAction,
  removeTorItemAction,
  saveActivityAction,
  saveDetailsAction,
  saveTorItemAction,
} from "@/server/commands/designation/actions";
import type { DesignationPage } from "@/server/queries/designation-page";

import { ActionForm, type FieldSpec } from "./action-form";
import { AnchoredComments } from "./comments-section";

type Props = { page: DesignationPage; editable: boolean };

function Dl({ rows }: { rows: [string, string | null | undefined][] }) {
  return (
    <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[14rem_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-muted">{label}</dt>
          <dd>{value || "—"}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Institution details and head of centre: read-only, or one draft form for whoever may edit. */
export async function DetailsSection({ page, editable }: Props) {
  const t = await getTranslations("DesignationForm");
  const { designation } = page;
  const institution = designation.centre.institution;
  const hidden = { designationId: designation.id, version: designation.version };
  const fields: FieldSpec[] = [
    {
      name: "headOfCentreName",
      label: t("headOfCentre"),
      kind: "text",
      defaultValue: designation.headOfCentreName ?? "",
    },
    {
      name: "headOfCentreTitle",
      label: t("headOfCentreTitle"),
      kind: "text",
      defaultValue: designation.headOfCentreTitle ?? "",
    },
    {
      name: "headOfCentreEmail",
      label: t("headOfCentreEmail"),
      kind: "email",
      defaultValue: designation.headOfCentreEmail ?? "",
    },
    {
      name: "department",
      label: t("department"),
      kind: "text",
      defaultValue: institution?.department ?? "",
    },
    { name: "address", label: t("address"), kind: "textarea", defaultValue: institution?.address ?? "" },
    { name: "city", label: t("city"), kind: "text", defaultValue: institution?.city ?? "" },
    { name: "postalCode", label: t("postalCode"), kind: "text", defaultValue: institution?.postalCode ?? "" },
    {
      name: "website",
      label: t("website"),
      kind: "text",
      hint: t("websiteHint"),
      defaultValue: institution?.website ?? "",
    },
  ];
  return (
    <section aria-labelledby="details" className="space-y-4">
      <h2 id="details" className="text-xl font-semibold">
        {t("detailsTitle")}
      </h2>
      <p>
        <span className="font-medium">{institution?.name ?? t("noInstitution")}</span>
      </p>
      {editable ? (
        <ActionForm
          action={saveDetailsAction}
          hidden={hidden}
          fields={fields}
          submitLabel={t("saveDraft")}
          variant="secondary"
        />
      ) : (
        <Dl rows={fields.map((field) => [field.label, field.defaultValue])} />
      )}
    </section>
  );
}

/** Terms of reference, each with the work-plan activities linked to it. */
export async function WorkPlanSection({ page, editable }: Props) {
  const t = await getTranslations("DesignationForm");
  const { designation, activityTypes } = page;
  const hidden = { designationId: designation.id, version: designation.version };
  const torOptions = designation.termsOfReference.map((item, index) => ({
    value: String(item.id),
    label: t("torOption", {
      number: index + 1,
      text: `${item.text.slice(0, 60)}${item.text.length > 60 ? "…" : ""}`,
    }),
  }));
  const typeOptions = activityTypes.map((type) => ({ value: String(type.id), label: type.name }));
  const activityFields = (
    activity?: DesignationPage["designation"]["activities"][number],
    torItemId?: number,
  ): FieldSpec[] => [
    {
      name: "torItemId",
      label: t("termOfReference"),
      kind: "select",
      options: torOptions,
      defaultValue: String(activity?.torItemId ?? torItemId ?? ""),
    },
    { name: "title", label: t("activityTitle"), kind: "text", defaultValue: activity?.title ?? "" },
    {
      name: "activityTypeId",
      label: t("activityType"),
      kind: "select",
      options: typeOptions,
      defaultValue: activity ? String(activity.activityTypeId) : "",
    },
    {
      name: "description",
      label: t("description"),
      kind: "textarea",
      defaultValue: activity?.description ?? "",
    },
    {
      name: "deliverables",
      label: t("deliverables"),
      kind: "textarea",
      defaultValue: activity?.deliverables ?? "",
    },
    {
      name: "timeframe",
      label: t("timeframe"),
      kind: "text",
      hint: t("timeframeHint"),
      defaultValue: activity?.timeframe ?? "",
    },
    {
      name: "responsiblePerson",
      label: t("responsiblePerson"),
      kind: "text",
      defaultValue: activity?.responsiblePerson ?? "",
    },
  ];
  return (
    <section aria-labelledby="work-plan" className="space-y-4">
      <h2 id="work-plan" className="text-xl font-semibold">
        {t("workPlanTitle")}
        {designation.frozenVersion ? (
          <span className="ms-2 text-base font-normal text-muted">
            {t("approvedVersion", { version: designation.frozenVersion })}
          </span>
        ) : null}
      </h2>
      {designation.termsOfReference.length === 0 && <p className="text-muted">{t("noTor")}</p>}
      <ol className="space-y-4">
        {designation.termsOfReference.map((item, index) => {
          const activities = designation.activities.filter((activity) => activity.torItemId === item.id);
          return (
            <li
              key={item.id}
              className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
              id={`tor-${item.id}`}
            >
              <h3 className="font-semibold">
                {t("torHeading", { number: index + 1 })} <span className="font-normal">{item.text}</span>
              </h3>
              {editable && (
                <details>
                  <summary className="cursor-pointer text-sm font-medium">
                    {t("editTor", { number: index + 1 })}
                  </summary>
                  <div className="mt-3 space-y-4">
                    <ActionForm
                      action={saveTorItemAction}
                      hidden={{ ...hidden, itemId: item.id }}
                      fields={[
                        {
                          name: "text",
                          label: t("torText", { number: index + 1 }),
                          kind: "textarea",
                          defaultValue: item.text,
                        },
                        {
                          name: "position",
                          label: t("position"),
                          kind: "number",
                          hint: t("positionHint"),
                          defaultValue: String(index + 1),
                        },
                      ]}
                      submitLabel={t("saveTor")}
                      variant="secondary"
                    />
                    <ActionForm
                      action={removeTorItemAction}
                      hidden={{ ...hidden, itemId: item.id }}
                      submitLabel={t("removeTor", { number: index + 1 })}
                      variant="danger"
                    />
                  </div>
                </details>
              )}
              <AnchoredComments
                page={page}
                anchor={torAnchor(item.id)}
                about={t("aboutTor", { number: index + 1 })}
              />
              {activities.length === 0 ? (
                <p className="text-sm text-muted">{t("noActivity")}</p>
              ) : (
                <ul className="space-y-3">
                  {activities.map((activity) => (
                    <li key={activity.id} className="rounded-md bg-slate-50 p-3">
                      <p className="font-medium">{activity.title}</p>
                      <p className="text-sm text-muted">
                        {activity.activityType.name} · {activity.timeframe} · {activity.responsiblePerson}
                      </p>
                      <p className="mt-1 text-sm">{activity.description}</p>
                      <p className="mt-1 text-sm">
                        {t.rich("deliverablesLine", {
                          label: (chunks) => <span className="font-medium">{chunks}</span>,
                          deliverables: activity.deliverables,
                        })}
                      </p>
                      <div className="mt-2">
                        <AnchoredComments
                          page={page}
                          anchor={activityAnchor(activity.id)}
                          about={t("aboutActivity", { title: activity.title })}
                        />
                      </div>
                      {editable && (
                        <details className="mt-2">
                          <summary className="cursor-pointer text-sm font-medium">
                            {t("editActivity")}
                          </summary>
                          <div className="mt-3 space-y-4">
                            <ActionForm
                              action={saveActivityAction}
                              hidden={{ ...hidden, itemId: activity.id }}
                              fields={activityFields(activity)}
                              submitLabel={t("saveActivity")}
                              variant="secondary"
                            />
                            <ActionForm
                              action={removeActivityAction}
                              hidden={{ ...hidden, itemId: activity.id }}
                              submitLabel={t("removeActivity")}
                              variant="danger"
                            />
                          </div>
                        </details>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
      {editable && (
        <div className="grid gap-6 md:grid-cols-2">
          <div className="rounded-lg border border-dashed border-slate-400 p-4">
            <ActionForm
              action={saveTorItemAction}
              hidden={{ ...hidden, itemId: "" }}
              fields={[{ name: "text", label: t("newTor"), kind: "textarea" }]}
              submitLabel={t("addTor")}
              variant="secondary"
            />
          </div>
          {torOptions.length > 0 && (
            <div className="rounded-lg border border-dashed border-slate-400 p-4">
              <ActionForm
                action={saveActivityAction}
                hidden={{ ...hidden, itemId: "" }}
                fields={activityFields()}
                submitLabel={t("addActivity")}
                variant="secondary"
                legend={t("newActivity")}
              />
            </div>
          )}
        </div>
      )}
    </section>
  );
}
