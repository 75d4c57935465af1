import { describe, expect, it } from "vitest";

import {
  accountStateLabels,
  staffAccountState,
  staffAccountStateLabels,
  type StaffAccountState,
} from "@/domain/institution-staff";

describe("staffAccountState", () => {
  it.each([
    [{ hasPassword: true, disabled: false }, "active"],
    [{ hasPassword: false, disabled: false }, "invited"],
    [{ hasPassword: true, disabled: true }, "disabled"],
    [{ hasPassword: false, disabled: true }, "disabled"],
  ] as const)("%o is %s", (account, state) => {
    expect(staffAccountState(account)).toBe(state);
  });
});

describe("account state labels", () => {
  const states: StaffAccountState[] = ["active", "invited", "disabled"];

  it("name every state once, each differently, for the administrators' pages", () => {
    expect(Object.keys(accountStateLabels).sort()).toEqual([...states].sort());
    expect(new Set(states.map((state) => accountStateLabels[state])).size).toBe(states.length);
    expect(accountStateLabels).toEqual({
      active: "Active",
      invited: "Invited, no password yet",
      disabled: "Disabled",
    });
  });

  it("explain every state for the designation's page", () => {
    expect(Object.keys(staffAccountStateLabels).sort()).toEqual([...states].sort());
  });
});
