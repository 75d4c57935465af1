import type { Metadata } from "next";
import Link from "next/link";

import { DataTable } from "@/components/data-table";
import { accountStateLabels } from "@/domain/institution-staff";
import { loadPageRecord } from "@/server/policy/page-record";
import { hasTwoFactor } from "@/server/queries/two-factor";
import { inviteOptions, userDetail } from "@/server/queries/users";

import { ResetTwoFactorForm } from "./reset-two-factor-form";
import { AccessForm, AddRoleForm, RemoveRoleForm } from "./user-admin-forms";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Person" };

const utc = (date: Date) => `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;

export default async function UserPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const { viewer, record: user } = await loadPageRecord(
    { id, path: `/admin/users/${id}`, gate: "user.read" },
    userDetail,
  );
  const [options, query, twoFactor] = await Promise.all([
    inviteOptions(viewer),
    searchParams,
    hasTwoFactor(viewer, user.id),
  ]);
  return (
    <div className="space-y-8">
      <p>
        <Link href="/admin/users">← People</Link>
      </p>
      <div className="space-y-1">
        <h1 className="text-3xl font-semibold tracking-tight text-brand-800">{user.name}</h1>
        <p className="text-muted">{user.email}</p>
      </div>
      {query.invited === "1" && (
        <p role="status" className="rounded-md border-l-4 border-green-700 bg-green-50 p-4 text-green-900">
          Invitation sent to {user.email}.
        </p>
      )}
      <dl className="grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        <dt className="font-medium">Status</dt>
        <dd>
          {accountStateLabels[user.state]}
          {user.disabledAt && ` since ${utc(user.disabledAt)}`}
        </dd>
        <dt className="font-medium">Last sign-in</dt>
        <dd>{user.lastSignInAt ? utc(user.lastSignInAt) : "Never"}</dd>
        <dt className="font-medium">Account created</dt>
        <dd>{utc(user.createdAt)}</dd>
      </dl>

      <section aria-labelledby="roles-heading" className="space-y-4">
        <h2 id="roles-heading" className="text-xl font-semibold">
          Roles
        </h2>
        {user.roles.length === 0 ? (
          <p className="text-muted">No role: this person can sign in but sees nothing.</p>
        ) : (
          <ul className="space-y-2">
            {user.roles.map((role) => (
              <li key={role.id} className="flex flex-wrap items-center gap-4">
                <span>{role.label}</span>
                <RemoveRoleForm
                  userId={user.id}
                  version={user.version}
                  assignmentId={role.id}
                  label={role.label}
                />
              </li>
            ))}
          </ul>
        )}
        <details className="max-w-xl rounded-lg border border-slate-200 bg-white p-4">
          <summary className="cursor-pointer font-medium">Add a role</summary>
          <div className="mt-4">
            <AddRoleForm
              userId={user.id}
              version={user.version}
              roles={options.roles}
              regions={options.regions}
              units={options.units}
            />
          </div>
        </details>
      </section>

      <section aria-labelledby="access-heading" className="space-y-3">
        <h2 id="access-heading" className="text-xl font-semibold">
          Access
        </h2>
        <p className="text-muted">
          Disabling an account or ending its sessions signs the person out at their next page view.
        </p>
        <AccessForm userId={user.id} version={user.version} disabled={user.disabledAt !== null} />
      </section>

      <section aria-labelledby="two-factor-heading" className="space-y-3">
        <h2 id="two-factor-heading" className="text-xl font-semibold">
          Two-factor sign-in
        </h2>
        <p data-testid="two-factor-status">{twoFactor ? "On." : "Off."}</p>
        <ResetTwoFactorForm userId={user.id} version={user.version} enrolled={twoFactor} />
      </section>

      <section aria-labelledby="audit-heading" className="space-y-3">
        <h2 id="audit-heading" className="text-xl font-semibold">
          Audit trail
        </h2>
        <p className="text-sm text-muted">
          What this person did and what was done to their account; latest 100 events, times in UTC.
        </p>
        <DataTable columns={["When (UTC)", "Event", "By", "From", "Details"]} testId="audit-trail">
          {user.audit.map((event) => (
            <tr key={event.id}>
              <td className="whitespace-nowrap px-4 py-2">
                {event.occurredAt.toISOString().slice(0, 19).replace("T", " ")}
              </td>
              <td className="px-4 py-2 font-mono text-xs">{event.action}</td>
              <td className="px-4 py-2">{event.actor ?? "—"}</td>
              <td className="px-4 py-2">{event.ip ?? "—"}</td>
              <td className="px-4 py-2 text-muted">{event.detail ?? ""}</td>
            </tr>
          ))}
        </DataTable>
      </section>
    </div>
  );
}
