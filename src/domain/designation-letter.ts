import { textDirection, type Locale } from "@/i18n/locales";

import { addDays, fromIsoDate, toIsoDate } from "./dates";
import type { IsoDate } from "./term";

// The words of the designation letter, built once from the designated record
// and laid out twice: as the printable HTML page and as the PDF. Both render
// these blocks and nothing else, so the two can never say different things.
// The letter is written in the language the officer chose for it (any of the
// six); our words come from the catalogues (`Letter.*`) through `words`, the
// centre's own content (its title, terms of reference, names and address)
// stays as it was written.

/**
 * A piece of a paragraph; `strong` pieces are set in bold. `isolate` marks
 * centre content inside our sentence: it keeps its own direction (an English
 * title in an Arabic sentence), as <bdi> does in HTML.
 */
export type LetterRun = { text: string; strong?: boolean; isolate?: boolean };

export type LetterContent = {
  /** The letter's language and direction (the HTML root's lang and dir, the PDF's /Lang and alignment). */
  lang: Locale;
  dir: "ltr" | "rtl";
  organisation: string;
  region: string;
  /** "Our reference: …" with the letter's date. */
  referenceLine: LetterRun[];
  /** The addressee, one line each, empty lines left out; the centre's own lines are isolated runs. */
  address: LetterRun[][];
  title: LetterRun[];
  opening: LetterRun[];
  torHeading: string;
  /** Centre content, as approved. */
  torItems: string[];
  closing: string;
  signOff: LetterRun[][];
  /** The PDF's metadata subject. */
  subject: string;
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
    /** The ISO 3166 code, when the country named has one: the name is then said in the letter's language. */
    country: { name: string; isoCode?: string | null };
    /** WHO's region code (AFRO…): the name is then the catalogue's. */
    region: { name: string; code?: string | null };
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

/** The messages of the `Letter` namespace the letter itself uses. */
export type LetterMessage =
  | "organisation"
  | "referenceLine"
  | "placeAndCountry"
  | "title"
  | "opening"
  | "torHeading"
  | "closing"
  | "signOff"
  | "subject";

/** The letter's language, as the server hands it over: no I/O here. */
export type LetterWords = {
  locale: Locale;
  /** A `Letter.*` message in the letter's language, formatted (ICU) with the values. */
  t: (key: LetterMessage, values?: Record<string, string | number>) => string;
  /** A calendar day, written out in the letter's language. */
  date: (day: IsoDate) => string;
  /** The region's name in the letter's language, or null for a code the catalogue lacks. */
  regionName: (code: string) => string | null;
  /** The country's name in the letter's language from its ISO code, or null when there is none. */
  countryName: (isoCode: string) => string | null;
};

const present = (lines: (string | null | undefined)[]) =>
  lines.map((line) => line?.trim() ?? "").filter((line) => line !== "");

// Stands for a value inside a formatted message, so the message can be cut
// into runs around it: each language orders its own sentence, and the value
// (centre content) still becomes its own run. A private-use character, which
// no catalogue and no record holds (it is removed from values first).
const SLOT = "\uE000";
const slotPattern = new RegExp(`${SLOT}(\\d+)${SLOT}`, "g");

/**
 * A message cut into runs: `slots` are the values that are centre content,
 * each becomes an isolated run (bold when `strong`).
 */
function runs(
  words: LetterWords,
  key: LetterMessage,
  values: Record<string, string | number>,
  slots: Record<string, { text: string; strong?: boolean }>,
): LetterRun[] {
  const marked: Record<string, string | number> = { ...values };
  const pieces = Object.entries(slots);
  pieces.forEach(([name], index) => (marked[name] = `${SLOT}${index}${SLOT}`));
  const message = words.t(key, marked);
  const out: LetterRun[] = [];
  let last = 0;
  for (const match of message.matchAll(slotPattern)) {
    if (match.index > last) out.push({ text: message.slice(last, match.index) });
    const piece = pieces[Number(match[1])]![1];
    out.push({
      text: piece.text.replaceAll(SLOT, ""),
      isolate: true,
      ...(piece.strong ? { strong: true } : {}),
    });
    last = match.index + match[0].length;
  }
  if (last < message.length) out.push({ text: message.slice(last) });
  return out.filter((run) => run.text !== "");
}

export function designationLetterContent(letter: LetterFacts, words: LetterWords): LetterContent {
  const institution = letter.centre.institution;
  const redesignation = letter.kind === "REDESIGNATION";
  // The term covers [start, end): the last day of the designation is the day before the end date.
  const lastDay = toIsoDate(addDays(fromIsoDate(letter.termEnd), -1));
  const place = [institution?.postalCode, institution?.city].filter(Boolean).join(" ");
  const reference = letter.letterReference ?? letter.centre.reference;
  const { country, region } = letter.centre;
  const countryName = (country.isoCode && words.countryName(country.isoCode)) || country.name;
  const kind = redesignation ? "REDESIGNATION" : "INITIAL";
  const language = words.locale;
  return {
    lang: language,
    dir: textDirection(language),
    organisation: words.t("organisation"),
    region: (region.code && words.regionName(region.code)) || region.name,
    referenceLine: runs(
      words,
      "referenceLine",
      { date: words.date(letter.letterDate) },
      { reference: { text: reference } },
    ),
    address: [
      ...present([
        letter.headOfCentreName,
        letter.headOfCentreTitle,
        institution?.department,
        institution?.name,
        institution?.address,
      ]).map((line) => [{ text: line, isolate: true }]),
      place
        ? runs(words, "placeAndCountry", { country: countryName }, { place: { text: place } })
        : [{ text: countryName }],
    ],
    title: runs(words, "title", { kind }, { centre: { text: letter.centre.title } }),
    opening: runs(
      words,
      "opening",
      {
        kind,
        named: institution ? "yes" : "no",
        years: letter.termYears ?? 0,
        start: words.date(letter.termStart),
        end: words.date(lastDay),
      },
      {
        institution: { text: institution?.name ?? "" },
        centre: { text: letter.centre.title, strong: true },
        reference: { text: letter.centre.reference },
      },
    ),
    torHeading: words.t("torHeading", { version: letter.frozenVersion ?? 1 }),
    torItems: letter.termsOfReference.map((item) => item.text),
    closing: words.t("closing"),
    signOff: [
      [{ text: words.t("signOff") }],
      ...present([letter.approverName]).map((name) => [{ text: name, isolate: true }]),
    ],
    subject: words.t("subject", { reference }),
    fileName: `designation-letter-${[reference.replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-+|-+$/g, ""), language === "en" ? "" : language].filter(Boolean).join("-")}.pdf`,
  };
}

/** The runs as one plain string (the PDF's title, tests). */
export function plainText(runs: LetterRun[]): string {
  return runs.map((run) => run.text).join("");
}
