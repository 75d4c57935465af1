import { describe, expect, it } from "vitest";

import { worldMapMarkup } from "@/components/directory/world-map-markup";
import type { CountryCount } from "@/server/queries/directory-map";

const norway: CountryCount = { code: "NOR", name: "Norway", isoNumeric: "578", region: "EUR", count: 2 };

describe("worldMapMarkup", () => {
  it("draws a country without centres as a bare path and one with centres as a named link with its click area", () => {
    const markup = worldMapMarkup(
      [
        { isoNumeric: "752", name: "Sweden", d: "M1,2l3-4z" },
        { isoNumeric: "578", name: "Norway", d: "M5,6l1,0z" },
      ],
      [norway],
    );
    expect(markup).toBe(
      "<path d='M1,2l3-4z'/>" +
        "<a href='/centres?country=NOR' class='s1'><title>Norway: 2 centres</title>" +
        "<path id='c578' d='M5,6l1,0z'/><use href='#c578' class='map-hit'/></a>",
    );
  });

  it("shades by bucket and says centre for one", () => {
    const shade = (count: number) =>
      worldMapMarkup([{ isoNumeric: "578", name: "Norway", d: "M0,0z" }], [{ ...norway, count }]);
    expect(shade(1)).toContain("class='s0'><title>Norway: 1 centre</title>");
    expect(shade(3)).toContain("class='s1'");
    expect(shade(10)).toContain("class='s2'");
    expect(shade(30)).toContain("class='s3'");
    expect(shade(500)).toContain("class='s4'");
  });

  it("matches counts by ISO number however it is padded", () => {
    const markup = worldMapMarkup(
      [{ isoNumeric: "036", name: "Australia", d: "M0,0z" }],
      [{ code: "AUS", name: "Australia", isoNumeric: "36", region: "WPR", count: 4 }],
    );
    expect(markup).toContain("<a href='/centres?country=AUS'");
  });

  it("escapes every value it writes, so no name, code or path can break out of its text or attribute", () => {
    const markup = worldMapMarkup(
      [{ isoNumeric: "384", name: "Côte d'Ivoire", d: "M0,0z'/><script>alert(1)</script>" }],
      [
        {
          code: "C'I&<x>",
          name: `Côte d'Ivoire <script>alert("x")</script> & co`,
          isoNumeric: "384",
          region: "AFR",
          count: 1,
        },
      ],
    );
    expect(markup).not.toContain("<script");
    expect(markup).toContain(
      "<title>Côte d&apos;Ivoire &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co: 1 centre</title>",
    );
    expect(markup).toContain("href='/centres?country=C&apos;I%26%3Cx%3E'");
    expect(markup).toContain("d='M0,0z&apos;/&gt;&lt;script&gt;alert(1)&lt;/script&gt;'");
    // Only the markup's own quotes are left: two per attribute.
    expect(markup.match(/'/g)).toHaveLength(2 * 6);
  });
});
