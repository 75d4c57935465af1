import "server-only";

import { notFound } from "next/navigation";

import type { Action, ResourceFacts } from "@/domain/permissions";
import { parseRecordId } from "@/domain/record-id";
import { parseReferenceNumber } from "@/domain/reference-number";
import type { Viewer } from "@/server/auth/viewer";

import { AccessDenied } from "./authorize";
import { requirePage } from "./page-guard";
import { centreFactsByReference } from "./resource-facts";

/**
 * How every page addressed by a record id loads it: the page's gate
 * (sign-in, two-factor set-up, the role's right to the area), then the id,
 * then the page's query, which authorizes against the record itself. A
 * malformed id, a missing record and a record the viewer may not read all
 * answer the same not-found, so an address never reveals what exists
 * (docs/security.md scenario 1).
 */
export async function loadPageRecord<T>(
  request: {
    /** The id segment as it came in the address. */
    id: string;
    /** The page's address, where sign-in sends the visitor back. */
    path: string;
    /** What the viewer needs before any record is read; the record's own check is the query's. */
    gate?: Action;
  },
  load: (viewer: Viewer, id: number) => Promise<T | null>,
): Promise<{ viewer: Viewer; record: T }> {
  const viewer = await requirePage(request.gate ?? "workspace.my-work", null, request.path);
  return { viewer, record: await recordOrNotFound(viewer, request.id, load) };
}

/** loadPageRecord after the gate, for a given viewer (what the tests drive). */
export async function recordOrNotFound<T>(
  viewer: Viewer,
  segment: string,
  load: (viewer: Viewer, id: number) => Promise<T | null>,
): Promise<T> {
  const id = parseRecordId(segment);
  if (id === null) notFound();
  const record = await load(viewer, id).catch((error: unknown) => {
    if (error instanceof AccessDenied) notFound();
    throw error;
  });
  if (record === null) notFound();
  return record;
}

/**
 * The same for pages under a centre's reference (/centres/NOR-14/terminate):
 * the reference in any case, the check of `action` against that centre, and
 * not-found for a malformed reference, a missing centre or one out of scope.
 */
export async function loadCentrePage(
  segment: string,
  action: Action,
  page: string,
): Promise<{ viewer: Viewer; reference: string; facts: ResourceFacts; path: string }> {
  const reference = decodeURIComponent(segment).toUpperCase();
  const path = `/centres/${reference}/${page}`;
  const facts = parseReferenceNumber(reference).ok ? await centreFactsByReference(reference) : null;
  const viewer = await requirePage(action, facts, path);
  // An administrator passes without a record (scope "any"): still nothing to show.
  if (!facts) notFound();
  return { viewer, reference, facts, path };
}
