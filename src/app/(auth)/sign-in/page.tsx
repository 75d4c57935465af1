import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { getViewer } from "@/server/auth/viewer";
import { safeNext } from "@/server/commands/sign-in";

import { SignInForm } from "./sign-in-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const first = (key: string) => (typeof params[key] === "string" ? params[key] : undefined);
  const next = first("next");
  if (await getViewer()) redirect(safeNext(next));
  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight text-brand-800">Sign in</h1>
      {first("password") === "set" && (
        <p role="status" className="rounded-md border-l-4 border-green-700 bg-green-50 p-4 text-green-900">
          Your password is set. Sign in with it now.
        </p>
      )}
      <p className="text-muted">
        For WHO staff and staff of collaborating centres. The public directory needs no account.
      </p>
      <SignInForm next={next ? safeNext(next) : undefined} email={first("email")?.slice(0, 320)} />
    </div>
  );
}
