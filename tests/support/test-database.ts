import { readFile } from "node:fs/promises";

import { inject } from "vitest";

import {
  createPostgresDatabase,
  startPgliteDatabase,
  type TestDatabase,
  type TestDatabaseKind,
} from "./database-servers";
import type { TemplateName } from "./test-templates";

// Throwaway databases for integration tests, one per call, always of the same
// shape as production: PGlite (in memory, with pg_trgm and unaccent, served
// over the wire protocol like the embedded database) and, when
// TEST_DATABASE_URL names a PostgreSQL server, a fresh database there.
// Each is a copy of a template the suite's global set-up built once per run
// (tests/support/test-templates.ts): "migrated" unless { migrate: false }
// asks for an empty one, "seeded" for seededDemoDatabase().
//
//   for (const kind of testDatabaseKinds()) {
//     describe(`... (${kind})`, () => {
//       let db: TestDatabase;
//       beforeAll(async () => { db = await createTestDatabase(kind); });
//       afterAll(() => db.drop());
//       it("...", async () => { /* createPrismaClient(db.url) ... */ });
//     });
//   }

export * from "./database-servers";

/** A migrated database (a copy of the run's template), or an empty one with { migrate: false }. */
export function createTestDatabase(
  kind: TestDatabaseKind,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  return createDatabase(kind, (options.migrate ?? true) ? "migrated" : undefined);
}

/** A copy of the run's template with the reference data, the 2022 centres and the demo workflows. */
export function createSeededTestDatabase(kind: TestDatabaseKind): Promise<TestDatabase> {
  return createDatabase(kind, "seeded");
}

/** When the seeded template was seeded: its demo dates are relative to this. */
export function seededAt(): Date {
  return new Date(inject("testTemplates").seededAt);
}

/** Runs `fn` on a fresh database and drops it afterwards, even when `fn` fails. */
export async function withTestDatabase<T>(
  kind: TestDatabaseKind,
  fn: (url: string) => Promise<T>,
  options: { migrate?: boolean } = {},
): Promise<T> {
  const database = await createTestDatabase(kind, options);
  try {
    return await fn(database.url);
  } finally {
    await database.drop();
  }
}

async function createDatabase(kind: TestDatabaseKind, template: TemplateName | undefined) {
  if (!template) return kind === "pglite" ? startPgliteDatabase() : createPostgresDatabase();
  const templates = inject("testTemplates");
  if (!templates) throw new Error("No database templates: run the integration projects of vitest.config.ts.");
  if (kind === "pglite") return startPgliteDatabase(new Blob([await readFile(templates.pglite[template])]));
  const name = templates.postgres?.[template];
  if (!name) throw new Error("The global set-up built no PostgreSQL template: was TEST_DATABASE_URL set?");
  return createPostgresDatabase(name);
}
