import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".next-*/**",
    "node_modules/**",
    "data/**",
    "src/generated/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
  ]),
  {
    rules: {
      // docs/security.md: raw SQL only through tagged templates.
      "no-restricted-properties": [
        "error",
        { object: "prisma", property: "$queryRawUnsafe", message: "Use tagged $queryRaw." },
        { object: "prisma", property: "$executeRawUnsafe", message: "Use tagged $executeRaw." },
        { object: "Prisma", property: "raw", message: "Prisma.raw is banned (docs/security.md)." },
      ],
    },
  },
  {
    // Pages and components never talk to the database directly (docs/architecture.md §1).
    files: ["src/app/**/*.{ts,tsx}", "src/components/**/*.{ts,tsx}", "src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/generated/prisma/*", "@/server/db/*", "@prisma/*"],
              message: "Go through src/server queries and commands.",
            },
          ],
        },
      ],
    },
  },
]);
