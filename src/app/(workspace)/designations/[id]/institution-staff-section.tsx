import { getTranslations } from "next-intl/server";

import { inviteUserAction } from "@/server/commands/actions";
import type { DesignationPage } from "@/server/queries/designation-page";

import { ActionForm } from "./action-form";

type Props = { page: DesignationPage; invited: boolean };

/**
 * Who at the institution receives the form and can act on it: the centre's
 * staff accounts, or the plain fact that there are none yet, with the
 * invitation for this centre right here (issue #12 item 5). Shown to whoever
 * may invite the centre's staff, while the form is a draft or with the
 * institution.
 */
export async function InstitutionStaffSection({ page, invited }: Props) {
  const staff = page.institutionStaff;
  if (!staff) return null;
  const t = await getTranslations("DesignationStaff");
  const { designation } = page;
  const canAct = staff.filter((account) => account.state === "active");
  const sent = designation.state === "WITH_INSTITUTION";
  const invite = (
    <ActionForm
      action={inviteUserAction}
      hidden={{
        role: "CENTRE_STAFF",
        centre: designation.centre.reference,
        returnTo: `/designations/${designation.id}`,
      }}
      fields={[
        { name: "name", label: t("name"), kind: "text" },
        {
          name: "email",
          label: t("email"),
          kind: "email",
          hint: t("emailHint"),
        },
      ]}
      submitLabel={t("invite", { reference: designation.centre.reference })}
      variant={canAct.length === 0 ? "primary" : "secondary"}
    />
  );
  return (
    <section
      id="institution-staff"
      aria-labelledby="institution-staff-heading"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-5"
      data-testid="institution-staff"
    >
      <h2 id="institution-staff-heading" className="text-xl font-semibold">
        {t("title")}
      </h2>
      {invited && (
        <p role="status" className="rounded-md border-s-4 border-green-700 bg-green-50 p-3 text-green-900">
          {t("invited")}
        </p>
      )}
      {staff.length === 0 ? (
        <p>
          {t.rich(sent ? "noAccountSent" : "noAccountDraft", {
            strong: (chunks) => <strong>{chunks}</strong>,
          })}
        </p>
      ) : (
        <>
          <p>{sent ? t("accountsSent") : t("accountsDraft")}</p>
          <ul className="list-disc space-y-1 ps-6">
            {staff.map((account) => (
              <li key={account.email}>
                <span className="font-medium">{account.name}</span> · {account.email} ·{" "}
                <span className="text-muted">{t(`accountStates.${account.state}`)}</span>
              </li>
            ))}
          </ul>
          {canAct.length === 0 && (
            <p>{t.rich("noneCanAct", { strong: (chunks) => <strong>{chunks}</strong> })}</p>
          )}
        </>
      )}
      {staff.length === 0 ? (
        <div className="max-w-xl">{invite}</div>
      ) : (
        <details>
          <summary className="cursor-pointer font-medium">{t("inviteElse")}</summary>
          <div className="mt-3 max-w-xl">{invite}</div>
        </details>
      )}
    </section>
  );
}
