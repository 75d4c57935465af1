import { notFound } from "next/navigation";

import { designationLetterContent } from "@/domain/designation-letter";
import { designationLetterPdf } from "@/server/documents/designation-letter-pdf";
import { AccessDenied } from "@/server/policy/authorize";
import { requirePage } from "@/server/policy/page-guard";
import { designationLetter } from "@/server/queries/designation-letter";

export const dynamic = "force-dynamic";

/**
 * The designation letter as a PDF: the same reader check and the same words
 * as the HTML letter (designated records only; anyone else gets not-found).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requirePage("workspace.my-work", null, `/designations/${id}/letter.pdf`);
  if (!/^\d{1,9}$/.test(id)) notFound();
  const letter = await designationLetter(viewer, Number(id)).catch((error: unknown) => {
    if (error instanceof AccessDenied) notFound();
    throw error;
  });
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
