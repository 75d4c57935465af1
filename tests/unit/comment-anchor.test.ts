import { describe, expect, it } from "vitest";

import { parseCommentAnchor, returnAnchor, torAnchor, torAnchorPattern } from "@/domain/comment-anchor";

describe("comment anchors", () => {
  it("round-trips a term-of-reference anchor and a return anchor", () => {
    expect(parseCommentAnchor(torAnchor(42))).toEqual({ kind: "tor", torItemId: 42 });
    expect(parseCommentAnchor(returnAnchor("SUBMITTED"))).toEqual({ kind: "return", fromState: "SUBMITTED" });
    expect(torAnchorPattern.test(torAnchor(7))).toBe(true);
  });

  it("reads none, and unknown or malformed anchors, as no anchor", () => {
    for (const anchor of [
      null,
      undefined,
      "",
      "tor:",
      "tor:x",
      "tor:12a",
      "return:",
      "section:difficulties",
    ]) {
      expect(parseCommentAnchor(anchor)).toBeNull();
    }
  });
});
