import type { Metadata } from "next";

import { requirePage } from "@/server/policy/page-guard";
import { inviteOptions } from "@/server/queries/users";

import { InviteForm } from "./invite-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Invite someone" };

export default async function InvitePage() {
  const viewer = await requirePage("workspace.my-work", null, "/invite");
  const isAdmin = viewer.roles.some((assignment) => assignment.role === "ADMIN");
  const isOfficer = viewer.roles.some((assignment) => assignment.role === "OFFICER");
  if (!isAdmin && !isOfficer) {
    // Only administrators and officers invite; everyone else gets the same not-found as for any page outside their rights.
    await requirePage("user.list", null, "/invite");
  }
  const options = await inviteOptions(viewer);
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight text-brand-800">
        {isAdmin ? "Invite someone" : "Invite centre staff"}
      </h1>
      <p className="text-muted">
        They receive an e-mail with a link to set their password. The link works once, for 72 hours.
      </p>
      <InviteForm {...options} />
    </div>
  );
}
