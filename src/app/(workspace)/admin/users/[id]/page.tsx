import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { DataTable } from "@/components/data-table";
import { getLocaleHref, getReferenceLabels } from "@/i18n/server";
import { loadPageRecord } from "@/server/policy/page-record";
import { hasTwoFactor } from "@/server/queries/two-factor";
import { inviteOptions, userDetail } from "@/server/queries/users";

import { roleAndRegionOptions, roleFieldWords, roleText } from "../role-text";
import { ResetTwoFactorForm } from "./reset-two-factor-form";
import { AccessForm, AddRoleForm, RemoveRoleForm } from "./user-admin-forms";
import { utcDateTime } from "@/domain/dates";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminUser");
  return { title: t("title") };
}

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
  const [options, query, twoFactor, t, tUsers, tRoleFields, tField, labels, href] = await Promise.all([
    inviteOptions(viewer),
    searchParams,
    hasTwoFactor(viewer, user.id),
    getTranslations("AdminUser"),
    getTranslations("AdminUsers"),
    getTranslations("RoleFields"),
    getTranslations("WorkspaceForm"),
    getReferenceLabels(),
    getLocaleHref(),
  ]);
  const { roles: roleOptions, regions: regionOptions } = roleAndRegionOptions(tUsers, labels, options);
  const formWords = {
    ...roleFieldWords(tRoleFields),
    errorLabel: tField("errorLabel"),
    adding: t("adding"),
    addRole: t("addRoleSubmit"),
    remove: t("remove"),
    removing: t("removing"),
    enabling: t("enabling"),
    enable: t("enable"),
    endingSessions: t("endingSessions"),
    endSessions: t("endSessions"),
    disabling: t("disabling"),
    disable: t("disable"),
    resetIntro: t("resetIntro"),
    resetting: t("resetting"),
    reset: t("reset"),
  };
  return (
    <div className="space-y-8">
      <p>
        <Link href={href("/admin/users")}>{t("back")}</Link>
      </p>
      <div className="space-y-1">
        <h1 className="text-3xl font-semibold tracking-tight text-brand-800">{user.name}</h1>
        <p className="text-muted">{user.email}</p>
      </div>
      {query.invited === "1" && (
        <p role="status" className="rounded-md border-s-4 border-green-700 bg-green-50 p-4 text-green-900">
          {t("invited", { email: user.email })}
        </p>
      )}
      <dl className="grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        <dt className="font-medium">{t("status")}</dt>
        <dd>
          {user.disabledAt
            ? t("stateSince", {
                state: tUsers(`state.${user.state}`),
                when: utcDateTime(user.disabledAt, { seconds: true }),
              })
            : tUsers(`state.${user.state}`)}
        </dd>
        <dt className="font-medium">{t("lastSignIn")}</dt>
        <dd>{user.lastSignInAt ? utcDateTime(user.lastSignInAt, { seconds: true }) : t("never")}</dd>
        <dt className="font-medium">{t("created")}</dt>
        <dd>{utcDateTime(user.createdAt, { seconds: true })}</dd>
      </dl>

      <section aria-labelledby="roles-heading" className="space-y-4">
        <h2 id="roles-heading" className="text-xl font-semibold">
          {t("rolesHeading")}
        </h2>
        {user.roles.length === 0 ? (
          <p className="text-muted">{t("noRole")}</p>
        ) : (
          <ul className="space-y-2">
            {user.roles.map((role) => (
              <li key={role.id} className="flex flex-wrap items-center gap-4">
                <span>{roleText(tUsers, role)}</span>
                <RemoveRoleForm
                  userId={user.id}
                  version={user.version}
                  assignmentId={role.id}
                  label={roleText(tUsers, role)}
                  words={formWords}
                />
              </li>
            ))}
          </ul>
        )}
        <details className="max-w-xl rounded-lg border border-slate-200 bg-white p-4">
          <summary className="cursor-pointer font-medium">{t("addRole")}</summary>
          <div className="mt-4">
            <AddRoleForm
              userId={user.id}
              version={user.version}
              roles={roleOptions}
              regions={regionOptions}
              units={options.units}
              words={formWords}
            />
          </div>
        </details>
      </section>

      <section aria-labelledby="access-heading" className="space-y-3">
        <h2 id="access-heading" className="text-xl font-semibold">
          {t("accessHeading")}
        </h2>
        <p className="text-muted">{t("accessIntro")}</p>
        <AccessForm
          userId={user.id}
          version={user.version}
          disabled={user.disabledAt !== null}
          words={formWords}
        />
      </section>

      <section aria-labelledby="two-factor-heading" className="space-y-3">
        <h2 id="two-factor-heading" className="text-xl font-semibold">
          {t("twoFactorHeading")}
        </h2>
        <p data-testid="two-factor-status">{twoFactor ? t("on") : t("off")}</p>
        <ResetTwoFactorForm userId={user.id} version={user.version} enrolled={twoFactor} words={formWords} />
      </section>

      <section aria-labelledby="audit-heading" className="space-y-3">
        <h2 id="audit-heading" className="text-xl font-semibold">
          {t("auditHeading")}
        </h2>
        <p className="text-sm text-muted">{t("auditIntro")}</p>
        <DataTable
          columns={[t("columnWhen"), t("columnEvent"), t("columnBy"), t("columnFrom"), t("columnDetails")]}
          testId="audit-trail"
        >
          {user.audit.map((event) => (
            <tr key={event.id}>
              <td className="whitespace-nowrap px-4 py-2">
                {utcDateTime(event.occurredAt, { seconds: true })}
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
