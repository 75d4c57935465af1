import "server-only";

import { designationStateLabels, nextActor, type DesignationState } from "@/domain/designation";
import type { Prisma } from "@/generated/prisma/client";
import { appUrl } from "@/server/auth/tokens";
import { enqueueMail } from "@/server/mail/enqueue-mail";

import type { LoadedDesignation } from "./load-designation";

const active = { disabledAt: null } as const;

/** The e-mail addresses of whoever acts next (or, at the end, the officer and the centre). */
async function recipients(
  tx: Prisma.TransactionClient,
  designation: LoadedDesignation,
  state: DesignationState,
): Promise<string[]> {
  const { centre } = designation;
  const staff = () =>
    tx.user.findMany({
      where: { ...active, roles: { some: { role: "CENTRE_STAFF", centreId: centre.id } } },
      select: { email: true },
    });
  const officer = () =>
    centre.responsibleOfficerId
      ? tx.user.findMany({ where: { ...active, id: centre.responsibleOfficerId }, select: { email: true } })
      : Promise.resolve([]);
  let users: { email: string }[];
  switch (nextActor(state)) {
    case "staff":
      users = await staff();
      break;
    case "officer":
      users = await officer();
      break;
    case "unitHead":
      users = centre.unitId
        ? await tx.user.findMany({
            where: {
              ...active,
              roles: { some: { role: "UNIT_HEAD", unitId: centre.unitId } },
              // The proposer cannot clear, so they are not asked to.
              id: designation.proposedById ? { not: designation.proposedById } : undefined,
            },
            select: { email: true },
          })
        : [];
      break;
    case "focalPoint":
      users = await tx.user.findMany({
        where: { ...active, roles: { some: { role: "FOCAL_POINT", regionId: centre.regionId } } },
        select: { email: true },
      });
      break;
    default:
      // A final state: the officer always hears; the centre only if it ever saw the proposal.
      users = [...(await officer()), ...(designation.state === "DRAFT" ? [] : await staff())];
  }
  return [...new Set(users.map((user) => user.email))];
}

/** Queues one mail per next actor, in the transition's transaction. */
export async function notifyNext(
  tx: Prisma.TransactionClient,
  designation: LoadedDesignation,
  to: DesignationState,
  note?: string,
): Promise<void> {
  const label = designationStateLabels[to];
  const link = `${appUrl()}/designations/${designation.id}`;
  for (const email of await recipients(tx, designation, to)) {
    await enqueueMail(tx, {
      kind: "designation.transition",
      to: email,
      subject: `${designation.centre.reference} ${designation.centre.title}: ${label}`,
      text: [
        `The designation of ${designation.centre.reference} (${designation.centre.title}) is now: ${label}.`,
        ...(note ? ["", note] : []),
        "",
        `Open it in the registry: ${link}`,
      ].join("\n"),
    });
  }
}
