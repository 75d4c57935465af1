import "server-only";

import { z } from "zod";

import { toIsoDate } from "@/domain/dates";
import type { LetterFacts } from "@/domain/designation-letter";
import type { Viewer } from "@/server/auth/viewer";
import { prisma } from "@/server/db/client";
import { AccessDenied, authorizeRecord } from "@/server/policy/authorize";
import { designationFacts } from "@/server/policy/resource-facts";

const text = z.string();
const optional = z
  .string()
  .nullable()
  .optional()
  .transform((value) => value ?? null);

/** The centre as the letter named it, stored by the trigger of migration letter_snapshot. */
const frozenCentre = z.object({
  reference: text,
  title: text,
  country: z.object({ name: text }),
  region: z.object({ name: text }),
  institution: z
    .object({ name: text, department: optional, address: optional, city: optional, postalCode: optional })
    .nullable(),
}) satisfies z.ZodType<LetterFacts["centre"]>;

/**
 * The designation letter: for WHO and the centre's staff (the same read
 * permission as the designation), and only once designated. Built from the
 * frozen record — its ToR version and what it named about the centre and its
 * institution on the day it was issued — so it reads the same every time.
 */
export async function designationLetter(viewer: Viewer, designationId: number) {
  const facts = await designationFacts(designationId);
  await authorizeRecord(viewer, "designation.read", facts);
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
      letterCentre: true,
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
  const { letterDate, termStart, termEnd, letterCentre, ...rest } = designation;
  // Not designated (yet): there is no letter, which the page shows as not-found.
  if (designation.state !== "DESIGNATED" || !letterDate || !termStart || !termEnd) {
    throw new AccessDenied("not-found");
  }
  // As it was when the letter was issued (frozen by the database when the
  // designation became DESIGNATED); the live record only for a row that
  // somehow lacks it, which the migration's backfill leaves none of.
  const centre = frozenCentre.safeParse(letterCentre).data ?? designation.centre;
  // The codes of the country and region the letter named (names are unique),
  // so a letter in another language can say them in that language.
  const [country, region] = await Promise.all([
    prisma.country.findUnique({ where: { name: centre.country.name }, select: { isoCode: true } }),
    prisma.region.findFirst({
      where: { name: centre.region.name },
      select: { code: true },
      orderBy: { id: "asc" },
    }),
  ]);
  return {
    ...rest,
    centre: {
      ...centre,
      country: { ...centre.country, isoCode: country?.isoCode ?? null },
      region: { ...centre.region, code: region?.code ?? null },
    },
    letterDate: toIsoDate(letterDate),
    termStart: toIsoDate(termStart),
    termEnd: toIsoDate(termEnd),
  };
}
