import type { NextRequest } from "next/server";

import { listCentres } from "@/server/public-api/list-centres";
import { publicApi } from "@/server/public-api/respond";

export const dynamic = "force-dynamic";

export const GET = (request: NextRequest) => publicApi(request, () => listCentres(request.nextUrl));
