import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** The latest modification time (ms) of the given files and folders, recursively. */
export function newestModification(entries: string[]): number {
  let newest = 0;
  const visit = (entry: string) => {
    if (!existsSync(entry)) return;
    const stat = statSync(entry);
    if (stat.isDirectory()) {
      for (const child of readdirSync(entry)) visit(path.join(entry, child));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  entries.forEach(visit);
  return newest;
}
