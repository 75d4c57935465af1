// Who at the institution can act on a designation form (issue #12 item 5):
// the centre's staff accounts. An officer who sends a brand-new centre's
// proposal learns at once that nobody there has an account yet, instead of
// discovering "Invite centre staff" alone.

export type StaffAccountState = "active" | "invited" | "disabled";

/** An account can act once its owner has set a password and while it is not disabled. */
export function staffAccountState(account: { hasPassword: boolean; disabled: boolean }): StaffAccountState {
  if (account.disabled) return "disabled";
  return account.hasPassword ? "active" : "invited";
}

/** The state's name wherever accounts are administered (the people list and a person's page). */
export const accountStateLabels: Record<StaffAccountState, string> = {
  active: "Active",
  invited: "Invited, no password yet",
  disabled: "Disabled",
};

/** What the state means for the designation form, beside each staff account on the designation's page. */
export const staffAccountStateLabels: Record<StaffAccountState, string> = {
  active: "can sign in and complete the form",
  invited: "invited, has not set a password yet",
  disabled: "account disabled",
};
