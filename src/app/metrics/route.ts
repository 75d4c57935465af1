import { metricsResponse } from "@/server/metrics/metrics-response";

// Prometheus metrics behind METRICS_TOKEN (decision 0027).
export function GET(request: Request): Promise<Response> {
  return metricsResponse(request);
}
