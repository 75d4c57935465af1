export const twoFactorSetupPath = "/account/two-factor";
