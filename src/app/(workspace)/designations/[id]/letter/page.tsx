import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";

import { designationLetterContent, type LetterRun } from "@/domain/designation-letter";
import { parseLetterLanguage } from "@/i18n/letter-language";
import { getLocaleHref } from "@/i18n/server";
import { letterWords } from "@/server/documents/letter-words";
import { loadPageRecord } from "@/server/policy/page-record";
import { designationLetter } from "@/server/queries/designation-letter";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Letter");
  return { title: t("pageTitle") };
}

/** Runs of a paragraph: centre content isolated in <bdi> (its own direction), bold where strong. */
function Runs({ runs }: { runs: LetterRun[] }) {
  return runs.map((run, index) => {
    const text = run.isolate ? <bdi>{run.text}</bdi> : run.text;
    return run.strong ? <strong key={index}>{text}</strong> : <span key={index}>{text}</span>;
  });
}

export default async function DesignationLetterPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  // The proxy has refused a bad ?lang= with a 400 already (a page cannot); the same schema here.
  const search = new URLSearchParams();
  for (const value of [query.lang ?? []].flat()) search.append("lang", value);
  const language = parseLetterLanguage(search);
  if (!language.ok) notFound();
  const { record: letter } = await loadPageRecord(
    { id, path: `/designations/${id}/letter${language.locale ? `?lang=${language.locale}` : ""}` },
    designationLetter,
  );
  const [t, href] = await Promise.all([getTranslations("Letter"), getLocaleHref()]);
  // The same words as the PDF (designation-letter.ts builds both), in the letter's language.
  const content = designationLetterContent(letter, await letterWords(language.locale ?? (await getLocale())));
  const pdfHref = href(`/designations/${id}/letter.pdf?lang=${content.lang}`);
  return (
    <div className="mx-auto max-w-3xl space-y-3">
      <article
        lang={content.lang}
        dir={content.dir}
        className="space-y-6 rounded-lg border border-slate-200 bg-white p-10 print:border-0 print:p-0"
      >
        <header className="space-y-1 border-b border-slate-200 pb-4">
          <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">
            {content.organisation}
          </p>
          <p className="text-sm text-muted">{content.region}</p>
          <p className="text-sm">
            <Runs runs={content.referenceLine} />
          </p>
        </header>
        <address className="not-italic">
          {content.address.map((line, index) => (
            <p key={index}>
              <Runs runs={line} />
            </p>
          ))}
        </address>
        <h1 className="text-2xl font-semibold text-brand-800">
          <Runs runs={content.title} />
        </h1>
        <p>
          <Runs runs={content.opening} />
        </p>
        <section aria-labelledby="letter-tor" className="space-y-2">
          <h2 id="letter-tor" className="font-semibold">
            {content.torHeading}
          </h2>
          <ol className="list-decimal space-y-1 ps-6">
            {content.torItems.map((text, index) => (
              <li key={index}>
                <bdi>{text}</bdi>
              </li>
            ))}
          </ol>
        </section>
        <p>{content.closing}</p>
        <p>
          {content.signOff.map((line, index) => (
            <span key={index} className="block">
              <Runs runs={line} />
            </span>
          ))}
        </p>
      </article>
      <p className="text-sm text-muted print:hidden">
        {t.rich("pdfHint", {
          link: (chunks) => (
            <a href={pdfHref} className="underline">
              {chunks}
            </a>
          ),
        })}
      </p>
    </div>
  );
}
