// Repair of the website column of the legacy export, which prefixed "http://"
// to whatever had been typed: "http://https://x", "http:// www.x", "www.x",
// "htpp://x", two addresses in one cell, or prose ("http://in re-construction").
// What can be repaired without guessing is repaired; what still is not a web
// address is dropped with a warning, because a broken link on a public page is
// worse than none.

export type WebsiteRepair = "doubled-scheme" | "missing-scheme" | "scheme-typo" | "spaces-removed";

export interface WebsiteResult {
  url: string | null;
  repairs: WebsiteRepair[];
  warning?: string;
}

// Tolerates the typos seen in the export ("htpp") and stray spaces or colons
// around "://" ("http://:  http://...").
const schemePrefix = /^h[tp]{2,3}(s?)\s*:[\s:]*\/\/[\s:]*/i;
// Between two addresses in one cell: "a; b", "a, b", "a - b", "a (b)". A comma
// without spaces is left alone (more likely a typo inside the address), and so
// is a parenthesis without a space before it (paths may contain them).
const addressSeparator = /\s*;\s*|\s*,\s+|\s+,\s*|\s+-\s+|\s+\(/;
// A public host name: dot-separated labels, a final label of letters (or an
// IDNA "xn--" label). Rejects "localhost", bare numbers and commas in names.
const hostName = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

export function repairWebsite(raw: string): WebsiteResult {
  const original = raw.trim();
  if (original === "") return { url: null, repairs: [] };
  const repairs = new Set<WebsiteRepair>();

  let rest = original;
  let scheme: "http" | "https" | null = null;
  let schemes = 0;
  for (let match = schemePrefix.exec(rest); match; match = schemePrefix.exec(rest)) {
    if (!/^https?:\/\/$/i.test(match[0]))
      repairs.add(/^https?\s*:/i.test(match[0]) ? "spaces-removed" : "scheme-typo");
    // The innermost scheme is the one that was typed; outer ones were prefixed.
    scheme = match[1] ? "https" : "http";
    rest = rest.slice(match[0].length);
    schemes += 1;
  }
  if (schemes > 1) repairs.add("doubled-scheme");
  if (scheme === null) {
    // http rather than https: every site that serves https redirects from http,
    // not every old site serves https.
    scheme = "http";
    repairs.add("missing-scheme");
  }

  const [first = "", ...others] = rest.split(addressSeparator);
  const dropped = others.join(" ").replace(/[()]/g, "").trim();
  const address = first.replace(/\s+/g, "");
  if (address !== first) repairs.add("spaces-removed");

  const url = toHttpUrl(`${scheme}://${address}`);
  if (url === null) {
    return { url: null, repairs: [], warning: `website "${original}" is not a valid web address: dropped` };
  }
  const result: WebsiteResult = { url, repairs: [...repairs] };
  if (dropped !== "") result.warning = `website "${original}" holds more than one address: kept ${url}`;
  return result;
}

function toHttpUrl(candidate: string): string | null {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.username !== "" || url.password !== "") return null;
  if (!hostName.test(url.hostname)) return null;
  return url.href;
}
