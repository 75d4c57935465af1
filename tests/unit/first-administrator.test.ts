import { describe, expect, it } from "vitest";

import { firstAdministratorOutcome } from "@/domain/first-administrator";

describe("firstAdministratorOutcome", () => {
  const none = null;
  const active = { disabled: false, administrator: false };
  const activeAdmin = { disabled: false, administrator: true };
  const disabled = { disabled: true, administrator: false };

  it("creates the first administrator of an empty registry", () => {
    expect(firstAdministratorOutcome({ activeAdministrators: 0, account: none, force: false })).toEqual({
      kind: "create",
    });
  });

  it("makes an existing account the first administrator", () => {
    expect(firstAdministratorOutcome({ activeAdministrators: 0, account: active, force: false })).toEqual({
      kind: "grant",
    });
  });

  it("refuses while an active administrator exists, naming how many, unless forced", () => {
    const one = firstAdministratorOutcome({ activeAdministrators: 1, account: none, force: false });
    expect(one).toMatchObject({
      kind: "refused",
      reason: expect.stringContaining("an active administrator"),
    });
    const two = firstAdministratorOutcome({ activeAdministrators: 2, account: active, force: false });
    expect(two).toMatchObject({
      kind: "refused",
      reason: expect.stringContaining("2 active administrators"),
    });
    expect(firstAdministratorOutcome({ activeAdministrators: 2, account: none, force: true })).toEqual({
      kind: "create",
    });
    expect(firstAdministratorOutcome({ activeAdministrators: 1, account: activeAdmin, force: true })).toEqual(
      {
        kind: "grant",
      },
    );
  });

  it("never revives a disabled account, forced or not", () => {
    for (const force of [false, true])
      for (const activeAdministrators of [0, 3])
        expect(firstAdministratorOutcome({ activeAdministrators, account: disabled, force })).toMatchObject({
          kind: "refused",
          reason: expect.stringContaining("disabled"),
        });
  });
});
