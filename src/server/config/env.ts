import { z } from "zod";

// Every environment variable the application reads, validated once at start-up
// so that a wrong value stops the app with a message naming the variable.
// Keep README.md and .env.example in step with this list.
const booleanFlag = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1");

const portMessage = "must be a port number (1-65535)";
const port = z.coerce
  .number({ error: portMessage })
  .int(portMessage)
  .min(1, portMessage)
  .max(65535, portMessage);

const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\/[^\s]+$/.test(value), "must be a postgres:// or postgresql:// URL");

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).optional(),
  DATABASE_URL: postgresUrl.optional(),
  PORT: port.default(3000),
  HOSTNAME: z.string().min(1).default("localhost"),
  EMBEDDED_DB_PORT: port.default(54329),
  EMBEDDED_DB_DIR: z.string().min(1).default("data/pglite"),
  DEMO_MODE: booleanFlag.optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  // Signs session cookies. Required in production; `npm start` with the
  // embedded database generates one under the data folder for the demo.
  AUTH_SECRET: z
    .string()
    .min(32, "must be at least 32 characters (e.g. `openssl rand -base64 33`)")
    .optional(),
  // The public address of the app: links in e-mails, sitemap and API, the one
  // origin accepted for changes in production (decision 0012), and whether
  // cookies are Secure with the __Host- prefix (https) or not (http://localhost).
  APP_URL: z.url({ protocol: /^https?$/ }).optional(),
  // smtp:// or smtps:// URL of the mail server; without it mail stays in the
  // outbox, readable on the admin mail page in demo/development mode.
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, "must be an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Collaborating Centres Registry <no-reply@registry.example>"),
  // Reverse proxies in front of the app that append to X-Forwarded-For: 0
  // takes the socket's address, N the N-th entry from the right (decision 0012).
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  // Public API and exports: requests per minute per client address, counted
  // in PostgreSQL (src/server/rate-limit/api-rate-limit.ts reads it).
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
  // Scheduled jobs (reminders, expiry, opening reports, the outbox sender) run
  // in every app instance unless turned off (src/server/jobs/start-jobs.ts).
  JOBS: z.enum(["on", "off"], { error: 'must be "on" or "off"' }).default("on"),
  // The production server's cache of anonymous search pages (scripts/serve.ts, decision 0010).
  PAGE_CACHE: z.enum(["on", "off"], { error: 'must be "on" or "off"' }).default("on"),
  PAGE_CACHE_ENTRIES: z.coerce.number().int().min(1).max(2_000).default(200),
  // Administrators and WHO officers must use two-factor sign-in (decision 0014;
  // src/server/auth/two-factor/settings.ts reads it).
  REQUIRE_TWO_FACTOR: booleanFlag.default(false),
  // The bearer token Prometheus sends for /metrics; without it /metrics answers
  // 404 (decision 0027; src/app/metrics/route.ts reads it).
  METRICS_TOKEN: z
    .string()
    .min(24, "must be at least 24 characters (e.g. `openssl rand -hex 32`)")
    .max(512, "must be at most 512 characters")
    .regex(/^[A-Za-z0-9._~+/=-]+$/, "may hold only letters, digits and . _ ~ + / = -")
    .optional(),
  // The least severe log lines written (src/server/log/logger.ts reads it).
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "must be one of fatal, error, warn, info, debug, trace, silent",
    })
    .default("info"),
});

export type Env = z.infer<typeof envSchema> & { demoMode: boolean };

export class EnvError extends Error {}

/**
 * Parses the environment. Demo mode (demo accounts and workflow data) is on
 * by default only for the embedded database; against a real PostgreSQL it
 * must be asked for explicitly with DEMO_MODE=true.
 */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new EnvError(
      `Invalid environment variable${lines.length > 1 ? "s" : ""}:\n  ${lines.join("\n  ")}`,
    );
  }
  const env = result.data;
  if (env.NODE_ENV === "production" && !env.AUTH_SECRET) {
    throw new EnvError("Invalid environment variable:\n  AUTH_SECRET: required in production");
  }
  return { ...env, demoMode: env.DEMO_MODE ?? env.DATABASE_URL === undefined };
}
