import { describe, expect, it } from "vitest";

import { repairWebsite } from "@/domain/legacy-website";

describe("repairWebsite", () => {
  it("has no website for an empty cell", () => {
    expect(repairWebsite("")).toEqual({ url: null, repairs: [] });
    expect(repairWebsite("   ")).toEqual({ url: null, repairs: [] });
  });

  it("keeps a valid address as it is", () => {
    expect(repairWebsite("http://www.anlis.gov.ar/inp")).toEqual({
      url: "http://www.anlis.gov.ar/inp",
      repairs: [],
    });
    expect(repairWebsite("https://www.rivm.nl/en")).toEqual({ url: "https://www.rivm.nl/en", repairs: [] });
  });

  it("removes the prefixed scheme of http://https://…", () => {
    expect(repairWebsite("http://https://ehealthresearch.no/who")).toEqual({
      url: "https://ehealthresearch.no/who",
      repairs: ["doubled-scheme"],
    });
  });

  it("keeps percent-encoded paths and queries", () => {
    const raw = "http://https://www.hamad.qa/EN/your%20health/Stop%20Smoking/Pages/default.aspx";
    expect(repairWebsite(raw).url).toBe(
      "https://www.hamad.qa/EN/your%20health/Stop%20Smoking/Pages/default.aspx",
    );
  });

  it("adds http:// to an address without a scheme", () => {
    expect(repairWebsite("www.pasteur.fr")).toEqual({
      url: "http://www.pasteur.fr/",
      repairs: ["missing-scheme"],
    });
    expect(repairWebsite("www.uc.cl/enfermeria").url).toBe("http://www.uc.cl/enfermeria");
  });

  it("removes spaces and stray colons around and inside the address", () => {
    expect(repairWebsite("http:// www.hsl.gov.uk").url).toBe("http://www.hsl.gov.uk/");
    expect(repairWebsite("http://www. sph.unc.edu/mch").url).toBe("http://www.sph.unc.edu/mch");
    expect(repairWebsite("http:// http://www.cnts.tn/").url).toBe("http://www.cnts.tn/");
    expect(repairWebsite("http:// https://www.irycis.org/en/").url).toBe("https://www.irycis.org/en/");
    expect(repairWebsite("http://:  http://www.dlsph.utoronto.ca/x/").url).toBe(
      "http://www.dlsph.utoronto.ca/x/",
    );
    expect(repairWebsite("http:// www.hsl.gov.uk").repairs).toContain("spaces-removed");
  });

  it("corrects a mistyped scheme", () => {
    expect(repairWebsite("htpp://www.cdc.gov")).toEqual({
      url: "http://www.cdc.gov/",
      repairs: ["scheme-typo"],
    });
    expect(repairWebsite("http://htp://www.nih.go.jp/niid/").url).toBe("http://www.nih.go.jp/niid/");
  });

  it("keeps the first of several addresses, with a warning", () => {
    for (const raw of [
      "http://www.niha.org.cn/, http://www.moheyes.com/",
      "http://www.onep.ma ; www.iea.ma",
      "http://enthns.iums.ac.ir/; http://iums.ac.ir/",
      "http://www.anses.fr - https://eurl-rabies.anses.fr/",
      "http://www.nier.go.kr/NIER/eng/index.do (whocc.nier.go.kr)",
    ]) {
      const result = repairWebsite(raw);
      expect(result.url, raw).toMatch(/^http:\/\/www\.|^http:\/\/enthns/);
      expect(result.warning, raw).toMatch(/more than one address/);
    }
  });

  it("keeps parentheses and hyphens that belong to the address", () => {
    expect(repairWebsite("https://en.wikipedia.org/wiki/Foo_(bar)").url).toBe(
      "https://en.wikipedia.org/wiki/Foo_(bar)",
    );
    expect(repairWebsite("https://www.klinikum-duesseldorf.lvr.de/").url).toBe(
      "https://www.klinikum-duesseldorf.lvr.de/",
    );
  });

  it.each([
    "http://Website is blocked outside of Iran",
    "http://in re-construction",
    "http://None",
    "http://555/5D Elvitigala Mawatha , Narahenpita,Colombo 5",
    "http://https://sydney,edu.au/marie-bashir-institute",
    "http://uchib@infoweb.abs.net",
    "http://www.uofg@edu.sd\\centres\\edc",
    "ftp://files.example.org",
    "javascript:alert(1)",
    "http://localhost:3000",
    "http://192.168.0.1/",
  ])("drops %j with a warning rather than failing the record", (raw) => {
    const result = repairWebsite(raw);
    expect(result.url).toBeNull();
    expect(result.warning).toMatch(/not a valid web address: dropped/);
  });
});
