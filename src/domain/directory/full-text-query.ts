// Turns the words of a query, plus spelling corrections found in the word
// list, into a PostgreSQL tsquery string. Words contain only letters and
// digits (see searchWords), so the string can hold no tsquery operators but
// the ones added here. Every word also matches as a prefix ("telemed" finds
// "telemedicine"); a misspelt word also matches its correction. A word the
// database marked `exact` (no other indexed lexeme begins with its lexeme,
// decision 0011) is written without the prefix marker: the same matches and
// rank, found without GIN's slower partial-match scan.

export type WordCorrection = { word: string; correction: string | null; exact?: boolean };

export function buildTsQuery(words: readonly WordCorrection[]): string {
  const safe = /^[\p{L}\p{N}]+$/u;
  return words
    .filter(({ word }) => safe.test(word))
    .map(({ word, correction, exact }) =>
      correction && correction !== word && safe.test(correction)
        ? `(${word}:* | ${correction})`
        : exact === true
          ? word
          : `${word}:*`,
    )
    .join(" & ");
}
