import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import { getLocaleHref } from "@/i18n/server";

/** The title of a page reached from My work (a designation, a report, an evaluation), under the way back. */
export async function MyWorkHeading({ trail, children }: { trail: string; children: ReactNode }) {
  const [t, href] = await Promise.all([getTranslations("WorkspaceHeading"), getLocaleHref()]);
  return (
    <>
      <p className="text-sm">
        <Link href={href("/my-work")}>{t("myWork")}</Link> / {trail}
      </p>
      <h1 className="text-3xl font-semibold tracking-tight text-brand-800">{children}</h1>
    </>
  );
}
