import type { NextRequest } from "next/server";

import { exportCentres } from "@/server/public-api/export-centres";
import { publicApi } from "@/server/public-api/respond";

export const dynamic = "force-dynamic";

export const GET = (request: NextRequest) => publicApi(request, () => exportCentres(request.nextUrl, "json"));
