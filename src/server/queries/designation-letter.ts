import "server-only";

import { toIsoDate } from "@/domain/dates";
import type { Viewer } from "@/server/auth/viewer";
import { prisma } from "@/server/db/client";
import { AccessDenied, authorize } from "@/server/policy/authorize";
import { designationFacts } from "@/server/policy/resource-facts";

/**
 * The designation letter: for WHO and the centre's staff (the same read
 * permission as the designation), and only once designated. Built from the
 * frozen record, so it reads the same every time it is opened.
 */
export async function designationLetter(viewer: Viewer, designationId: number) {
  const facts = await designationFacts(designationId);
  await authorize(viewer, "designation.read", facts);
  // An administrator passes the check even for a designation that does not exist.
  if (!facts) throw new AccessDenied("not-found");
  const designation = await prisma.designation.findUniqueOrThrow({
    where: { id: designationId },
    select: {
      state: true,
      kind: true,
      letterDate: true,
      letterReference: true,
      termYears: true,
      termStart: true,
      termEnd: true,
      approverName: true,
      frozenVersion: true,
      headOfCentreName: true,
      headOfCentreTitle: true,
      centre: {
        select: {
          reference: true,
          title: true,
          country: { select: { name: true } },
          region: { select: { name: true } },
          institution: {
            select: { name: true, department: true, address: true, city: true, postalCode: true },
          },
        },
      },
      termsOfReference: { orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true, text: true } },
    },
  });
  const { letterDate, termStart, termEnd } = designation;
  // Not designated (yet): there is no letter, which the page shows as not-found.
  if (designation.state !== "DESIGNATED" || !letterDate || !termStart || !termEnd) {
    throw new AccessDenied("not-found");
  }
  return {
    ...designation,
    letterDate: toIsoDate(letterDate),
    termStart: toIsoDate(termStart),
    termEnd: toIsoDate(termEnd),
  };
}
