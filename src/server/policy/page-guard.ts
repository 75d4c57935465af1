import "server-only";

import { notFound, redirect } from "next/navigation";

import type { Action, ResourceFacts } from "@/domain/permissions";
import { mustEnrolNow } from "@/domain/two-factor";
import { requestMeta, type RequestMeta } from "@/server/auth/request-meta";
import { twoFactorSetupPath } from "@/server/auth/two-factor/paths";
import { twoFactorRequired } from "@/server/auth/two-factor/settings";
import { getViewer, type Viewer } from "@/server/auth/viewer";

import { AccessDenied, authorize } from "./authorize";

/**
 * For pages: the viewer if they may do `action`; otherwise the sign-in page
 * for anonymous visitors and not-found for everyone else (never an error).
 */
export async function requirePage(
  action: Action,
  resource: ResourceFacts | null = null,
  path = "/my-work",
): Promise<Viewer> {
  return guardPage(await getViewer(), action, resource, path, requestMeta);
}

/** requirePage for a given viewer: what it decides, apart from reading the request (for tests). */
export async function guardPage(
  viewer: Viewer | null,
  action: Action,
  resource: ResourceFacts | null,
  path: string,
  meta: () => Promise<RequestMeta>,
): Promise<Viewer> {
  if (!viewer) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  // REQUIRE_TWO_FACTOR: set-up comes before any other page (decision 0014).
  if (action !== "account.two-factor" && mustEnrolNow(viewer, twoFactorRequired())) {
    redirect(twoFactorSetupPath);
  }
  try {
    await authorize(viewer, action, resource, await meta());
  } catch (error) {
    if (error instanceof AccessDenied) notFound();
    throw error;
  }
  return viewer;
}
