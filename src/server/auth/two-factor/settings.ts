import "server-only";

import { envSchema } from "@/server/config/env";

/** REQUIRE_TWO_FACTOR, validated at start-up by parseEnv (src/server/config/env.ts). */
export function twoFactorRequired(source: Record<string, string | undefined> = process.env): boolean {
  const parsed = envSchema.shape.REQUIRE_TWO_FACTOR.safeParse(source.REQUIRE_TWO_FACTOR || undefined);
  return parsed.success && parsed.data;
}
