import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { addDays, formatIsoDate, fromIsoDate, toIsoDate } from "@/domain/dates";
import { AccessDenied } from "@/server/policy/authorize";
import { requirePage } from "@/server/policy/page-guard";
import { designationLetter } from "@/server/queries/designation-letter";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Designation letter" };

export default async function DesignationLetterPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requirePage("workspace.my-work", null, `/designations/${id}/letter`);
  if (!/^\d{1,9}$/.test(id)) notFound();
  const letter = await designationLetter(viewer, Number(id)).catch((error: unknown) => {
    if (error instanceof AccessDenied) notFound();
    throw error;
  });
  const institution = letter.centre.institution;
  // The term covers [start, end): the last day of the designation is the day before the end date.
  const lastDay = toIsoDate(addDays(fromIsoDate(letter.termEnd), -1));
  return (
    <article className="mx-auto max-w-3xl space-y-6 rounded-lg border border-slate-200 bg-white p-10 print:border-0 print:p-0">
      <header className="space-y-1 border-b border-slate-200 pb-4">
        <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">
          World Health Organization
        </p>
        <p className="text-sm text-muted">{letter.centre.region.name}</p>
        <p className="text-sm">
          Our reference: {letter.letterReference} · {formatIsoDate(letter.letterDate)}
        </p>
      </header>
      <address className="not-italic">
        {letter.headOfCentreName && <p>{letter.headOfCentreName}</p>}
        {letter.headOfCentreTitle && <p>{letter.headOfCentreTitle}</p>}
        {institution?.department && <p>{institution.department}</p>}
        {institution && <p>{institution.name}</p>}
        {institution?.address && <p>{institution.address}</p>}
        <p>
          {[institution?.postalCode, institution?.city].filter(Boolean).join(" ")}
          {institution?.city || institution?.postalCode ? ", " : ""}
          {letter.centre.country.name}
        </p>
      </address>
      <h1 className="text-2xl font-semibold text-brand-800">
        {letter.kind === "REDESIGNATION" ? "Redesignation" : "Designation"} as a {letter.centre.title}
      </h1>
      <p>
        I am pleased to inform you that {institution?.name ?? "your institution"} has been{" "}
        {letter.kind === "REDESIGNATION" ? "redesignated" : "designated"} as the{" "}
        <strong>{letter.centre.title}</strong> (reference {letter.centre.reference}) for a term of{" "}
        {letter.termYears} {letter.termYears === 1 ? "year" : "years"}, from {formatIsoDate(letter.termStart)}{" "}
        to {formatIsoDate(lastDay)}.
      </p>
      <section aria-labelledby="letter-tor" className="space-y-2">
        <h2 id="letter-tor" className="font-semibold">
          Terms of reference (approved version {letter.frozenVersion})
        </h2>
        <ol className="list-decimal space-y-1 pl-6">
          {letter.termsOfReference.map((item) => (
            <li key={item.id}>{item.text}</li>
          ))}
        </ol>
      </section>
      <p>
        The centre will report on its activities each year of the term, within the registry. We look forward
        to our collaboration.
      </p>
      <p>
        Yours sincerely,
        <br />
        {letter.approverName}
      </p>
      <p className="text-sm text-muted print:hidden">
        Use your browser&apos;s print command to print or save as PDF.
      </p>
    </article>
  );
}
