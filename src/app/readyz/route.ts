import { readinessResponse } from "@/server/health/readiness-response";

// Readiness for load balancers (decision 0027): 200 when this instance can
// serve (database reachable, migrations current, jobs running or off), 503
// with each check's outcome when not.
export function GET(): Promise<Response> {
  return readinessResponse();
}
