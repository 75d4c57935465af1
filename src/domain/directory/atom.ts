// Atom 1.0 (RFC 4287) text: every value is escaped, so titles and reasons can
// carry any character without breaking the XML or injecting markup.

export function xmlEscape(value: string): string {
  return value
    .replace(
      /[<>&'"]/g,
      (char) => `&${{ "<": "lt", ">": "gt", "&": "amp", "'": "apos", '"': "quot" }[char]};`,
    )
    .replace(
      // Characters XML 1.0 forbids outright.
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g,
      "",
    );
}

export type AtomEntry = { id: string; title: string; link: string; updated: string; summary: string };

export function atomFeed(feed: {
  id: string;
  /** The language of its text (xml:lang), e.g. "fr". */
  lang: string;
  title: string;
  /** Who publishes it: the registry's name in that language. */
  author: string;
  selfLink: string;
  siteLink: string;
  updated: string;
  entries: AtomEntry[];
}): string {
  const entries = feed.entries
    .map(
      (entry) => `  <entry>
    <id>${xmlEscape(entry.id)}</id>
    <title>${xmlEscape(entry.title)}</title>
    <link href="${xmlEscape(entry.link)}"/>
    <updated>${xmlEscape(entry.updated)}</updated>
    <summary>${xmlEscape(entry.summary)}</summary>
  </entry>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlEscape(feed.lang)}">
  <id>${xmlEscape(feed.id)}</id>
  <title>${xmlEscape(feed.title)}</title>
  <link rel="self" href="${xmlEscape(feed.selfLink)}"/>
  <link href="${xmlEscape(feed.siteLink)}"/>
  <updated>${xmlEscape(feed.updated)}</updated>
  <author><name>${xmlEscape(feed.author)}</name></author>
${entries}
</feed>
`;
}
