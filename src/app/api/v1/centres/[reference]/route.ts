import type { NextRequest } from "next/server";

import { getCentre } from "@/server/public-api/get-centre";
import { publicApi } from "@/server/public-api/respond";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ reference: string }> };

export async function GET(request: NextRequest, { params }: Context) {
  // Next has decoded the segment already: decoding again made `%25` (a "%") a URIError, a 500.
  const { reference } = await params;
  return publicApi(request, () => getCentre(reference, request.nextUrl));
}
