import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { getLocaleHref } from "@/i18n/server";
import { getViewer } from "@/server/auth/viewer";
import { signOutAction } from "@/server/commands/actions";

// The signed-in person's corner of the header: a sign-in link for visitors;
// the person's name, My work and sign out for everyone signed in.
export async function AccountNav() {
  const viewer = await getViewer();
  const t = await getTranslations("Account");
  const href = await getLocaleHref();
  if (!viewer) {
    return (
      <nav aria-label={t("label")} className="text-sm font-medium">
        {/* Plain link: not prefetched on every public page (decision 0024). */}
        <a href={href("/sign-in")}>{t("signIn")}</a>
      </nav>
    );
  }
  return (
    <nav aria-label={t("label")} className="flex flex-wrap items-center gap-4 text-sm">
      <span className="text-muted" data-testid="signed-in-as">
        {viewer.name}
      </span>
      <Link href={href("/my-work")} className="font-medium">
        {t("myWork")}
      </Link>
      <form action={signOutAction}>
        <button
          type="submit"
          className="font-medium text-brand-700 underline underline-offset-[3px] hover:text-brand-800"
        >
          {t("signOut")}
        </button>
      </form>
    </nav>
  );
}
