import "server-only";

import type { PrismaClient } from "@/generated/prisma/client";
import { sealAuditTrail } from "@/server/audit/seal-audit-trail";
import { deliverOutbox } from "@/server/mail/deliver-outbox";

import { runCentreExpiry } from "./centre-expiry";
import { runFocalDigest } from "./focal-digest";
import { runOpenReports } from "./open-reports";
import { runPruneRateLimits } from "./prune-rate-limits";
import { runReminders } from "./reminders";

// Every scheduled job: its name (the pg-boss queue), when it runs (cron, UTC)
// and the plain function that does the work, callable from tests and from
// `npm run jobs:run -- <name>`. Order matters for the start-up catch-up:
// expiry before opening, opening before reminders, then the sender and the
// audit sealer (last, so that it seals what the others wrote).

export type JobDefinition = {
  name: string;
  cron: string;
  description: string;
  run: (db: PrismaClient, now: Date) => Promise<Record<string, number>>;
  /** Runs every minute: logged only when a count is not zero, and no start-up catch-up (the next minute is one). */
  everyMinute?: boolean;
};

export const jobs = [
  {
    name: "centre-expiry",
    cron: "5 0 * * *",
    description: "Active centres whose term ended become Pending or Closed (daily 00:05 UTC)",
    run: runCentreExpiry,
  },
  {
    name: "open-reports",
    cron: "10 0 * * *",
    description: "Scheduled annual reports open 30 days before they are due (daily 00:10 UTC)",
    run: runOpenReports,
  },
  {
    name: "reminders",
    cron: "0 6 * * *",
    description: "Report reminders to staff and officers; redesignation invitations (daily 06:00 UTC)",
    run: runReminders,
  },
  {
    name: "focal-digest",
    cron: "0 6 * * 1",
    description: "Weekly digest of overdue reports to each focal point (Mondays 06:00 UTC)",
    run: runFocalDigest,
  },
  {
    name: "prune-rate-limits",
    cron: "20 * * * *",
    description: "Deletes expired sign-in throttle and rate-limit rows (hourly at :20)",
    run: runPruneRateLimits,
  },
  {
    name: "outbox-sender",
    cron: "* * * * *",
    description: "Sends queued mail through SMTP_URL and retries failures (every minute)",
    run: (db, now) => deliverOutbox(db, now),
    everyMinute: true,
  },
  {
    name: "audit-seal",
    cron: "* * * * *",
    description: "Seals new audit rows into the hash chain (every minute; decision 0029)",
    run: (db, now) => sealAuditTrail(db, { now }),
    everyMinute: true,
  },
] as const satisfies readonly JobDefinition[];

export type JobName = (typeof jobs)[number]["name"];

export function findJob(name: string): JobDefinition | undefined {
  return jobs.find((job) => job.name === name);
}
