import Link from "next/link";

import { getViewer } from "@/server/auth/viewer";
import { signOutAction } from "@/server/commands/actions";

// The signed-in person's corner of the header: a sign-in link for visitors;
// the person's name, My work and sign out for everyone signed in.
export async function AccountNav() {
  const viewer = await getViewer();
  if (!viewer) {
    return (
      <nav aria-label="Account" className="text-sm font-medium">
        {/* Plain link: not prefetched on every public page (decision 0024). */}
        <a href="/sign-in">Sign in</a>
      </nav>
    );
  }
  return (
    <nav aria-label="Account" className="flex flex-wrap items-center gap-4 text-sm">
      <span className="text-muted" data-testid="signed-in-as">
        {viewer.name}
      </span>
      <Link href="/my-work" className="font-medium">
        My work
      </Link>
      <form action={signOutAction}>
        <button
          type="submit"
          className="font-medium text-brand-700 underline underline-offset-[3px] hover:text-brand-800"
        >
          Sign out
        </button>
      </form>
    </nav>
  );
}
