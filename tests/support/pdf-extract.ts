import { extractText } from "unpdf";

// The text of a PDF as a reader extracts it: pdf.js (through unpdf), which
// reorders right-to-left text the way copying from a PDF viewer does. One
// line per line of the page; NFKC as pdf.js applies it to some characters
// (fullwidth punctuation, presentation forms), applied to all for comparing.
export async function extractPdfText(pdf: Uint8Array): Promise<string> {
  const { text } = await extractText(new Uint8Array(pdf), { mergePages: true });
  return text.normalize("NFKC");
}
