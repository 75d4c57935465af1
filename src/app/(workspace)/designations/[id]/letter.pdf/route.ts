import { getLocale } from "next-intl/server";

import { designationLetterContent } from "@/domain/designation-letter";
import { parseLetterLanguage } from "@/i18n/letter-language";
import { designationLetterPdf } from "@/server/documents/designation-letter-pdf";
import { letterWords } from "@/server/documents/letter-words";
import { loadPageRecord } from "@/server/policy/page-record";
import { designationLetter } from "@/server/queries/designation-letter";

export const dynamic = "force-dynamic";

/**
 * The designation letter as a PDF: the same reader check and the same words
 * as the HTML letter (designated records only; anyone else gets not-found),
 * in the language asked for (`?lang=`, decision 0031), else the reader's.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const language = parseLetterLanguage(new URL(request.url).searchParams);
  if (!language.ok) {
    return Response.json(
      { error: { code: "malformed_request", message: language.message } },
      { status: 400, headers: { "Cache-Control": "no-store" } },
    );
  }
  const { record: letter } = await loadPageRecord(
    { id, path: `/designations/${id}/letter.pdf${language.locale ? `?lang=${language.locale}` : ""}` },
    designationLetter,
  );
  const content = designationLetterContent(letter, await letterWords(language.locale ?? (await getLocale())));
  const bytes = await designationLetterPdf(content, { letterDate: letter.letterDate });
  return new Response(new Blob([bytes.slice()], { type: "application/pdf" }), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${content.fileName}"`,
      "Content-Language": content.lang,
      // A personal document: never kept by a shared cache.
      "Cache-Control": "private, no-store",
    },
  });
}
