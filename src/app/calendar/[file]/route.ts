import type { NextRequest } from "next/server";

import { appUrl } from "@/server/auth/tokens";
import { calendarFeedResponse } from "@/server/calendar/calendar-feed";
import { langParam } from "@/server/http/lang-param";

export const dynamic = "force-dynamic";

// A calendar app subscribes to `/calendar/<secret token>.ics`; the token is
// the credential (see calendarFeedResponse). Links in the events use the
// configured public address, like the links in e-mails. `?lang=fr` writes
// the events in French (any of the six); without it, in the language of the
// person's profile.
export async function GET(request: NextRequest, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const lang = langParam(request.nextUrl);
  if (!lang.ok) return lang.response;
  return calendarFeedResponse(file, { origin: appUrl(), locale: lang.asked ? lang.locale : undefined });
}
