import { createHash, timingSafeEqual } from "node:crypto";

// Who may read /metrics (decision 0027): nobody unless METRICS_TOKEN is set
// (then the page does not exist: 404), and then whoever sends it as
// `Authorization: Bearer <token>` (anyone else: 401). Both sides are hashed
// first, so the comparison takes the same time whatever was sent, its length
// included.

export type MetricsAccess = "disabled" | "unauthorized" | "allowed";

const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();

export function metricsAccess(
  configuredToken: string | undefined,
  authorization: string | null,
): MetricsAccess {
  if (!configuredToken) return "disabled";
  const sent = /^Bearer +(\S+) *$/i.exec(authorization ?? "")?.[1] ?? "";
  return timingSafeEqual(digest(sent), digest(configuredToken)) ? "allowed" : "unauthorized";
}
