import "server-only";

import { clientIp } from "@/server/auth/request-meta";
import { reportDatabaseError } from "@/server/health/database-status";
import { unavailableResponse } from "@/server/health/outage";
import { logger } from "@/server/log/logger";
import { takeApiRequest } from "@/server/rate-limit/api-rate-limit";

const publicHeaders = {
  "Access-Control-Allow-Origin": "*",
  "X-Content-Type-Options": "nosniff",
};

/** The API's error shape (like ROR's): { errors: [human-readable messages] }. */
export function apiErrors(status: number, errors: string[], headers: Record<string, string> = {}): Response {
  return Response.json(
    { errors },
    { status, headers: { ...publicHeaders, "Cache-Control": "no-store", ...headers } },
  );
}

export function apiJson(body: unknown, init: { status?: number; maxAge?: number } = {}): Response {
  return Response.json(body, {
    status: init.status ?? 200,
    headers: { ...publicHeaders, "Cache-Control": `public, max-age=${init.maxAge ?? 60}` },
  });
}

export function streamResponse(
  stream: ReadableStream<Uint8Array>,
  contentType: string,
  filename?: string,
): Response {
  return new Response(stream, {
    headers: {
      ...publicHeaders,
      "Content-Type": contentType,
      "Cache-Control": "public, max-age=60",
      ...(filename ? { "Content-Disposition": `attachment; filename="${filename}"` } : {}),
    },
  });
}

/**
 * Every public API and export request: counted against the client's rate
 * limit (429 with Retry-After when over), and never a stack trace on failure:
 * 503 with Retry-After while the database cannot be reached (decision 0027),
 * else 500.
 */
export async function publicApi(request: Request, handle: () => Promise<Response>): Promise<Response> {
  try {
    const decision = await takeApiRequest(clientIp(request.headers.get("x-forwarded-for")));
    if (!decision.allowed) {
      return apiErrors(
        429,
        [`Too many requests from your address: wait ${decision.retryAfterSeconds} seconds and try again.`],
        { "Retry-After": String(decision.retryAfterSeconds) },
      );
    }
    const response = await handle();
    response.headers.set("RateLimit-Remaining", String(decision.remaining));
    return response;
  } catch (error) {
    if (reportDatabaseError(error)) {
      logger.warn({ err: error }, "public API request failed: database unreachable");
      return unavailableResponse(publicHeaders);
    }
    logger.error({ err: error }, "public API request failed");
    return apiErrors(500, ["Something went wrong on our side; please try again later."]);
  }
}
