import "server-only";

import type { SameNameInstitution } from "@/domain/designation-proposal";
import type { Prisma } from "@/generated/prisma/client";

// One institution record may be shared by several centres (a proposer may
// choose to share it, src/domain/designation-proposal.ts). A change made
// through one centre must never reach the others — their public pages, their
// designation forms — so every write of institution fields goes through
// writeCentreInstitution below, which gives the centre its own copy first
// when the record is shared. Issued letters are frozen separately (migration
// letter_snapshot).

type Tx = Prisma.TransactionClient;

export type InstitutionFields = {
  name: string;
  department: string | null;
  address: string | null;
  city: string | null;
  postalCode: string | null;
  website: string | null;
};

/** The institution's own fields, as a Prisma select. */
export const institutionFieldsSelect = {
  name: true,
  department: true,
  address: true,
  city: true,
  postalCode: true,
  website: true,
} as const satisfies Record<keyof InstitutionFields, true>;

/**
 * THE write of institution fields on behalf of one centre. Locks the
 * centre's institution row (so a proposal choosing to share it waits, and is
 * then counted), and when another centre also uses it, creates a copy with
 * the new values and points this centre at the copy; otherwise updates it in
 * place. Returns the institution the centre now uses (null: it has none and
 * nothing is written). Fields left undefined keep their value; a write that
 * changes nothing writes nothing (and copies nothing).
 */
export async function writeCentreInstitution(
  tx: Tx,
  centreId: number,
  fields: Partial<InstitutionFields>,
): Promise<number | null> {
  const [row] = await tx.$queryRaw<{ id: number }[]>`
    SELECT i.id FROM "Institution" i JOIN "Centre" c ON c."institutionId" = i.id
    WHERE c.id = ${centreId} FOR UPDATE OF i`;
  if (!row) return null;
  const current = await tx.institution.findUniqueOrThrow({
    where: { id: row.id },
    select: { ...institutionFieldsSelect, countryId: true },
  });
  const given: Partial<InstitutionFields> = Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  );
  const changes = Object.entries(given).filter(
    ([key, value]) => value !== current[key as keyof InstitutionFields],
  );
  if (changes.length === 0) return row.id;
  const others = await tx.centre.count({ where: { institutionId: row.id, id: { not: centreId } } });
  if (others === 0) {
    await tx.institution.update({ where: { id: row.id }, data: { ...given, version: { increment: 1 } } });
    return row.id;
  }
  const copy = await tx.institution.create({ data: { ...current, ...given }, select: { id: true } });
  // The pointer only: the caller's compare-and-set on its own record guards the change.
  await tx.centre.update({ where: { id: centreId }, data: { institutionId: copy.id } });
  return copy.id;
}

/**
 * The oldest institution of the country with this name (case-insensitive),
 * other than `except`, locked against a concurrent write until the caller's
 * transaction ends: what a proposer is shown and may choose to share. FOR
 * UPDATE, not FOR SHARE: the caller may then write the row through
 * writeCentreInstitution, and two transactions each upgrading a share lock on
 * one row deadlock each other.
 */
export async function sameNameInstitution(
  tx: Tx,
  countryId: number,
  name: string,
  except?: number | null,
): Promise<SameNameInstitution | null> {
  const [row] = await tx.$queryRaw<Omit<SameNameInstitution, "centres">[]>`
    SELECT id, name, department, city FROM "Institution"
    WHERE "countryId" = ${countryId} AND lower(name) = lower(${name}) AND id <> ${except ?? -1}
    ORDER BY id LIMIT 1 FOR UPDATE`;
  if (!row) return null;
  return { ...row, centres: await tx.centre.count({ where: { institutionId: row.id } }) };
}

/** A new record of the centre's own. */
export async function createInstitution(
  tx: Tx,
  countryId: number,
  fields: Pick<InstitutionFields, "name" | "department">,
): Promise<number> {
  return (await tx.institution.create({ data: { ...fields, countryId }, select: { id: true } })).id;
}
