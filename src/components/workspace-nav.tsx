import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { can, holdsGrantFor, type Action } from "@/domain/permissions";
import { getLocaleHref } from "@/i18n/server";
import type { Viewer } from "@/server/auth/viewer";

type NavKey =
  | "myWork"
  | "dashboard"
  | "propose"
  | "inviteSomeone"
  | "inviteStaff"
  | "people"
  | "changePassword"
  | "calendar"
  | "twoFactor"
  | "mail";

type NavLink = { href: string; key: string; label: string; action: Action; officerInvite?: boolean };

// Only what the viewer's roles may use: the links are decided by the same
// permission table the server enforces (hiding is a courtesy, not the check).
const links: { href: string; key: NavKey; action: Action; officerInvite?: boolean }[] = [
  { href: "/my-work", key: "myWork", action: "workspace.my-work" },
  { href: "/dashboard", key: "dashboard", action: "dashboard.read" },
  { href: "/designations/new", key: "propose", action: "designation.propose" },
  { href: "/invite", key: "inviteSomeone", action: "user.list" },
  { href: "/invite", key: "inviteStaff", action: "user.invite", officerInvite: true },
  { href: "/admin/users", key: "people", action: "user.list" },
  { href: "/account/password", key: "changePassword", action: "workspace.my-work" },
  { href: "/account/calendar", key: "calendar", action: "calendar.manage" },
  { href: "/account/two-factor", key: "twoFactor", action: "account.two-factor" },
];

export async function WorkspaceNav({ viewer, mailPage }: { viewer: Viewer; mailPage: boolean }) {
  const [t, tLanguage, href] = await Promise.all([
    getTranslations("WorkspaceNav"),
    getTranslations("LanguagePreference"),
    getLocaleHref(),
  ]);
  const isAdmin = can(viewer, "user.list");
  const language: NavLink = {
    href: "/account/language",
    key: "language",
    label: tLanguage("navLink"),
    action: "account.language",
  };
  const visible: NavLink[] = [...links.map((link) => ({ ...link, label: t(link.key) })), language].filter(
    (link) =>
      link.officerInvite ? !isAdmin && holdsGrantFor(viewer, link.action) : can(viewer, link.action),
  );
  if (mailPage && can(viewer, "mail.read"))
    visible.push({ href: "/admin/mail", key: "mail", label: t("mail"), action: "mail.read" });
  return (
    <nav aria-label={t("label")} className="border-b border-slate-200 pb-3">
      <ul className="flex flex-wrap gap-x-6 gap-y-2 text-sm font-medium">
        {visible.map((link) => (
          <li key={link.key}>
            <Link href={href(link.href)}>{link.label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
