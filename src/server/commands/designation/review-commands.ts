import "server-only";

import { transitionCommand } from "./transition-command";

// The review chain up to the regional review (docs/domain.md §4). Every return
// carries its comment, kept on the designation across resubmissions.

export const sendCommand = transitionCommand("send", {
  // Said to the sender, whose page then lists who at the institution can act (or that nobody can yet).
  message: "Sent to the institution. Below: who there can complete the designation form.",
});

export const submitCommand = transitionCommand("submit", {
  data: (_input, { now }) => ({ submittedAt: now }),
  message: "Submitted. The responsible officer has been told.",
});

export const returnCommand = transitionCommand("return", {
  comment: (input) => ({ body: input.comment, visibility: "CENTRE" }),
  message: "Returned to the institution with your comment.",
});

export const endorseCommand = transitionCommand("endorse", {
  data: (_input, { now }) => ({ endorsedAt: now }),
  message: "Endorsed. It now waits for technical clearance.",
});

export const clearCommand = transitionCommand("clear", {
  data: (_input, { now, actorId }) => ({ clearedAt: now, clearedById: actorId }),
  message: "Technical clearance given. It now waits for the regional review.",
});

export const returnToOfficerCommand = transitionCommand("return-to-officer", {
  comment: (input) => ({ body: input.comment, visibility: "INTERNAL" }),
  message: "Returned to the responsible officer with your comment.",
});

export const returnToCentreCommand = transitionCommand("return-to-centre", {
  comment: (input) => ({ body: input.comment, visibility: "CENTRE" }),
  message: "Returned to the institution with your comment.",
});

export const acceptCommand = transitionCommand("accept", {
  message: "Regional review done. Record the government's answer when it comes.",
});
