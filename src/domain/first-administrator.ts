// `npm run admin:create` (README, "Production"): who may be made an
// administrator from the server's command line. The command line has no
// viewer, so the rule is its own guard: it creates the first administrator,
// and a further one only when the operator says so (a lost password is what
// reset links are for, not a second account).

export type AdministratorAccount = { disabled: boolean; administrator: boolean } | null;

export type FirstAdministratorOutcome =
  { kind: "create" } | { kind: "grant" } | { kind: "refused"; reason: string };

export function firstAdministratorOutcome(input: {
  activeAdministrators: number;
  account: AdministratorAccount;
  force: boolean;
}): FirstAdministratorOutcome {
  const { activeAdministrators, account, force } = input;
  if (account?.disabled)
    return {
      kind: "refused",
      reason: "This account is disabled: an administrator can enable it on its page in the registry.",
    };
  if (activeAdministrators > 0 && !force)
    return {
      kind: "refused",
      reason: `The registry already has ${activeAdministrators === 1 ? "an active administrator" : `${activeAdministrators} active administrators`}: they can invite another one. Add --force to create one anyway.`,
    };
  if (!account) return { kind: "create" };
  return { kind: "grant" };
}
