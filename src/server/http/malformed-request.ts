// Requests Next 16 cannot read and answers with a 500 before any of our code
// runs; the proxy (src/proxy.ts) refuses them with a 400 that says what is
// wrong, right after its foreign-Origin check (a post from another site is a
// 403 whatever its body). No I/O and no "server-only" marker: the proxy
// imports it.
//
// 1. A path with a malformed percent-escape (`/api/v1/centres/%E0%A4%A`):
//    Next decodes a dynamic segment in its compiled route runtime, whose
//    DecodeError is not the class its server maps to a 400.
// 2. A server action (a POST with a `Next-Action` header) whose body is not
//    multipart/form-data (text/plain, JSON). Every action of this app takes a
//    FormData, which the browser posts as multipart; any other body goes to
//    React's reply decoder, which throws before the action runs (Next's issue
//    #86945).
// 3. A multipart POST without a boundary, with or without `Next-Action`
//    (Next tries every multipart POST to a page as a form action).

const ACTION_HEADER = "next-action";
// Next's own test (server-action-request-meta.ts) is a case-sensitive prefix
// match, so "Multipart/Form-Data" is not a form to it and must not be to us.
const MULTIPART = "multipart/form-data";
// Busboy throws on a multipart body without a boundary.
const BOUNDARY = /;\s*boundary=(?:"[^"]+"|[^\s;"]+)/i;

function hasMalformedEscape(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/** What is wrong with the request, or null when Next can read it. */
export function malformedRequestReason(request: Request): string | null {
  if (hasMalformedEscape(new URL(request.url).pathname)) {
    return "The address has a malformed percent-escape: encode each byte as % and two hex digits, and the bytes as UTF-8.";
  }
  if (request.method.toUpperCase() !== "POST") return null;
  const contentType = request.headers.get("content-type") ?? "";
  const multipart = contentType.startsWith(MULTIPART);
  if (request.headers.has(ACTION_HEADER) && !multipart) {
    const given = contentType ? `"${contentType.slice(0, 100)}"` : "missing";
    return `A server action takes a ${MULTIPART} body; the Content-Type was ${given}.`;
  }
  if (multipart && !BOUNDARY.test(contentType)) {
    return `A ${MULTIPART} body needs a boundary in its Content-Type.`;
  }
  return null;
}

/** The 400: the public API's error shape under /api/, the proxy's own elsewhere. */
export function malformedRequestResponse(request: Request, reason: string): Response {
  const api = new URL(request.url).pathname.startsWith("/api/");
  return Response.json(
    api ? { errors: [reason] } : { error: { code: "malformed_request", message: reason } },
    {
      status: 400,
      headers: { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
    },
  );
}

/** For src/proxy.ts: the 400 for a request Next cannot read, else undefined. */
export function refuseMalformedRequest(request: Request): Response | undefined {
  const reason = malformedRequestReason(request);
  return reason === null ? undefined : malformedRequestResponse(request, reason);
}
