import type { NextRequest } from "next/server";

import { appUrl } from "@/server/auth/tokens";
import { calendarFeedResponse } from "@/server/calendar/calendar-feed";

export const dynamic = "force-dynamic";

// A calendar app subscribes to `/calendar/<secret token>.ics`; the token is
// the credential (see calendarFeedResponse). Links in the events use the
// configured public address, like the links in e-mails.
export async function GET(_request: NextRequest, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  return calendarFeedResponse(file, { origin: appUrl() });
}
