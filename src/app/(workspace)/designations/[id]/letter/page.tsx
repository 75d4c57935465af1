import type { Metadata } from "next";

import { designationLetterContent } from "@/domain/designation-letter";
import { loadPageRecord } from "@/server/policy/page-record";
import { designationLetter } from "@/server/queries/designation-letter";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Designation letter" };

export default async function DesignationLetterPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { record: letter } = await loadPageRecord(
    { id, path: `/designations/${id}/letter` },
    designationLetter,
  );
  // The same words as the PDF (designation-letter.ts builds both).
  const content = designationLetterContent(letter);
  return (
    <article className="mx-auto max-w-3xl space-y-6 rounded-lg border border-slate-200 bg-white p-10 print:border-0 print:p-0">
      <header className="space-y-1 border-b border-slate-200 pb-4">
        <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">{content.organisation}</p>
        <p className="text-sm text-muted">{content.region}</p>
        <p className="text-sm">{content.referenceLine}</p>
      </header>
      <address className="not-italic">
        {content.address.map((line, index) => (
          <p key={index}>{line}</p>
        ))}
      </address>
      <h1 className="text-2xl font-semibold text-brand-800">{content.title}</h1>
      <p>
        {content.opening.map((run, index) =>
          run.strong ? <strong key={index}>{run.text}</strong> : <span key={index}>{run.text}</span>,
        )}
      </p>
      <section aria-labelledby="letter-tor" className="space-y-2">
        <h2 id="letter-tor" className="font-semibold">
          {content.torHeading}
        </h2>
        <ol className="list-decimal space-y-1 pl-6">
          {content.torItems.map((text, index) => (
            <li key={index}>{text}</li>
          ))}
        </ol>
      </section>
      <p>{content.closing}</p>
      <p>
        {content.signOff.map((line, index) => (
          <span key={index} className="block">
            {line}
          </span>
        ))}
      </p>
      <p className="text-sm text-muted print:hidden">
        <a href={`/designations/${id}/letter.pdf`} className="underline">
          Download the letter as PDF
        </a>{" "}
        or use your browser&apos;s print command.
      </p>
    </article>
  );
}
