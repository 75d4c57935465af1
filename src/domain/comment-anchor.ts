// What a comment is about, stored in Comment.anchor as a short string:
// "tor:<item id>" for a term of reference, "activity:<activity id>" for a
// work-plan activity, "return:<state>" for the note that came with a return
// from that state, null for the whole record. Ids are the rows' own, which
// stay the same across returns and resubmissions, so a comment stays next to
// what it is about for the whole designation.
export type CommentAnchor =
  | { kind: "tor"; torItemId: number }
  | { kind: "activity"; activityId: number }
  | { kind: "return"; fromState: string };

export const torAnchorPattern = /^tor:\d{1,9}$/;
export const activityAnchorPattern = /^activity:\d{1,9}$/;

/** The anchors a person may choose in a comment form (returns are written by the return itself). */
export function isChoosableAnchor(value: string): boolean {
  return torAnchorPattern.test(value) || activityAnchorPattern.test(value);
}

export function torAnchor(torItemId: number): string {
  return `tor:${torItemId}`;
}

export function activityAnchor(activityId: number): string {
  return `activity:${activityId}`;
}

export function returnAnchor(fromState: string): string {
  return `return:${fromState}`;
}

/** The anchor's meaning, or null for none or one this version does not know. */
export function parseCommentAnchor(anchor: string | null | undefined): CommentAnchor | null {
  if (!anchor) return null;
  if (torAnchorPattern.test(anchor)) return { kind: "tor", torItemId: Number(anchor.slice(4)) };
  if (activityAnchorPattern.test(anchor))
    return { kind: "activity", activityId: Number(anchor.slice("activity:".length)) };
  if (anchor.startsWith("return:") && anchor.length > 7)
    return { kind: "return", fromState: anchor.slice(7) };
  return null;
}
