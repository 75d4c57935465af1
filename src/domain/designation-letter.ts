import { addDays, formatIsoDate, fromIsoDate, toIsoDate } from "./dates";
import type { IsoDate } from "./term";

// The words of the designation letter, built once from the designated record
// and laid out twice: as the printable HTML page and as the PDF. Both render
// these blocks and nothing else, so the two can never say different things.

/** A piece of a paragraph; `strong` pieces are set in bold. */
export type LetterRun = { text: string; strong?: boolean };

export type LetterContent = {
  organisation: string;
  region: string;
  /** "Our reference: …" with the letter's date. */
  referenceLine: string;
  /** The addressee, one line each, empty lines left out. */
  address: string[];
  title: string;
  opening: LetterRun[];
  torHeading: string;
  torItems: string[];
  closing: string;
  signOff: string[];
  /** The file name of the PDF, ASCII only (it goes into a header). */
  fileName: string;
};

export type LetterFacts = {
  kind: "INITIAL" | "REDESIGNATION";
  letterReference: string | null;
  letterDate: IsoDate;
  termYears: number | null;
  termStart: IsoDate;
  termEnd: IsoDate;
  approverName: string | null;
  frozenVersion: number | null;
  headOfCentreName: string | null;
  headOfCentreTitle: string | null;
  centre: {
    reference: string;
    title: string;
    country: { name: string };
    region: { name: string };
    institution: {
      name: string;
      department: string | null;
      address: string | null;
      city: string | null;
      postalCode: string | null;
    } | null;
  };
  termsOfReference: { text: string }[];
};

const present = (lines: (string | null | undefined)[]) =>
  lines.map((line) => line?.trim() ?? "").filter((line) => line !== "");

export function designationLetterContent(letter: LetterFacts): LetterContent {
  const institution = letter.centre.institution;
  const redesignation = letter.kind === "REDESIGNATION";
  // The term covers [start, end): the last day of the designation is the day before the end date.
  const lastDay = toIsoDate(addDays(fromIsoDate(letter.termEnd), -1));
  const years = letter.termYears ?? 0;
  const place = [institution?.postalCode, institution?.city].filter(Boolean).join(" ");
  const reference = letter.letterReference ?? letter.centre.reference;
  return {
    organisation: "World Health Organization",
    region: letter.centre.region.name,
    referenceLine: `Our reference: ${reference} · ${formatIsoDate(letter.letterDate)}`,
    address: present([
      letter.headOfCentreName,
      letter.headOfCentreTitle,
      institution?.department,
      institution?.name,
      institution?.address,
      place ? `${place}, ${letter.centre.country.name}` : letter.centre.country.name,
    ]),
    title: `${redesignation ? "Redesignation" : "Designation"} as a ${letter.centre.title}`,
    opening: [
      {
        text: `I am pleased to inform you that ${institution?.name ?? "your institution"} has been ${
          redesignation ? "redesignated" : "designated"
        } as the `,
      },
      { text: letter.centre.title, strong: true },
      {
        text: ` (reference ${letter.centre.reference}) for a term of ${years} ${
          years === 1 ? "year" : "years"
        }, from ${formatIsoDate(letter.termStart)} to ${formatIsoDate(lastDay)}.`,
      },
    ],
    torHeading: `Terms of reference (approved version ${letter.frozenVersion ?? 1})`,
    torItems: letter.termsOfReference.map((item) => item.text),
    closing:
      "The centre will report on its activities each year of the term, within the registry. We look forward to our collaboration.",
    signOff: present(["Yours sincerely,", letter.approverName]),
    fileName: `designation-letter-${reference.replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-+|-+$/g, "")}.pdf`,
  };
}
