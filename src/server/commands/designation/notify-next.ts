import "server-only";

import { nextActor, type DesignationState } from "@/domain/designation";
import type { Prisma } from "@/generated/prisma/client";
import { designationMail } from "@/server/mail/compose";
import { enqueueMail } from "@/server/mail/enqueue-mail";
import { recipientSelect, uniqueRecipients, type Recipient } from "@/server/mail/recipient";

import type { LoadedDesignation } from "./load-designation";

const active = { disabledAt: null } as const;

/** Whoever acts next (or, at the end, the officer and the centre), once each, with their language. */
async function recipients(
  tx: Prisma.TransactionClient,
  designation: LoadedDesignation,
  state: DesignationState,
): Promise<Recipient[]> {
  const { centre } = designation;
  const staff = () =>
    tx.user.findMany({
      where: { ...active, roles: { some: { role: "CENTRE_STAFF", centreId: centre.id } } },
      select: recipientSelect,
    });
  const officer = () =>
    centre.responsibleOfficerId
      ? tx.user.findMany({ where: { ...active, id: centre.responsibleOfficerId }, select: recipientSelect })
      : Promise.resolve([]);
  let users: { id: number; email: string; locale: string | null }[];
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
            select: recipientSelect,
          })
        : [];
      break;
    case "focalPoint":
      users = await tx.user.findMany({
        where: { ...active, roles: { some: { role: "FOCAL_POINT", regionId: centre.regionId } } },
        select: recipientSelect,
      });
      break;
    default:
      // A final state: the officer always hears; the centre only if it ever saw the proposal.
      users = [...(await officer()), ...(designation.state === "DRAFT" ? [] : await staff())];
  }
  return uniqueRecipients(users);
}

/** Queues one mail per next actor, in the transition's transaction. */
export async function notifyNext(
  tx: Prisma.TransactionClient,
  designation: LoadedDesignation,
  to: DesignationState,
  note?: string,
): Promise<void> {
  const { reference, title } = designation.centre;
  for (const person of await recipients(tx, designation, to)) {
    await enqueueMail(tx, {
      kind: "designation.transition",
      to: person.email,
      ...designationMail(person.locale, { id: designation.id, reference, title, state: to, note }),
    });
  }
}
