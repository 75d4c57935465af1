import Link from "next/link";
import type { ReactNode } from "react";

/** The title of a page reached from My work (a designation, a report, an evaluation), under the way back. */
export function MyWorkHeading({ trail, children }: { trail: string; children: ReactNode }) {
  return (
    <>
      <p className="text-sm">
        <Link href="/my-work">My work</Link> / {trail}
      </p>
      <h1 className="text-3xl font-semibold tracking-tight text-brand-800">{children}</h1>
    </>
  );
}
