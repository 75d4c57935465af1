import { describe, expect, it } from "vitest";

import { atomFeed, xmlEscape } from "@/domain/directory/atom";
import { buildTsQuery } from "@/domain/directory/full-text-query";
import { looseningSuggestions } from "@/domain/directory/loosen";
import { emptySearch } from "@/domain/directory/search-params";

describe("buildTsQuery", () => {
  it("matches every word as a prefix, and a misspelt word or its correction", () => {
    expect(buildTsQuery([{ word: "telemed", correction: null }])).toBe("telemed:*");
    expect(
      buildTsQuery([
        { word: "tubercolosis", correction: "tuberculosis" },
        { word: "care", correction: "care" },
      ]),
    ).toBe("(tubercolosis:* | tuberculosis) & care:*");
  });

  it("writes a word the database marked exact as its exact lexeme, never a corrected one", () => {
    expect(
      buildTsQuery([
        { word: "telemedicine", correction: null, exact: true },
        { word: "health", correction: null, exact: false },
        { word: "tubercolosis", correction: "tuberculosis", exact: true },
      ]),
    ).toBe("telemedicine & health:* & (tubercolosis:* | tuberculosis)");
  });

  it("drops anything that is not a plain word, so no operator can be injected", () => {
    expect(
      buildTsQuery([
        { word: "a|b", correction: null },
        { word: "ok", correction: "x:*" },
      ]),
    ).toBe("ok:*");
  });
});

describe("looseningSuggestions", () => {
  it("offers to drop each filter, include former centres and drop the words", () => {
    const ways = looseningSuggestions({
      ...emptySearch(),
      q: "zzz",
      region: ["EURO"],
      subject: ["Nursing"],
    }).map((way) => ({ ...way, search: undefined }));
    expect(ways).toEqual([
      { kind: "remove", facet: "region", value: "EURO" },
      { kind: "remove", facet: "subject", value: "Nursing" },
      { kind: "former" },
      { kind: "withoutWords", q: "zzz" },
    ]);
  });

  it("each suggestion is the search minus exactly one thing", () => {
    const [first] = looseningSuggestions({ ...emptySearch(), region: ["EURO", "AFRO"] });
    expect(first?.search.region).toEqual(["AFRO"]);
  });
});

describe("Atom", () => {
  it("escapes markup and strips characters XML forbids", () => {
    expect(xmlEscape(`<b>"Tom" & 'Jerry'</b>\u0001`)).toBe(
      "&lt;b&gt;&quot;Tom&quot; &amp; &apos;Jerry&apos;&lt;/b&gt;",
    );
    const xml = atomFeed({
      id: "urn:x",
      lang: "fr",
      title: "T",
      author: "Registre & co",
      selfLink: "http://x/feed",
      siteLink: "http://x/",
      updated: "2026-01-01T00:00:00.000Z",
      entries: [
        {
          id: "e1",
          title: "<script>",
          link: "http://x/c",
          updated: "2026-01-01T00:00:00.000Z",
          summary: "s",
        },
      ],
    });
    expect(xml).toContain("<title>&lt;script&gt;</title>");
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">');
    expect(xml).toContain("<author><name>Registre &amp; co</name></author>");
    expect(xml).not.toContain("<script>");
  });
});
