import { describe, expect, it } from "vitest";

import {
  activityAnchor,
  activityAnchorPattern,
  isChoosableAnchor,
  parseCommentAnchor,
  returnAnchor,
  torAnchor,
  torAnchorPattern,
} from "@/domain/comment-anchor";
import { commentSchema } from "@/domain/designation-form";

describe("comment anchors", () => {
  it("round-trips a term-of-reference, an activity and a return anchor", () => {
    expect(parseCommentAnchor(torAnchor(42))).toEqual({ kind: "tor", torItemId: 42 });
    expect(parseCommentAnchor(activityAnchor(7))).toEqual({ kind: "activity", activityId: 7 });
    expect(parseCommentAnchor(returnAnchor("SUBMITTED"))).toEqual({ kind: "return", fromState: "SUBMITTED" });
    expect(torAnchorPattern.test(torAnchor(7))).toBe(true);
    expect(activityAnchorPattern.test(activityAnchor(123456789))).toBe(true);
  });

  it("reads none, and unknown or malformed anchors, as no anchor", () => {
    for (const anchor of [
      null,
      undefined,
      "",
      "tor:",
      "tor:x",
      "tor:12a",
      "activity:",
      "activity:-1",
      "activity:1.5",
      "activity:1234567890",
      "activities:3",
      "return:",
      "section:difficulties",
    ]) {
      expect(parseCommentAnchor(anchor)).toBeNull();
    }
  });

  it("lets a person choose only a ToR item or an activity", () => {
    expect(isChoosableAnchor(torAnchor(1))).toBe(true);
    expect(isChoosableAnchor(activityAnchor(1))).toBe(true);
    for (const anchor of [
      returnAnchor("SUBMITTED"),
      "activity:x",
      "tor:1 ",
      "<script>",
      "activity:1;tor:2",
    ]) {
      expect(isChoosableAnchor(anchor), anchor).toBe(false);
    }
  });

  it("is checked by the comment form's schema", () => {
    const comment = { designationId: "4", body: "About this activity", visibility: "CENTRE" };
    expect(commentSchema.parse({ ...comment, anchor: "activity:9" }).anchor).toBe("activity:9");
    expect(commentSchema.parse({ ...comment, anchor: "" }).anchor).toBeNull();
    for (const anchor of ["return:SUBMITTED", "activity:abc", "centre:3"]) {
      expect(commentSchema.safeParse({ ...comment, anchor }).error?.issues[0]?.path, anchor).toEqual([
        "anchor",
      ]);
    }
  });
});
