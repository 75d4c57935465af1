import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { can, holdsGrantFor, type Action } from "@/domain/permissions";
import type { Viewer } from "@/server/auth/viewer";

// Only what the viewer's roles may use: the links are decided by the same
// permission table the server enforces (hiding is a courtesy, not the check).
type NavLink = { href: string; label: string; action: Action; officerInvite?: boolean };
const links: NavLink[] = [
  { href: "/my-work", label: "My work", action: "workspace.my-work" },
  { href: "/dashboard", label: "Dashboard", action: "dashboard.read" },
  { href: "/designations/new", label: "Propose a centre", action: "designation.propose" },
  { href: "/invite", label: "Invite someone", action: "user.list" },
  { href: "/invite", label: "Invite centre staff", action: "user.invite", officerInvite: true },
  { href: "/admin/users", label: "People", action: "user.list" },
  { href: "/account/password", label: "Change password", action: "workspace.my-work" },
  { href: "/account/calendar", label: "Calendar", action: "calendar.manage" },
  { href: "/account/two-factor", label: "Two-factor sign-in", action: "account.two-factor" },
];

export async function WorkspaceNav({ viewer, mailPage }: { viewer: Viewer; mailPage: boolean }) {
  const isAdmin = can(viewer, "user.list");
  const tLanguage = await getTranslations("LanguagePreference");
  const language: NavLink = {
    href: "/account/language",
    label: tLanguage("navLink"),
    action: "account.language",
  };
  const visible = [...links, language].filter((link) =>
    link.officerInvite ? !isAdmin && holdsGrantFor(viewer, link.action) : can(viewer, link.action),
  );
  if (mailPage && can(viewer, "mail.read"))
    visible.push({ href: "/admin/mail", label: "Mail (demo)", action: "mail.read" });
  return (
    <nav aria-label="Workspace" className="border-b border-slate-200 pb-3">
      <ul className="flex flex-wrap gap-x-6 gap-y-2 text-sm font-medium">
        {visible.map((link) => (
          <li key={link.label}>
            <Link href={link.href}>{link.label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
