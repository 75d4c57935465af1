import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import type { TestProject } from "vitest/node";

import { PrismaPg } from "@prisma/adapter-pg";

import { PrismaClient } from "@/generated/prisma/client";
import { withClient } from "@/server/db/connection";
import { applyMigrations } from "@/server/db/schema-engine";
import { seedAll } from "@/server/seed/seed-all";

import {
  createPostgresDatabase,
  dropAbandonedDatabases,
  migrationsDir,
  startPgliteDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from "./database-servers";

// The integration project's global set-up (vitest.config.ts): migrating and
// seeding the 821 centres takes far longer than copying a database, so each
// kind of database is migrated once and seeded once per run, and every test
// file gets a copy (test-database.ts). That also lets files run in parallel.
// PGlite's copy is its data folder as a tarball; PostgreSQL's a database made
// with CREATE DATABASE … TEMPLATE.

export type TemplateName = "migrated" | "seeded";

export interface TestTemplates {
  /** ISO time the seeded templates were seeded at. */
  seededAt: string;
  /** Tarball files of the data folders. */
  pglite: Record<TemplateName, string>;
  /** Database names beside TEST_DATABASE_URL's. */
  postgres?: Record<TemplateName, string>;
}

declare module "vitest" {
  export interface ProvidedContext {
    testTemplates: TestTemplates;
  }
}

export type Built = { templates: TestTemplates; drop: () => Promise<void> };
// Both integration projects (vitest.config.ts) run this set-up in the one
// vitest process: the templates are built once, dropped after the last one.
const shared = globalThis as { registryTestTemplates?: { built: Promise<Built>; users: number } };

/**
 * Set by `npm test` (scripts/test.ts), which builds the templates once for the
 * integration tests and the end-to-end servers alike, and drops them itself.
 */
export const TEMPLATES_ENV = "REGISTRY_TEST_TEMPLATES";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env[TEMPLATES_ENV];
  if (given) {
    project.provide("testTemplates", JSON.parse(given) as TestTemplates);
    return async () => {};
  }
  const templates = (shared.registryTestTemplates ??= { built: buildTemplates(), users: 0 });
  templates.users += 1;
  const built = await templates.built;
  project.provide("testTemplates", built.templates);
  return async () => {
    templates.users -= 1;
    if (templates.users > 0) return;
    shared.registryTestTemplates = undefined;
    await built.drop();
  };
}

export async function buildTemplates(): Promise<Built> {
  const folder = await mkdtemp(path.join(os.tmpdir(), "registry-templates-"));
  const now = new Date();
  const databases: TestDatabase[] = [];
  const drop = () => teardown(folder, databases);
  try {
    if (process.env.TEST_DATABASE_URL) await dropAbandonedDatabases(process.env.TEST_DATABASE_URL);
    const [pglite, postgres] = await Promise.all([
      pgliteTemplates(folder, now),
      testDatabaseKinds().includes("postgres") ? postgresTemplates(now, databases) : undefined,
    ]);
    return { templates: { seededAt: now.toISOString(), pglite, postgres }, drop };
  } catch (error) {
    await drop();
    throw error;
  }
}

async function teardown(folder: string, databases: TestDatabase[]): Promise<void> {
  await Promise.all(databases.map((database) => database.drop()));
  await rm(folder, { recursive: true, force: true });
}

async function pgliteTemplates(folder: string, now: Date): Promise<Record<TemplateName, string>> {
  const database = await startPgliteDatabase();
  const files = { migrated: path.join(folder, "migrated.tar"), seeded: path.join(folder, "seeded.tar") };
  try {
    await applyMigrations({ url: database.url, migrationsDir });
    await writeFile(files.migrated, await dumpBytes(database));
    await seed(database.url, now);
    await writeFile(files.seeded, await dumpBytes(database));
  } finally {
    await database.drop();
  }
  return files;
}

async function postgresTemplates(
  now: Date,
  databases: TestDatabase[],
): Promise<Record<TemplateName, string>> {
  const migrated = await createPostgresDatabase();
  databases.push(migrated);
  await applyMigrations({ url: migrated.url, migrationsDir });
  const seeded = await createPostgresDatabase(nameOf(migrated));
  databases.push(seeded);
  await seed(seeded.url, now);
  // A template must have no connection left when it is copied.
  await withClient(process.env.TEST_DATABASE_URL!, (client) =>
    client.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ANY($1) AND pid <> pg_backend_pid()",
      [[nameOf(migrated), nameOf(seeded)]],
    ),
  );
  return { migrated: nameOf(migrated), seeded: nameOf(seeded) };
}

async function seed(url: string, now: Date): Promise<void> {
  // The seed's transactions wait for each other on PGlite's one session, and
  // both kinds are seeded at once beside the other steps of `npm test`: the
  // default 2 s to start a transaction is too short for a busy machine.
  const prisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: 4 }),
    transactionOptions: { maxWait: 120_000, timeout: 300_000 },
  });
  try {
    await seedAll(prisma, { demoMode: true, now });
  } finally {
    await prisma.$disconnect();
  }
}

async function dumpBytes(database: TestDatabase): Promise<Uint8Array> {
  if (!database.dumpDataDir) throw new Error(`${database.kind} databases cannot be dumped`);
  return new Uint8Array(await (await database.dumpDataDir()).arrayBuffer());
}

const nameOf = (database: TestDatabase) => new URL(database.url).pathname.slice(1);
