import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

// A client of the production server without a browser, for the drills
// (e2e/drill-*.spec.ts) and the soak (scripts/soak.ts): it signs in the way
// a browser without JavaScript does (the sign-in page's own form, hidden
// fields and all) and calls server actions the way the page's script does
// (React's encoding, Next's action header) — the report form's autosave, and
// a form's action as useActionState calls it — so that many clients cost a
// few sockets rather than a browser each.

const root = path.resolve(import.meta.dirname, "../..");
const require = createRequire(import.meta.url);
// The same encoder the browser's copy of Next uses for a server action's arguments.
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.node") as {
  encodeReply: (value: unknown) => Promise<FormData | string>;
};

/** A server action's id in the build (.next/server/server-reference-manifest.json), by the name it is exported under. */
export function serverActionId(exportedName: string, distDir = process.env.NEXT_DIST_DIR ?? ".next"): string {
  const manifest = JSON.parse(
    readFileSync(path.join(root, distDir, "server/server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { exportedName?: string }> };
  const ids = Object.entries(manifest.node)
    .filter(([, entry]) => entry.exportedName === exportedName)
    .map(([id]) => id);
  if (ids.length !== 1) throw new Error(`${ids.length} server actions named ${exportedName} in the build.`);
  return ids[0]!;
}

const entities: Record<string, string> = { amp: "&", quot: '"', lt: "<", gt: ">", "#x27": "'", "#39": "'" };
const unescape = (text: string) =>
  text.replace(/&(amp|quot|lt|gt|#x27|#39);/g, (_, name: string) => entities[name]!);

/** The hidden inputs of the page's first form whose markup contains `marker` (React's action fields among them). */
export function hiddenFields(html: string, marker: string): [string, string][] {
  const form = html.split("<form").find((part) => part.includes(marker));
  if (!form) throw new Error(`No form with ${marker} on the page.`);
  const fields: [string, string][] = [];
  for (const [input] of form.split("</form>")[0]!.matchAll(/<input[^>]*>/g)) {
    if (!/type="hidden"/.test(input)) continue;
    const name = /name="([^"]*)"/.exec(input)?.[1];
    if (name) fields.push([unescape(name), unescape(/value="([^"]*)"/.exec(input)?.[1] ?? "")]);
  }
  return fields;
}

export type Session = { base: string; cookie: string };

/**
 * Signs in through /sign-in's form as a browser without JavaScript does;
 * the session's cookies, or an error saying what the server answered.
 */
export async function signIn(base: string, email: string, password: string): Promise<Session> {
  const page = await fetch(`${base}/sign-in`, { signal: AbortSignal.timeout(30_000) });
  if (page.status !== 200) throw new Error(`GET /sign-in: ${page.status}`);
  const body = new FormData();
  for (const [name, value] of hiddenFields(await page.text(), 'name="password"')) body.append(name, value);
  body.append("email", email);
  body.append("password", password);
  body.append("code", "");
  const answer = await fetch(`${base}/sign-in`, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { origin: base },
    signal: AbortSignal.timeout(30_000),
  });
  await answer.arrayBuffer();
  const cookie = answer.headers
    .getSetCookie()
    .map((line) => line.split(";")[0]!)
    .join("; ");
  if (answer.status !== 303 || !cookie.includes("session"))
    throw new Error(`Sign-in of ${email}: ${answer.status} ${answer.headers.get("location")}`);
  return { base, cookie };
}

/**
 * The rows of a React Server Components answer ("id:json" lines), the root
 * resolved one level ("$@id"), and React's "$undefined" read as undefined.
 */
function decodeActionAnswer(text: string): unknown {
  const rows = new Map<string, unknown>();
  for (const line of text.split("\n")) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (!match) continue;
    try {
      rows.set(
        match[1]!,
        JSON.parse(match[2]!, (_key, value: unknown) => (value === "$undefined" ? undefined : value)),
      );
    } catch {
      // A row that is not JSON (a module or text chunk): not part of the result.
    }
  }
  const rootRow = rows.get("0") as { a?: unknown } | undefined;
  const result = rootRow?.a;
  if (typeof result === "string" && result.startsWith("$@")) return rows.get(result.slice(2));
  return result;
}

/**
 * Calls a server action as a page's script does: `args` in React's encoding,
 * POSTed to the page `pagePath` with Next's action header. The HTTP status
 * and the action's decoded result (undefined unless the status is 200).
 */
async function callAction(
  session: Session,
  actionId: string,
  pagePath: string,
  args: unknown[],
  timeoutMs: number,
): Promise<{ http: number; result?: unknown }> {
  const response = await fetch(`${session.base}${pagePath}`, {
    method: "POST",
    body: await encodeReply(args),
    headers: {
      accept: "text/x-component",
      "next-action": actionId,
      cookie: session.cookie,
      origin: session.base,
    },
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  if (response.status !== 200) return { http: response.status };
  return { http: response.status, result: decodeActionAnswer(text) };
}

export type AutosaveAnswer = {
  /** The HTTP status of the answer. */
  http: number;
  status?: "success" | "error" | "idle";
  message?: string;
  version?: number;
  retry?: boolean;
};

/**
 * Calls `autosaveReportAction` as the report page's script does: the form's
 * fields, the report and the version the save is based on; the action's answer.
 */
export async function autosave(
  session: Session,
  actionId: string,
  reportId: number,
  version: number,
  fields: Record<string, string>,
  timeoutMs = 30_000,
): Promise<AutosaveAnswer> {
  const form = new FormData();
  form.append("reportId", String(reportId));
  form.append("version", String(version));
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const { http, result } = await callAction(session, actionId, `/reports/${reportId}`, [form], timeoutMs);
  return { http, ...(result as Omit<AutosaveAnswer, "http"> | undefined) };
}

/** A form action's answer (src/domain/form-state.ts FormState) and the HTTP status it came with. */
export type FormAnswer = {
  http: number;
  status?: "success" | "error" | "idle";
  message?: string;
  fieldErrors?: Record<string, string[]>;
};

/**
 * Sends a form to its action as useActionState does with JavaScript (the
 * form's previous state, idle here, and its fields), from the page
 * `pagePath` the form is on; the action's answer.
 */
export async function submitForm(
  session: Session,
  actionId: string,
  pagePath: string,
  fields: Record<string, string>,
  timeoutMs = 30_000,
): Promise<FormAnswer> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const { http, result } = await callAction(
    session,
    actionId,
    pagePath,
    [{ status: "idle" }, form],
    timeoutMs,
  );
  return { http, ...(result as Omit<FormAnswer, "http"> | undefined) };
}
