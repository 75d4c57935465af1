import type { Metadata } from "next";

import { safeNext } from "@/server/commands/sign-in";
import { siteOrigin } from "@/server/public-api/site-origin";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Use the registry's address" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Where the proxy sends a person whose browser reached this server under
// another name than APP_URL and tried to change something (sign in, save):
// those requests are accepted only from the configured address
// (src/server/auth/origin-guard.ts, decision 0012).
export default async function WrongAddressPage({ searchParams }: Props) {
  const from = (await searchParams).from;
  const address = siteOrigin();
  const target = `${address}${typeof from === "string" && from.startsWith("/") ? safeNext(from) : "/"}`;
  return (
    <div className="max-w-2xl space-y-4" role="alert">
      <h1 className="text-2xl font-semibold text-brand-800">Open the registry at its own address</h1>
      <p>
        This registry&apos;s address is <strong>{address}</strong>. You reached it under another name, and for
        your safety it accepts sign-ins and changes only from its own address. Nothing was changed.
      </p>
      <p>
        <a href={target}>Continue at {address}</a>
      </p>
    </div>
  );
}
