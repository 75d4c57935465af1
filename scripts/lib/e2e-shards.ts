// How `npm test` splits the end-to-end journeys over several Playwright runs
// of one kind of database, each with its own server and its own copy of the
// seeded database, so that no journey sees another's writes: the runs share
// nothing but the machine. One run waits on its browser and server most of
// the time (about a quarter of a core), so two per kind keep the 2 cores
// busy without crowding them (docs/decisions/0021-fast-test-suite.md).

/**
 * Roughly how long each journey file takes, in seconds, on the 2-core
 * machine: the journeys' times in `npm test`'s output (medians of three
 * quiet runs, 2026-12-05, the longer kind), plus the start of a second
 * server where a file has one. It only balances the runs, so it may go
 * stale without failing anything; an unlisted file counts as
 * `unlistedSeconds`.
 */
export const journeySeconds: Record<string, number> = {
  "e2e/drill-sigkill.spec.ts": 120,
  "e2e/drill-sigterm.spec.ts": 120,
  "e2e/a11y.spec.ts": 64,
  "e2e/annual-report.spec.ts": 60,
  "e2e/designation.spec.ts": 60,
  "e2e/languages.spec.ts": 53,
  "e2e/layout.spec.ts": 52,
  "e2e/malformed-input.spec.ts": 46,
  "e2e/admin-invitation.spec.ts": 39,
  "e2e/report-autosave.spec.ts": 30,
  "e2e/auth-security.spec.ts": 26,
  "e2e/directory-facets.spec.ts": 26,
  "e2e/client-address-and-hosts.spec.ts": 22,
  "e2e/dashboard.spec.ts": 21,
  "e2e/operations.spec.ts": 20,
  "e2e/renewal.spec.ts": 20,
  "e2e/home.spec.ts": 17,
  "e2e/two-instances.spec.ts": 16,
  "e2e/directory.spec.ts": 13,
  "e2e/auth-account.spec.ts": 10,
  "e2e/two-factor.spec.ts": 6,
  "e2e/jobs.spec.ts": 3,
  "e2e/sign-out.spec.ts": 3,
  "e2e/smoke.spec.ts": 1,
};
export const unlistedSeconds = 30;

/**
 * Splits `files` into `count` groups of about equal time: the longest first,
 * each to the group with the least so far. Every file is in exactly one
 * group; no group is empty while there are at least `count` files.
 */
export function shardJourneys(
  files: string[],
  count: number,
  seconds: Record<string, number> = journeySeconds,
): string[][] {
  const weight = (file: string) => seconds[file] ?? unlistedSeconds;
  const groups = Array.from({ length: Math.max(1, count) }, () => ({ files: [] as string[], total: 0 }));
  const longestFirst = [...files].sort((a, b) => weight(b) - weight(a) || a.localeCompare(b));
  for (const file of longestFirst) {
    const lightest = groups.reduce((min, group) => (group.total < min.total ? group : min));
    lightest.files.push(file);
    lightest.total += weight(file);
  }
  return groups.map((group) => group.files.sort()).filter((group) => group.length > 0);
}
