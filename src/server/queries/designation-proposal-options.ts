import "server-only";

import { toIsoDate } from "@/domain/dates";
import { initiators, proposalEditable } from "@/domain/designation-proposal";
import { eligibilitySchema } from "@/domain/eligibility";
import type { Viewer } from "@/server/auth/viewer";
import { prisma } from "@/server/db/client";
import { AccessDenied, authorize, authorizeRecord } from "@/server/policy/authorize";
import { designationFacts } from "@/server/policy/resource-facts";

/** The technical units and initiators: what a proposal offers besides the country. */
async function unitChoices() {
  const units = await prisma.unit.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
  return {
    units: units.map((unit) => ({ value: String(unit.id), label: unit.name })),
    initiators: initiators.map((code) => ({ value: code, label: code === "HQ" ? "WHO headquarters" : code })),
  };
}

async function choices() {
  const [countries, rest] = await Promise.all([
    prisma.country.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    unitChoices(),
  ]);
  return {
    countries: countries.map((country) => ({ value: String(country.id), label: country.name })),
    ...rest,
  };
}

export type ProposalOptions = Awaited<ReturnType<typeof choices>>;

/** The choices of the proposal form, for a viewer who may propose. */
export async function proposalOptions(viewer: Viewer) {
  await authorize(viewer, "designation.propose");
  return choices();
}

/**
 * A draft proposal as its edit form shows it, for a viewer who may edit it
 * (the responsible officer or an administrator, while it is a draft);
 * otherwise AccessDenied, which the page turns into not-found.
 */
export async function proposalForEdit(viewer: Viewer, designationId: number) {
  const facts = await designationFacts(designationId);
  await authorizeRecord(viewer, "designation.read", facts);
  await authorize(viewer, "designation.edit-proposal", facts);
  const designation = await prisma.designation.findUniqueOrThrow({
    where: { id: designationId },
    select: {
      id: true,
      kind: true,
      state: true,
      version: true,
      eligibility: true,
      jointWorkStart: true,
      jointWorkEnd: true,
      centre: {
        select: {
          reference: true,
          title: true,
          unitId: true,
          initiator: true,
          country: { select: { name: true } },
          institution: { select: { name: true, department: true } },
        },
      },
    },
  });
  if (!proposalEditable(designation)) throw new AccessDenied("not-found");
  const eligibility = eligibilitySchema.safeParse(designation.eligibility);
  const { centre } = designation;
  return {
    id: designation.id,
    version: designation.version,
    reference: centre.reference,
    country: centre.country.name,
    values: {
      institutionName: centre.institution?.name ?? "",
      department: centre.institution?.department ?? "",
      title: centre.title,
      unitId: centre.unitId ? String(centre.unitId) : "",
      initiator: centre.initiator,
      jointWorkStart: designation.jointWorkStart ? toIsoDate(designation.jointWorkStart) : "",
      jointWorkEnd: designation.jointWorkEnd ? toIsoDate(designation.jointWorkEnd) : "",
      ...(eligibility.success
        ? Object.fromEntries(
            Object.entries(eligibility.data).flatMap(([key, answer]) => [
              [`${key}Met`, answer.met ? "yes" : "no"],
              [`${key}Justification`, answer.justification],
            ]),
          )
        : {}),
    } as Record<string, string>,
    // No countries: the country of a proposal is fixed once its number is assigned.
    options: await unitChoices(),
  };
}
