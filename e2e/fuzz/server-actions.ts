import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import type { FormEntry } from "./arbitraries";

// The server actions of a build, from its server-reference manifest (the ids
// a browser posts in `Next-Action`), and the multipart reply React sends.

export type ServerAction = { id: string; name: string; file: string; pagePath: string };

const root = path.resolve(import.meta.dirname, "../..");
const segmentValues: Record<string, string> = { reference: "NOR-18", token: "fuzz-token" };

/** A worker ("app/(workspace)/designations/[id]/page") as the page path that runs the action. */
function pagePathOf(worker: string): string {
  const segments = worker
    .replace(/^app\//, "")
    .replace(/\/?page$/, "")
    .split("/")
    .filter((segment) => segment !== "" && !/^\(.*\)$/.test(segment))
    .map((segment) => segment.replace(/^\[(.+)\]$/, (_, name: string) => segmentValues[name] ?? "1"));
  return `/${segments.join("/")}`;
}

/** Every server action of the build in NEXT_DIST_DIR (default .next), by name. */
export function serverActions(): ServerAction[] {
  const manifestPath = path.join(
    root,
    process.env.NEXT_DIST_DIR ?? ".next",
    "server/server-reference-manifest.json",
  );
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName?: string; filename?: string }>;
  };
  return Object.entries(manifest.node)
    .map(([id, entry]) => ({
      id,
      name: entry.exportedName ?? id,
      file: entry.filename ?? "",
      pagePath: pagePathOf(Object.keys(entry.workers).sort()[0]!),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The source files (relative to the repository) that declare server actions. */
export function filesWithUseServer(directory = path.join(root, "src")): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    if (statSync(full).isDirectory()) return filesWithUseServer(full);
    if (!/\.tsx?$/.test(name)) return [];
    return /^\s*["']use server["']/m.test(readFileSync(full, "utf8")) ? [path.relative(root, full)] : [];
  });
}

/** A fetch action's body as React's encodeReply writes it: the arguments in row "0", the form "$K1" under the prefix "1_". */
export function multipart(args: unknown, entries: FormEntry[]): FormData {
  const form = new FormData();
  form.append("0", JSON.stringify(args));
  for (const entry of entries) {
    if (entry.file) form.append(`1_${entry.name}`, new Blob([entry.value]), "fuzz.txt");
    else form.append(`1_${entry.name}`, entry.value);
  }
  return form;
}
