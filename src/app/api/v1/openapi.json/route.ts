import { openApiDocument } from "@/server/public-api/openapi";

// The same for every request: built once at build time and served as a file.
export const dynamic = "force-static";

export const GET = () =>
  Response.json(openApiDocument(), {
    headers: { "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=3600" },
  });
