// What a comment is about, stored in Comment.anchor as a short string:
// "tor:<item id>" for a term of reference, "return:<state>" for the note that
// came with a return from that state, null for the whole record.
export type CommentAnchor = { kind: "tor"; torItemId: number } | { kind: "return"; fromState: string };

export const torAnchorPattern = /^tor:\d{1,9}$/;

export function torAnchor(torItemId: number): string {
  return `tor:${torItemId}`;
}

export function returnAnchor(fromState: string): string {
  return `return:${fromState}`;
}

/** The anchor's meaning, or null for none or one this version does not know. */
export function parseCommentAnchor(anchor: string | null | undefined): CommentAnchor | null {
  if (!anchor) return null;
  if (torAnchorPattern.test(anchor)) return { kind: "tor", torItemId: Number(anchor.slice(4)) };
  if (anchor.startsWith("return:") && anchor.length > 7)
    return { kind: "return", fromState: anchor.slice(7) };
  return null;
}
