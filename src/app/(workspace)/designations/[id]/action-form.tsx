import { getTranslations } from "next-intl/server";

import { ActionFormClient, type ActionFormProps } from "./action-form-client";

export type { FieldSpec } from "./action-form-client";

/**
 * One small form of the designation page (and of a report's review): the
 * client form, given its own words in the page's language here on the server.
 */
export async function ActionForm(props: ActionFormProps) {
  const [t, tForm] = await Promise.all([
    getTranslations("DesignationActionForm"),
    getTranslations("WorkspaceForm"),
  ]);
  return (
    <ActionFormClient
      {...props}
      words={{ error: t("error"), choose: t("choose"), pleaseWait: tForm("pleaseWait") }}
    />
  );
}
