import { staffAccountStateLabels } from "@/domain/institution-staff";
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
export function InstitutionStaffSection({ page, invited }: Props) {
  const staff = page.institutionStaff;
  if (!staff) return null;
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
        { name: "name", label: "Name", kind: "text" },
        {
          name: "email",
          label: "E-mail address",
          kind: "email",
          hint: "They receive a link to set their password; it works once, for 72 hours.",
        },
      ]}
      submitLabel={`Invite staff of ${designation.centre.reference}`}
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
        Who at the institution can act
      </h2>
      {invited && (
        <p role="status" className="rounded-md border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
          Invitation sent. The person appears below and can complete the form once they have set a password.
        </p>
      )}
      {staff.length === 0 ? (
        <p>
          <strong>No one at the institution has an account for this centre yet</strong>, so no one{" "}
          {sent ? "has been told or can complete" : "will be told or can complete"} the designation form.
          Invite the centre&apos;s staff here.
        </p>
      ) : (
        <>
          <p>
            {sent
              ? "These accounts of the centre's staff were told and can complete the form:"
              : "When you send the proposal, these accounts of the centre's staff are told:"}
          </p>
          <ul className="list-disc space-y-1 pl-6">
            {staff.map((account) => (
              <li key={account.email}>
                <span className="font-medium">{account.name}</span> · {account.email} ·{" "}
                <span className="text-muted">{staffAccountStateLabels[account.state]}</span>
              </li>
            ))}
          </ul>
          {canAct.length === 0 && (
            <p>
              <strong>None of them can act yet:</strong> they have not set a password or their account is
              disabled.
            </p>
          )}
        </>
      )}
      {staff.length === 0 ? (
        <div className="max-w-xl">{invite}</div>
      ) : (
        <details>
          <summary className="cursor-pointer font-medium">Invite someone else at the institution</summary>
          <div className="mt-3 max-w-xl">{invite}</div>
        </details>
      )}
    </section>
  );
}
