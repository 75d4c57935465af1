import { getViewer } from "@/server/auth/viewer";
import { switchLanguage } from "@/server/http/language-switch";

// The language switcher's links (src/components/language-switcher.tsx):
// remember the choice (a cookie; for a person signed in, their profile too)
// and go to the same page in that language. A GET, so the switcher is plain
// links that work without JavaScript (src/server/http/language-switch.ts).
export async function GET(request: Request) {
  return switchLanguage(request, await getViewer());
}
