/**
 * Fills a sentence's `{name}` placeholders in a client component. The
 * sentence comes translated from the server with its placeholders left in
 * (`t("savedAt", { time: "{time}" })`), so the browser needs no catalogue and
 * no ICU runtime (decision 0026, docs/languages.md step 5). A placeholder
 * with no value stays as it is; values are not scanned again.
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
