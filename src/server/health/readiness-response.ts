import "server-only";

import { prisma } from "@/server/db/client";
import { jobsStatus } from "@/server/jobs/jobs-status";
import { logger } from "@/server/log/logger";

import { RETRY_AFTER_SECONDS } from "./outage";
import { checkReadiness, defaultMigrationsDir } from "./readiness";

/** /readyz: the checks as JSON, 200 when all pass, else 503; never cached. */
export async function readinessResponse(): Promise<Response> {
  const { ready, checks } = await checkReadiness({
    db: prisma,
    migrationsDir: defaultMigrationsDir(),
    jobs: jobsStatus,
    onFailure: (check, error) => logger.warn({ err: error, check }, "readiness check failed"),
  });
  return Response.json(
    { status: ready ? "ready" : "not ready", checks },
    {
      status: ready ? 200 : 503,
      headers: {
        "Cache-Control": "no-store",
        ...(ready ? {} : { "Retry-After": String(RETRY_AFTER_SECONDS) }),
      },
    },
  );
}
