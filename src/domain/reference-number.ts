// Reference numbers of centres (docs/domain.md §3): WHO's 3-letter country code, a
// hyphen and a number that runs per country and is never reused, e.g. NOR-18.
// WHO codes are not ISO codes (SOA is South Africa, UNK the United Kingdom), so
// the prefix is only checked for shape here; whether it belongs to a country is
// the caller's question. The next number is taken by one atomic UPDATE of the
// country's counter: src/server/centres/take-reference-number.ts.

export interface ReferenceNumber {
  countryCode: string;
  number: number;
}

export type ReferenceNumberResult = { ok: true; value: ReferenceNumber } | { ok: false; reason: string };

// Centre.referenceNumber is a PostgreSQL integer.
const maxNumber = 2_147_483_647;

export function parseReferenceNumber(input: string): ReferenceNumberResult {
  if (input === "") return fail("the reference is empty");
  const parts = input.split("-");
  if (parts.length !== 2) {
    return fail(
      `"${input}" is not a reference: expected a 3-letter WHO country code, "-" and a number (e.g. NOR-18)`,
    );
  }
  const [countryCode = "", digits = ""] = parts;
  if (!/^[A-Z]{3}$/.test(countryCode)) {
    return fail(`"${input}": the country code "${countryCode}" must be 3 upper-case letters A-Z`);
  }
  if (!/^[1-9][0-9]*$/.test(digits)) {
    return fail(`"${input}": the number "${digits}" must be a positive whole number without leading zeros`);
  }
  const number = Number(digits);
  if (number > maxNumber) return fail(`"${input}": the number is too large`);
  return { ok: true, value: { countryCode, number } };
}

export function formatReferenceNumber({ countryCode, number }: ReferenceNumber): string {
  if (!/^[A-Z]{3}$/.test(countryCode)) throw new RangeError(`invalid WHO country code: "${countryCode}"`);
  if (!Number.isSafeInteger(number) || number < 1 || number > maxNumber) {
    throw new RangeError(`invalid reference number: ${number}`);
  }
  return `${countryCode}-${number}`;
}

function fail(reason: string): ReferenceNumberResult {
  return { ok: false, reason };
}
