import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { safeNext } from "@/server/commands/sign-in";
import { siteOrigin } from "@/server/public-api/site-origin";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("WrongAddress");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Where the proxy sends a person whose browser reached this server under
// another name than APP_URL and tried to change something (sign in, save):
// those requests are accepted only from the configured address
// (src/server/auth/origin-guard.ts, decision 0012).
export default async function WrongAddressPage({ searchParams }: Props) {
  const from = (await searchParams).from;
  const address = siteOrigin();
  const target = `${address}${typeof from === "string" && from.startsWith("/") ? safeNext(from) : "/"}`;
  const t = await getTranslations("WrongAddress");
  // The address is a URL: left to right inside any sentence.
  return (
    <div className="max-w-2xl space-y-4" role="alert">
      <h1 className="text-2xl font-semibold text-brand-800">{t("heading")}</h1>
      <p>
        {t.rich("text", {
          address,
          strong: (chunks) => (
            <strong>
              <bdi>{chunks}</bdi>
            </strong>
          ),
        })}
      </p>
      <p>
        <a href={target}>{t("continue", { address })}</a>
      </p>
    </div>
  );
}
