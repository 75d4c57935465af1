// Which files on the not-yet-translated list (eslint.not-yet-translated.mjs)
// already pass the no-literal-string rule, so that their lines can go, and
// how many strings each of the others still has. `npm run i18n:untranslated`.
import path from "node:path";
import { pathToFileURL } from "node:url";

import { ESLint, type Linter } from "eslint";

const rule = "i18next/no-literal-string";

/** The project's own ESLint files (plain JavaScript modules, loaded as ESLint loads them). */
async function load<T>(file: string): Promise<T> {
  return (await import(pathToFileURL(path.resolve(file)).href)) as T;
}

async function main() {
  const { default: config } = await load<{ default: Linter.Config[] }>("eslint.config.mjs");
  const { notYetTranslated } = await load<{ notYetTranslated: string[] }>("eslint.not-yet-translated.mjs");
  // The same rules, with the rule's skip list lifted.
  const everywhere = config.map((entry) => {
    if (!entry.plugins?.i18next) return entry;
    const lifted = { ...entry };
    delete lifted.ignores;
    return lifted;
  });
  // An empty list would make ESLint lint the whole folder: nothing is left to translate.
  if (notYetTranslated.length === 0) {
    console.log("0 strings in 0 files still to translate.");
    return;
  }
  const eslint = new ESLint({ overrideConfigFile: true, overrideConfig: everywhere });
  const results = await eslint.lintFiles(notYetTranslated);
  const counts = results.map((result) => ({
    file: result.filePath.slice(process.cwd().length + 1),
    strings: result.messages.filter((message) => message.ruleId === rule).length,
  }));
  const done = counts.filter((entry) => entry.strings === 0);
  for (const entry of counts.filter((e) => e.strings > 0).sort((a, b) => b.strings - a.strings))
    console.log(`${String(entry.strings).padStart(4)}  ${entry.file}`);
  const total = counts.reduce((sum, entry) => sum + entry.strings, 0);
  console.log(`${total} strings in ${counts.length - done.length} files still to translate.`);
  if (done.length > 0) {
    console.log("Translated, delete their lines from eslint.not-yet-translated.mjs:");
    for (const entry of done) console.log(`  ${entry.file}`);
    process.exitCode = 1;
  }
}

await main();
