import "server-only";

import { decide, permissions, type Action, type ResourceFacts } from "@/domain/permissions";
import { blockedUntilEnrolled } from "@/domain/two-factor";
import { recordAudit } from "@/server/audit/record-audit";
import type { RequestMeta } from "@/server/auth/request-meta";
import { twoFactorRequired } from "@/server/auth/two-factor/settings";
import type { Viewer } from "@/server/auth/viewer";
import { prisma } from "@/server/db/client";

export type DenialOutcome = "unauthenticated" | "not-found" | "forbidden" | "two-factor-required";

/** A denied authorization; commands turn it into a form message, pages into notFound(). */
export class AccessDenied extends Error {
  constructor(readonly outcome: DenialOutcome) {
    super(`access denied: ${outcome}`);
    this.name = "AccessDenied";
  }
}

/**
 * THE server-side check, called by every command and every non-public query
 * with facts loaded from the record (never from client input). Fails closed;
 * every denial of a signed-in viewer is an audit event. Out-of-scope records
 * answer not-found so their existence is not revealed; a record the viewer
 * may see but not change in its current state answers forbidden.
 */
export async function authorize(
  viewer: Viewer | null,
  action: Action,
  resource: ResourceFacts | null = null,
  meta: RequestMeta | null = null,
): Promise<{ role: Viewer["role"] }> {
  // REQUIRE_TWO_FACTOR: an administrator or officer without it sets it up first (decision 0014).
  if (viewer && blockedUntilEnrolled(viewer, action, twoFactorRequired())) {
    await recordAudit(prisma, {
      actor: { id: viewer.id, role: viewer.role },
      action: "authz.denied",
      meta,
      details: { permission: action, reason: "two-factor-required" },
    });
    throw new AccessDenied("two-factor-required");
  }
  const decision = decide(viewer, action, resource);
  if (decision.allowed) return { role: decision.role ?? viewer?.role ?? null };
  const outcome: DenialOutcome =
    decision.reason === "unauthenticated"
      ? "unauthenticated"
      : decision.reason === "state" && permissions[action].kind === "write"
        ? "forbidden"
        : "not-found";
  await recordAudit(prisma, {
    actor: viewer ? { id: viewer.id, role: viewer.role } : null,
    action: "authz.denied",
    entity: resource ? { type: "Centre", id: resource.centreId } : undefined,
    from: resource?.state ?? null,
    meta,
    details: { permission: action, reason: decision.reason },
  });
  throw new AccessDenied(outcome);
}

/**
 * authorize() for one record that must exist: a record that is missing
 * answers not-found to everyone, administrators included (their scope "any"
 * passes without a record). Answers the record's facts, known to be there.
 */
export async function authorizeRecord(
  viewer: Viewer | null,
  action: Action,
  resource: ResourceFacts | null,
  meta: RequestMeta | null = null,
): Promise<ResourceFacts> {
  await authorize(viewer, action, resource, meta);
  if (!resource) throw new AccessDenied("not-found");
  return resource;
}
