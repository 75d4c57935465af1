import "server-only";

import { transitionCommand } from "./transition-command";
import { problem } from "@/domain/problem";

// The review chain up to the regional review (docs/domain.md §4). Every return
// carries its comment, kept on the designation across resubmissions.

export const sendCommand = transitionCommand("send", {
  // Said to the sender, whose page then lists who at the institution can act (or that nobody can yet).
  message: problem("sentToInstitution"),
});

export const submitCommand = transitionCommand("submit", {
  data: (_input, { now }) => ({ submittedAt: now }),
  message: problem("proposalSubmitted"),
});

export const returnCommand = transitionCommand("return", {
  comment: (input) => ({ body: input.comment, visibility: "CENTRE" }),
  message: problem("returnedToInstitution"),
});

export const endorseCommand = transitionCommand("endorse", {
  data: (_input, { now }) => ({ endorsedAt: now }),
  message: problem("endorsed"),
});

export const clearCommand = transitionCommand("clear", {
  data: (_input, { now, actorId }) => ({ clearedAt: now, clearedById: actorId }),
  message: problem("clearanceGiven"),
});

export const returnToOfficerCommand = transitionCommand("return-to-officer", {
  comment: (input) => ({ body: input.comment, visibility: "INTERNAL" }),
  message: problem("returnedToOfficer"),
});

export const returnToCentreCommand = transitionCommand("return-to-centre", {
  comment: (input) => ({ body: input.comment, visibility: "CENTRE" }),
  message: problem("returnedToInstitution"),
});

export const acceptCommand = transitionCommand("accept", {
  message: problem("regionalReviewDone"),
});
