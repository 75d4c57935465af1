import { describe, expect, it } from "vitest";

import { activitySchema, formDetailsSchema, torItemSchema } from "@/domain/designation-form";
import { eligibilityOf, proposalSchema } from "@/domain/designation-proposal";
import { eligibilityCriteria } from "@/domain/eligibility";

const base = { designationId: "3", version: "2" };
const firstError = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues[0]?.path[0];

describe("designation form inputs", () => {
  it("refuses an empty ToR item or activity at the field", () => {
    expect(firstError(torItemSchema.safeParse({ ...base, itemId: "", text: "  " }))).toBe("text");
    const activity = {
      ...base,
      itemId: "",
      torItemId: "5",
      title: "Review",
      activityTypeId: "1",
      description: "A review.",
      deliverables: "A report.",
      timeframe: "Year 1",
      responsiblePerson: "Prof. A",
    };
    expect(activitySchema.safeParse(activity).success).toBe(true);
    for (const field of ["title", "description", "deliverables", "timeframe", "responsiblePerson"]) {
      expect(firstError(activitySchema.safeParse({ ...activity, [field]: "" })), field).toBe(field);
    }
    expect(firstError(activitySchema.safeParse({ ...activity, torItemId: "" }))).toBe("torItemId");
  });

  it("treats an empty item id as new and refuses a tampered one", () => {
    expect(torItemSchema.parse({ ...base, itemId: "", text: "x" }).itemId).toBeNull();
    expect(torItemSchema.parse({ ...base, itemId: "7", text: "x" }).itemId).toBe(7);
    expect(firstError(torItemSchema.safeParse({ ...base, itemId: "-1", text: "x" }))).toBe("itemId");
  });

  it("rejects extra fields such as a status or another centre's id", () => {
    for (const extra of [{ state: "DESIGNATED" }, { centreId: "9" }]) {
      const result = formDetailsSchema.safeParse({ ...base, ...extra });
      expect(result.error?.issues[0]?.code).toBe("unrecognized_keys");
    }
  });

  it("checks the head of centre's e-mail and the website, allowing them empty", () => {
    expect(formDetailsSchema.parse({ ...base, headOfCentreEmail: "", website: "" })).toMatchObject({
      headOfCentreEmail: null,
      website: null,
    });
    expect(firstError(formDetailsSchema.safeParse({ ...base, headOfCentreEmail: "nope" }))).toBe(
      "headOfCentreEmail",
    );
    expect(firstError(formDetailsSchema.safeParse({ ...base, website: "javascript:alert(1)" }))).toBe(
      "website",
    );
  });
});

describe("proposal input", () => {
  const criteria = Object.fromEntries(
    eligibilityCriteria.flatMap((criterion) => [
      [`${criterion.key}Met`, "yes"],
      [`${criterion.key}Justification`, "Documented in the file."],
    ]),
  );
  const proposal = {
    institutionName: "Institute",
    department: "",
    title: "WHO Collaborating Centre for Health Data",
    countryId: "1",
    unitId: "2",
    initiator: "EURO",
    jointWorkStart: "2022-01-01",
    jointWorkEnd: "2024-01-01",
    ...criteria,
  };

  it("accepts a complete proposal and stores the checklist", () => {
    const parsed = proposalSchema.parse(proposal);
    expect(eligibilityOf(parsed)).toMatchObject({ scientificStanding: { met: true } });
  });

  it("needs two years of joint work, every criterion met and justified, and a proper title", () => {
    expect(firstError(proposalSchema.safeParse({ ...proposal, jointWorkEnd: "2023-12-31" }))).toBe(
      "jointWorkEnd",
    );
    expect(firstError(proposalSchema.safeParse({ ...proposal, stabilityMet: "no" }))).toBe("stabilityMet");
    expect(firstError(proposalSchema.safeParse({ ...proposal, relevanceJustification: "short" }))).toBe(
      "relevanceJustification",
    );
    expect(firstError(proposalSchema.safeParse({ ...proposal, title: "Health Data" }))).toBe("title");
    expect(firstError(proposalSchema.safeParse({ ...proposal, jointWorkStart: "2022-02-30" }))).toBe(
      "jointWorkStart",
    );
    expect(proposalSchema.safeParse({ ...proposal, status: "ACTIVE" }).error?.issues[0]?.code).toBe(
      "unrecognized_keys",
    );
  });
});
