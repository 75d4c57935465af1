import type { Metadata } from "next";
import Link from "next/link";

import { DataTable } from "@/components/data-table";
import { accountStateLabels } from "@/domain/institution-staff";
import { requirePage } from "@/server/policy/page-guard";
import { listUsers } from "@/server/queries/users";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "People" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function UsersPage({ searchParams }: Props) {
  const viewer = await requirePage("user.list", null, "/admin/users");
  const params = await searchParams;
  const q = typeof params.q === "string" ? params.q.slice(0, 100) : "";
  const users = await listUsers(viewer, q);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-3xl font-semibold tracking-tight text-brand-800">People</h1>
        <Link
          href="/invite"
          className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white no-underline hover:bg-brand-800 hover:text-white"
        >
          Invite someone
        </Link>
      </div>
      {/* A GET form: works without JavaScript and the search is in the address. */}
      <form method="get" role="search" className="flex flex-wrap items-end gap-3">
        <div className="space-y-1">
          <label htmlFor="q" className="block font-medium">
            Search by name or e-mail
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
          Search
        </button>
      </form>
      <p className="text-sm text-muted" aria-live="polite">
        {users.length} {users.length === 1 ? "person" : "people"}
        {q ? ` matching “${q}”` : ""}
      </p>
      <DataTable columns={["Name", "E-mail", "Roles", "Status", "Last sign-in (UTC)"]}>
        {users.map((user) => (
          <tr key={user.id}>
            <td className="px-4 py-2">
              <Link href={`/admin/users/${user.id}`}>{user.name}</Link>
            </td>
            <td className="px-4 py-2">{user.email}</td>
            <td className="px-4 py-2">{user.roles.join(", ") || "—"}</td>
            <td className="px-4 py-2">{accountStateLabels[user.state]}</td>
            <td className="px-4 py-2">
              {user.lastSignInAt ? user.lastSignInAt.toISOString().slice(0, 16).replace("T", " ") : "—"}
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
