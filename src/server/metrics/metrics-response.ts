import "server-only";

import { envSchema } from "@/server/config/env";
import { prisma } from "@/server/db/client";
import { withinTime } from "@/server/health/time-limit";

import { metricsText } from "./metrics";
import { metricsAccess } from "./metrics-token";
import { outboxBacklog } from "./outbox-backlog";

/** METRICS_TOKEN (validated with the rest of the environment at start-up). */
function metricsToken(): string | undefined {
  const token = envSchema.shape.METRICS_TOKEN.safeParse(process.env.METRICS_TOKEN || undefined);
  return token.success ? token.data : undefined;
}

const noStore = { "Cache-Control": "no-store" };

/**
 * /metrics: 404 unless METRICS_TOKEN is set, 401 without the right bearer
 * token, else the metrics in Prometheus's text format. The outbox is read
 * for each scrape (at most 2 seconds; left out while the database is away).
 */
export async function metricsResponse(request: Request): Promise<Response> {
  const access = metricsAccess(metricsToken(), request.headers.get("authorization"));
  if (access === "disabled") return new Response("Not found\n", { status: 404, headers: noStore });
  if (access === "unauthorized") {
    return new Response("A bearer token is required.\n", {
      status: 401,
      headers: { ...noStore, "WWW-Authenticate": 'Bearer realm="metrics"' },
    });
  }
  const { body, contentType } = await metricsText(() => withinTime(outboxBacklog(prisma), 2_000));
  return new Response(body, { headers: { ...noStore, "Content-Type": contentType } });
}
