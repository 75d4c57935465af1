import { designationLetterContent } from "@/domain/designation-letter";
import { designationLetterPdf } from "@/server/documents/designation-letter-pdf";
import { loadPageRecord } from "@/server/policy/page-record";
import { designationLetter } from "@/server/queries/designation-letter";

export const dynamic = "force-dynamic";

/**
 * The designation letter as a PDF: the same reader check and the same words
 * as the HTML letter (designated records only; anyone else gets not-found).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { record: letter } = await loadPageRecord(
    { id, path: `/designations/${id}/letter.pdf` },
    designationLetter,
  );
  const content = designationLetterContent(letter);
  const bytes = await designationLetterPdf(content, {
    letterDate: letter.letterDate,
    reference: letter.letterReference ?? letter.centre.reference,
  });
  return new Response(new Blob([bytes.slice()], { type: "application/pdf" }), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${content.fileName}"`,
      // A personal document: never kept by a shared cache.
      "Cache-Control": "private, no-store",
    },
  });
}
