import { parseCommentAnchor } from "./comment-anchor";
import { designationStateLabels, type DesignationState } from "./designation";

// A designation form WHO handed back says so (issue #12 item 6): the state is
// "With the institution" either way, but a form returned for changes is the
// institution's second round, and the first thing its staff need is WHO's
// reason, not a label that reads as if nothing happened.

export const returnedLabel = "Returned: what to change";

/** The steps that hand the form back to the institution, each with WHO's comment. */
const returnsToInstitution: readonly string[] = ["designation.return", "designation.return-to-centre"];

/**
 * Whether the designation is with the institution because WHO returned it:
 * the last step recorded (the audit row of the last state change) was a
 * return to the institution.
 */
export function returnedToInstitution(state: DesignationState, lastStep: { action: string } | null): boolean {
  return state === "WITH_INSTITUTION" && lastStep !== null && returnsToInstitution.includes(lastStep.action);
}

/** The badge of the designation's page. */
export function designationBadgeLabel(state: DesignationState, returned: boolean): string {
  return returned ? returnedLabel : designationStateLabels[state];
}

/** WHO's reason for the return: the latest comment written with a return that the reader may see. */
export function latestReturnComment<C extends { anchor: string | null; createdAt: Date }>(
  comments: readonly C[],
): C | null {
  const returns = comments.filter((comment) => parseCommentAnchor(comment.anchor)?.kind === "return");
  return returns.reduce<C | null>(
    (latest, comment) => (!latest || comment.createdAt >= latest.createdAt ? comment : latest),
    null,
  );
}
