import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";

import { DataTable } from "@/components/data-table";
import { getLocaleHref } from "@/i18n/server";
import { requirePage } from "@/server/policy/page-guard";
import { listUsers, type RoleAssignment } from "@/server/queries/users";

import { roleText } from "./role-text";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminUsers");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function UsersPage({ searchParams }: Props) {
  const viewer = await requirePage("user.list", null, "/admin/users");
  const params = await searchParams;
  const q = typeof params.q === "string" ? params.q.slice(0, 100) : "";
  const [users, t, href, format] = await Promise.all([
    listUsers(viewer, q),
    getTranslations("AdminUsers"),
    getLocaleHref(),
    getFormatter(),
  ]);
  const rolesText = (assignments: RoleAssignment[]) =>
    assignments.length > 0
      ? format.list(
          assignments.map((assignment) => roleText(t, assignment)),
          { type: "unit" },
        )
      : "—";
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-3xl font-semibold tracking-tight text-brand-800">{t("title")}</h1>
        <Link
          href={href("/invite")}
          className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white no-underline hover:bg-brand-800 hover:text-white"
        >
          {t("invite")}
        </Link>
      </div>
      {/* A GET form: works without JavaScript and the search is in the address. */}
      <form method="get" role="search" className="flex flex-wrap items-end gap-3">
        <div className="space-y-1">
          <label htmlFor="q" className="block font-medium">
            {t("searchLabel")}
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={q}
            className="block w-72 rounded-md border border-slate-400 bg-white px-3 py-2"
          />
        </div>
        <button
          type="submit"
          className="rounded-md border border-slate-400 bg-white px-4 py-2 font-medium hover:bg-slate-50"
        >
          {t("search")}
        </button>
      </form>
      <p className="text-sm text-muted" aria-live="polite">
        {q ? t("countMatching", { count: users.length, query: q }) : t("count", { count: users.length })}
      </p>
      <DataTable
        columns={[
          t("columnName"),
          t("columnEmail"),
          t("columnRoles"),
          t("columnStatus"),
          t("columnLastSignIn"),
        ]}
      >
        {users.map((user) => (
          <tr key={user.id}>
            <td className="px-4 py-2">
              <Link href={href(`/admin/users/${user.id}`)}>{user.name}</Link>
            </td>
            <td className="px-4 py-2">{user.email}</td>
            <td className="px-4 py-2">{rolesText(user.assignments)}</td>
            <td className="px-4 py-2">{t(`state.${user.state}`)}</td>
            <td className="px-4 py-2">
              {user.lastSignInAt ? user.lastSignInAt.toISOString().slice(0, 16).replace("T", " ") : "—"}
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
