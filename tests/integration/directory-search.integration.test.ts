import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PrismaClient } from "@/generated/prisma/client";
import { englishSearchProblems } from "@/i18n/search-problems";
import { createPrismaClient } from "@/server/db/create-client";
import { seedAll } from "@/server/seed/seed-all";

import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/test-database";

// The public directory against a real database (PGlite, and PostgreSQL when
// TEST_DATABASE_URL is set), seeded with the 821 real centres and the demo data.

const now = new Date("2026-11-25T12:00:00Z");

type Modules = {
  search: typeof import("@/domain/directory/search-params");
  resolve: typeof import("@/server/queries/directory-resolve");
  directory: typeof import("@/server/queries/directory-search");
  page: typeof import("@/server/queries/directory-page");
  list: typeof import("@/server/public-api/list-centres");
  exporter: typeof import("@/server/public-api/export-centres");
  respond: typeof import("@/server/public-api/respond");
  detail: typeof import("@/server/queries/centre-detail");
  feed: typeof import("@/server/queries/designation-feed");
  stats: typeof import("@/server/queries/directory-stats");
  facets: typeof import("@/server/queries/directory-facets");
};

type ApiBody = {
  errors: string[];
  items: { reference: string }[];
  meta: { count: number | null; nextCursor: string | null; facets: unknown };
};

const appGlobal = globalThis as unknown as { prisma?: PrismaClient };

for (const kind of testDatabaseKinds()) {
  describe(`public directory (${kind})`, () => {
    let database: TestDatabase;
    let prisma: PrismaClient;
    let m: Modules;

    beforeAll(async () => {
      database = await createTestDatabase(kind);
      prisma = createPrismaClient(database.url, 4);
      await seedAll(prisma, { demoMode: true, now });
      // The app's own client reads DATABASE_URL on first use.
      await appGlobal.prisma?.$disconnect();
      delete appGlobal.prisma;
      process.env.DATABASE_URL = database.url;
      m = {
        search: await import("@/domain/directory/search-params"),
        resolve: await import("@/server/queries/directory-resolve"),
        directory: await import("@/server/queries/directory-search"),
        page: await import("@/server/queries/directory-page"),
        list: await import("@/server/public-api/list-centres"),
        exporter: await import("@/server/public-api/export-centres"),
        respond: await import("@/server/public-api/respond"),
        detail: await import("@/server/queries/centre-detail"),
        feed: await import("@/server/queries/designation-feed"),
        stats: await import("@/server/queries/directory-stats"),
        facets: await import("@/server/queries/directory-facets"),
      };
    });

    afterAll(async () => {
      await appGlobal.prisma?.$disconnect();
      delete appGlobal.prisma;
      await prisma?.$disconnect();
      await database?.drop();
    });

    const record = (query: string) => m.search.toParamsRecord(new URLSearchParams(query).entries());

    async function page(query: string) {
      const result = await m.page.directoryPage(record(query));
      if (!result.ok) throw new Error(englishSearchProblems(result.errors).join("; "));
      return result;
    }

    async function api(query: string, headers: Record<string, string> = {}) {
      const url = new URL(`http://localhost/api/v1/centres?${query}`);
      const request = new Request(url, { headers: { "x-forwarded-for": "203.0.113.7", ...headers } });
      const response = await m.respond.publicApi(request, () => m.list.listCentres(url));
      return { status: response.status, headers: response.headers, body: (await response.json()) as ApiBody };
    }

    it("finds tuberculosis centres for the typo “tubercolosis” and says so", async () => {
      const result = await page("q=tubercolosis");
      expect(result.result.total).toBeGreaterThan(5);
      expect(result.result.corrections).toEqual([{ word: "tubercolosis", correction: "tuberculosis" }]);
      expect(
        result.result.items.every((centre) => /tubercul/i.test(centre.title + centre.subjects.join(" "))),
      ).toBe(true);
    });

    it("finds NOR-18 by the prefix “telemed” in the European Region, first", async () => {
      const result = await page("q=telemed&region=EURO");
      expect(result.result.items[0]?.reference).toBe("NOR-18");
      expect(result.result.items.every((centre) => centre.region.code === "EURO")).toBe(true);
      const full = await page("q=telemedicine&region=EURO");
      expect(full.result.items.map((centre) => centre.reference)).toContain("NOR-18");
    });

    it("searches the terms of reference and work plan of the current term", async () => {
      const tor = await prisma.termsOfReferenceItem.findFirst({
        where: { designation: { centre: { reference: "NOR-18" }, state: "DESIGNATED" } },
        select: { text: true },
      });
      expect(tor).not.toBeNull();
      const distinctive = tor!.text
        .split(/\s+/)
        .filter((word) => word.length > 7)
        .slice(0, 2)
        .join(" ");
      const result = await page(`q=${encodeURIComponent(distinctive)}`);
      expect(result.result.items.map((centre) => centre.reference)).toContain("NOR-18");
    });

    it("counts facets over the whole filtered set, matching independent counts", async () => {
      const result = await page("region=EURO");
      const euro = await prisma.centre.count({
        where: { region: { code: "EURO" }, status: { in: ["ACTIVE", "PENDING"] } },
      });
      expect(result.result.total).toBe(euro);
      // The region facet is counted without its own filter: every region stays.
      expect(result.result.facets.region).toContainEqual({
        value: "EURO",
        label: expect.any(String),
        count: euro,
        selected: true,
      });
      expect(result.result.facets.region).toHaveLength(6);
      const statusSum = result.result.facets.status.reduce((sum, value) => sum + value.count, 0);
      expect(statusSum).toBe(euro);

      const norway = result.result.facets.country.find((value) => value.value === "NOR");
      expect(norway?.count).toBe(
        await prisma.centre.count({
          where: { country: { whoCode: "NOR" }, status: { in: ["ACTIVE", "PENDING"] } },
        }),
      );

      // Subjects: only the first three of a centre are public, so only they count.
      const nursing = result.result.facets.subject.find((value) => value.value === "Nursing");
      const expected = await prisma.centre.count({
        where: {
          region: { code: "EURO" },
          status: { in: ["ACTIVE", "PENDING"] },
          subjects: { some: { subject: { name: "Nursing" }, position: { lte: 3 } } },
        },
      });
      expect(nursing?.count).toBe(expected);
      const filtered = await page("region=EURO&subject=Nursing");
      expect(filtered.result.total).toBe(expected);
    });

    // Issue #12 item 3: values of one facet combine with OR, facets with AND,
    // and a facet with values chosen is counted without its own filter.
    const current = { status: { in: ["ACTIVE" as const, "PENDING" as const] } };
    const countsOf = (values: { value: string; count: number }[]) =>
      Object.fromEntries(values.map((value) => [value.value, value.count]));

    it("ORs the values of one facet and keeps every value's count (no keywords: the counter tables)", async () => {
      const none = await page("");
      const both = await page("region=EURO&region=AFRO");
      const expected = await prisma.centre.count({
        where: { ...current, region: { code: { in: ["EURO", "AFRO"] } } },
      });
      expect(expected).toBeGreaterThan(0);
      expect(both.result.total).toBe(expected);
      expect(both.result.items.every((centre) => ["EURO", "AFRO"].includes(centre.region.code))).toBe(true);
      expect(countsOf(both.result.facets.region)).toEqual(countsOf(none.result.facets.region));
      expect(
        both.result.facets.region
          .filter((value) => value.selected)
          .map((value) => value.value)
          .sort(),
      ).toEqual(["AFRO", "EURO"]);
      // The other facets are counted over the two regions' centres.
      const norway = both.result.facets.country.find((value) => value.value === "NOR");
      expect(norway?.count).toBe(
        await prisma.centre.count({ where: { ...current, country: { whoCode: "NOR" } } }),
      );
      expect(both.result.facets.country.some((value) => value.value === "USA")).toBe(false);
      const statusSum = both.result.facets.status.reduce((sum, value) => sum + value.count, 0);
      expect(statusSum).toBe(expected);

      // Two countries (their subjects are counted from the search rows).
      const nordic = await page("country=SWE&country=NOR");
      expect(nordic.result.total).toBe(
        await prisma.centre.count({ where: { ...current, country: { whoCode: { in: ["NOR", "SWE"] } } } }),
      );
      expect(countsOf(nordic.result.facets.country)).toEqual(countsOf(none.result.facets.country));
    });

    it("ANDs facets: each chosen facet is counted with the other facets' filters only", async () => {
      const nursing = { subjects: { some: { subject: { name: "Nursing" }, position: { lte: 3 } } } };
      const regions = { region: { code: { in: ["EURO", "AMRO"] } } };
      const result = await page("region=EURO&region=AMRO&subject=Nursing");
      const expected = await prisma.centre.count({ where: { ...current, ...regions, ...nursing } });
      expect(expected).toBeGreaterThan(0);
      expect(result.result.total).toBe(expected);
      // Regions: as if no region were chosen, with the subject.
      expect(countsOf(result.result.facets.region)).toEqual(
        countsOf((await page("subject=Nursing")).result.facets.region),
      );
      const africa = result.result.facets.region.find((value) => value.value === "AFRO");
      expect(africa).toMatchObject({ selected: false });
      expect(africa?.count).toBe(
        await prisma.centre.count({ where: { ...current, region: { code: "AFRO" }, ...nursing } }),
      );
      // Subjects: as if no subject were chosen, in the two regions.
      expect(countsOf(result.result.facets.subject)).toEqual(
        countsOf((await page("region=EURO&region=AMRO")).result.facets.subject),
      );
      // Statuses: both regions, both filters.
      const statusSum = result.result.facets.status.reduce((sum, value) => sum + value.count, 0);
      expect(statusSum).toBe(expected);

      // A chosen status keeps the other statuses on offer, with their counts.
      const active = await page("status=active&region=EURO");
      expect(active.result.total).toBe(
        await prisma.centre.count({ where: { status: "ACTIVE", region: { code: "EURO" } } }),
      );
      expect(active.result.facets.status).toEqual(
        (await page("region=EURO")).result.facets.status.map((value) => ({
          ...value,
          selected: value.value === "active",
        })),
      );
      const closed = await page("status=closed");
      expect(closed.result.facets.status.map((value) => value.value)).toEqual([
        "active",
        "pending",
        "closed",
      ]);
    });

    it("keeps counts with keywords too, whatever the order of values, in the page, the API and the exports", async () => {
      const words = await page("q=health");
      const both = await page("q=health&region=EURO&region=AFRO");
      const regionCounts = countsOf(words.result.facets.region);
      expect(countsOf(both.result.facets.region)).toEqual(regionCounts);
      expect(both.result.total).toBe((regionCounts.EURO ?? 0) + (regionCounts.AFRO ?? 0));
      expect(both.result.total).toBeGreaterThan(0);
      const euro = await page("q=health&region=EURO");
      expect(euro.result.total).toBe(regionCounts.EURO);

      const forward = await api("q=health&region=EURO&region=AFRO&limit=100");
      const backward = await api("region=AFRO&q=health&region=EURO&region=afro&limit=100");
      expect(forward.status).toBe(200);
      expect(forward.body.meta.count).toBe(both.result.total);
      expect(backward.body.meta.count).toBe(both.result.total);
      expect(backward.body.items.map((item) => item.reference)).toEqual(
        forward.body.items.map((item) => item.reference),
      );
      const apiRegions = (forward.body.meta.facets as { region: { value: string; count: number }[] }).region;
      expect(countsOf(apiRegions)).toEqual(regionCounts);

      const unknown = await api("region=EURO&region=ATLANTIS");
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors.join(" ")).toContain('Unknown region "ATLANTIS"');
      const unknownSubject = await api("subject=Nursing&subject=Underwater%20basket%20weaving");
      expect(unknownSubject.status).toBe(400);
      expect(unknownSubject.body.errors.join(" ")).toContain("Underwater basket weaving");
      const pageError = await m.page.directoryPage(record("region=EURO&region=ATLANTIS"));
      expect(pageError.ok).toBe(false);
      expect(!pageError.ok && englishSearchProblems(pageError.errors)).toEqual([
        expect.stringContaining('Unknown region "ATLANTIS"'),
      ]);

      const csv = await m.exporter.exportCentres(
        new URL("http://localhost/api/v1/centres.csv?q=health&region=EURO&region=AFRO&header=machine"),
        "csv",
      );
      const rows = parse(await csv.text(), { columns: true }) as { region: string }[];
      expect(rows).toHaveLength(both.result.total);
      expect(new Set(rows.map((row) => row.region))).toEqual(new Set(["AFRO", "EURO"]));
    });

    it("ranks by relevance with words unless the visitor chose another order, in the page and the API", async () => {
      const ranked = await page("q=telemedicine");
      expect(ranked.result.items[0]?.reference).toBe("NOR-18");
      // What the search form submits for its default order: an empty sort.
      const fromForm = await page("q=telemedicine&sort=&former=");
      expect(fromForm.result.items.map((centre) => centre.reference)).toEqual(
        ranked.result.items.map((centre) => centre.reference),
      );
      const chosen = await page("q=telemedicine&sort=reference");
      const references = chosen.result.items.map((centre) => centre.reference);
      expect(references.indexOf("ARG-34")).toBeGreaterThanOrEqual(0);
      expect(references.indexOf("ARG-34")).toBeLessThan(references.indexOf("NOR-18"));
      const viaApi = await api("q=telemedicine");
      expect(viaApi.body.items[0]?.reference).toBe("NOR-18");
    });

    it("shows former centres only when asked", async () => {
      const current = await page("");
      const all = await page("former=1");
      const former = await prisma.centre.count({ where: { status: { in: ["CLOSED", "TERMINATED"] } } });
      expect(former).toBeGreaterThan(0);
      expect(all.result.total - current.result.total).toBe(former);
      expect(current.result.facets.status.map((value) => value.value)).toEqual(["active", "pending"]);
      const hidden = await prisma.centre.count({ where: { status: { in: ["PROPOSED", "NOT_DESIGNATED"] } } });
      expect(hidden).toBeGreaterThan(0);
      expect(all.result.total).toBe((await prisma.centre.count()) - hidden);
    });

    it("walks every matching centre exactly once with the cursor, even across ties", async () => {
      // Make ties: 40 centres with one and the same title.
      const tied = await prisma.centre.findMany({
        where: { status: "ACTIVE" },
        select: { id: true },
        take: 40,
        orderBy: { id: "desc" },
      });
      await prisma.centre.updateMany({
        where: { id: { in: tied.map((row) => row.id) } },
        data: { title: "WHO Collaborating Centre for Tied Titles" },
      });
      const expected = await prisma.centre.count({ where: { status: { in: ["ACTIVE", "PENDING"] } } });

      for (const query of [
        "sort=title&limit=7",
        "sort=expiry&limit=100",
        "q=tied+titles&limit=3",
        "q=health&limit=100",
      ]) {
        const seen: string[] = [];
        let cursor: string | null = null;
        let count = -1;
        for (let guard = 0; guard < 1000; guard++) {
          const { status, body } = await api(`${query}${cursor ? `&cursor=${cursor}` : ""}`, {
            "x-forwarded-for": `198.51.100.${guard % 250}`,
          });
          expect(status).toBe(200);
          seen.push(...body.items.map((item: { reference: string }) => item.reference));
          if (guard === 0) count = body.meta.count ?? -1;
          else expect(body.meta.facets).toBeNull();
          cursor = body.meta.nextCursor;
          if (!cursor) {
            expect(seen.length).toBe(count);
            break;
          }
        }
        expect(new Set(seen).size).toBe(seen.length);
        if (!query.startsWith("q=")) expect(seen.length).toBe(expected);
        if (query.startsWith("q=tied")) expect(seen.length).toBe(40);
      }
    });

    // The counter tables must always equal a recount of the search rows.
    async function countersMatchRecount() {
      const drift = await prisma.$queryRaw<{ drift: number }[]>`
        WITH expected AS (
          SELECT status, "regionId", "countryId", initiator, count(*)::int AS count
          FROM "CentreSearch" GROUP BY 1, 2, 3, 4
        ), kept AS (
          SELECT status, "regionId", "countryId", initiator, count FROM "DirectoryCentreCount" WHERE count <> 0
        ), expected_terms AS (
          SELECT k.kind, s.status, s."regionId", s.initiator, k."termId", count(*)::int AS count
          FROM "CentreSearch" s
          CROSS JOIN LATERAL (
            SELECT 1::smallint, u FROM unnest(s."subjectIds") AS u
            UNION ALL SELECT 2::smallint, u FROM unnest(s."activityTypeIds") AS u
          ) AS k(kind, "termId")
          GROUP BY 1, 2, 3, 4, 5
        ), kept_terms AS (
          SELECT kind, status, "regionId", initiator, "termId", count FROM "DirectoryTermCount" WHERE count <> 0
        )
        SELECT ((SELECT count(*) FROM (SELECT * FROM expected EXCEPT SELECT * FROM kept) a)
              + (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM expected) b)
              + (SELECT count(*) FROM (SELECT * FROM expected_terms EXCEPT SELECT * FROM kept_terms) c)
              + (SELECT count(*) FROM (SELECT * FROM kept_terms EXCEPT SELECT * FROM expected_terms) d))::int AS drift`;
      expect(drift[0]?.drift).toBe(0);
    }

    const dataVersion = async () =>
      (await prisma.searchDataVersion.findUniqueOrThrow({ where: { id: 1 } })).version;

    it("keeps the facet counters equal to a recount through edits, and bumps the data version", async () => {
      await countersMatchRecount();
      expect(await prisma.directoryCentreCount.count()).toBeGreaterThan(0);
      const centre = await prisma.centre.findFirstOrThrow({
        where: { status: "ACTIVE", subjects: { some: {} } },
        select: { id: true, status: true, countryId: true, regionId: true, reference: true },
        orderBy: { id: "asc" },
      });
      const other = await prisma.country.findFirstOrThrow({
        where: { id: { not: centre.countryId } },
        select: { id: true, regionId: true },
      });
      const subject = await prisma.subject.findFirstOrThrow({
        where: { centres: { none: { centreId: centre.id } } },
        select: { id: true, name: true },
      });
      const before = await dataVersion();
      const regionTotal = async () =>
        (
          await page(
            `region=${(await prisma.region.findUniqueOrThrow({ where: { id: other.regionId } })).code}`,
          )
        ).result.total;
      const otherRegionBefore = await regionTotal();

      // A status, a country and a subject change, each its own statement.
      await prisma.centre.update({
        where: { id: centre.id },
        data: { status: "PENDING", countryId: other.id, regionId: other.regionId },
      });
      // Position 0: first, so public (and counted); another subject drops to fourth.
      await prisma.centreSubject.create({
        data: { centreId: centre.id, subjectId: subject.id, position: 0 },
      });
      await countersMatchRecount();
      expect(await dataVersion()).toBeGreaterThan(before);
      if (other.regionId !== centre.regionId) expect(await regionTotal()).toBe(otherRegionBefore + 1);

      // A vocabulary change alone bumps the version too (the app caches names by it).
      const afterEdits = await dataVersion();
      await prisma.subject.update({ where: { id: subject.id }, data: { name: "Zz temporary name" } });
      expect(await dataVersion()).toBeGreaterThan(afterEdits);

      // Undo: the counters come back to what they were.
      await prisma.subject.update({ where: { id: subject.id }, data: { name: subject.name } });
      await prisma.centreSubject.delete({
        where: { centreId_subjectId: { centreId: centre.id, subjectId: subject.id } },
      });
      await prisma.centre.update({
        where: { id: centre.id },
        data: { status: centre.status, countryId: centre.countryId, regionId: centre.regionId },
      });
      await countersMatchRecount();
    });

    it("counts facets from the counters exactly as a scan of the matches would", async () => {
      for (const query of [
        "",
        "former=1",
        "region=EURO",
        "region=EURO&region=AFRO&initiator=HQ",
        "country=NOR",
        "country=NOR&country=USA&status=active",
        "status=closed&status=terminated",
      ]) {
        const parsed = m.search.parsePageSearch(record(query));
        if (!parsed.ok) throw new Error(englishSearchProblems(parsed.errors).join("; "));
        const resolved = await m.resolve.resolveSearch(parsed.value);
        if (!resolved.ok) throw new Error(englishSearchProblems(resolved.errors).join("; "));
        const sorted = (rows: { facet: string; id: string; count: number }[]) =>
          rows.map((row) => `${row.facet}:${row.id}:${Number(row.count)}`).sort();
        const fromCounters = await prisma.$queryRaw<{ facet: string; id: string; count: number }[]>(
          m.facets.facetsSql(resolved.value),
        );
        const fromScan = await prisma.$queryRaw<{ facet: string; id: string; count: number }[]>(
          m.facets.scanFacetsSql(resolved.value),
        );
        expect(m.facets.facetsSql(resolved.value).text).toContain("DirectoryCentreCount");
        expect(sorted(fromCounters), query).toEqual(sorted(fromScan));
      }
    });

    it("a keyword search reads its matches once for page and counts, with the same results as two statements", async () => {
      const centres = await import("@/server/queries/directory-centres");
      for (const [query, offset] of [
        ["q=health", 0],
        ["q=telemed&region=EURO&sort=title", 0],
        ["q=health&sort=expiry", 20],
        ["q=tubercolosis&former=1&sort=reference", 0],
      ] as const) {
        const parsed = m.search.parsePageSearch(record(query));
        if (!parsed.ok) throw new Error(englishSearchProblems(parsed.errors).join("; "));
        const resolved = await m.resolve.resolveSearch(parsed.value);
        if (!resolved.ok) throw new Error(englishSearchProblems(resolved.errors).join("; "));
        const options = { limit: 20, offset };
        const [combined] = await prisma.$queryRaw<
          {
            page: { reference: string; key: unknown }[] | null;
            counts: { facet: string; id: string; count: number }[] | null;
          }[]
        >(m.directory.pageAndCountsSql(resolved.value, options));
        const separatePage = await prisma.$queryRaw<{ reference: string; key: unknown }[]>(
          centres.hydratedPageSql(
            m.directory.pageIdsSql(resolved.value, options),
            resolved.value.sort === "relevance",
          ),
        );
        const separateCounts = await prisma.$queryRaw<{ facet: string; id: string; count: number }[]>(
          m.facets.scanFacetsSql(resolved.value),
        );
        const sorted = (rows: { facet: string; id: string; count: number }[]) =>
          rows.map((row) => `${row.facet}:${row.id}:${Number(row.count)}`).sort();
        expect(separatePage.length, query).toBeGreaterThan(0);
        expect(
          (combined?.page ?? []).map((row) => row.reference),
          query,
        ).toEqual(separatePage.map((row) => row.reference));
        expect(
          (combined?.page ?? []).map((row) => String(row.key)),
          query,
        ).toEqual(separatePage.map((row) => String(row.key)));
        expect(sorted(combined?.counts ?? []), query).toEqual(sorted(separateCounts));
      }
    });

    it("the home page, map and statistics show one headline figure, equal to direct counts", async () => {
      const current = await import("@/server/queries/current-centres");
      const figures = await import("@/domain/directory/current-centres");
      const map = await import("@/server/queries/directory-map");
      const regions = await current.currentCentresByRegion();
      // Every region listed, each with its Active and Pending centres counted directly.
      const direct = await prisma.centre.groupBy({
        by: ["regionId", "status"],
        where: { status: { in: ["ACTIVE", "PENDING"] } },
        _count: { _all: true },
      });
      const allRegions = await prisma.region.findMany({
        select: { id: true, code: true },
        orderBy: { code: "asc" },
      });
      expect(regions.map((region) => region.code)).toEqual(allRegions.map((region) => region.code));
      for (const region of allRegions) {
        const count = (status: string) =>
          direct.find((row) => row.regionId === region.id && row.status === status)?._count._all ?? 0;
        expect(regions.find((row) => row.code === region.code)).toMatchObject({
          active: count("ACTIVE"),
          pending: count("PENDING"),
        });
      }
      const figure = figures.currentCentresFigure(regions);
      expect(figure).toEqual({
        current: await prisma.centre.count({ where: { status: { in: ["ACTIVE", "PENDING"] } } }),
        active: await prisma.centre.count({ where: { status: "ACTIVE" } }),
        pending: await prisma.centre.count({ where: { status: "PENDING" } }),
      });
      expect(figure.active).toBeGreaterThan(0);
      expect(figure.pending).toBeGreaterThan(0);
      // The statistics page reads the same figure; the map's countries add up to it.
      expect((await m.stats.directoryStats(now)).headline).toEqual(figure);
      const countries = await map.centresByCountry();
      expect(countries.reduce((sum, country) => sum + country.count, 0)).toBe(figure.current);
      const byCountry = await prisma.centre.groupBy({
        by: ["countryId"],
        where: { status: { in: ["ACTIVE", "PENDING"] } },
        _count: { _all: true },
      });
      expect(countries).toHaveLength(byCountry.length);
      // Each part of the figure links to the search that lists exactly those centres.
      for (const [part, value] of [
        ["current", figure.current],
        ["ACTIVE", figure.active],
        ["PENDING", figure.pending],
      ] as const) {
        const href = figures.currentCentresSearch(part);
        expect((await page(href.split("?")[1] ?? "")).result.total, href).toBe(value);
      }
      const euro = regions.find((region) => region.code === "EURO")!;
      expect((await page("region=EURO&status=pending")).result.total).toBe(euro.pending);
      const stats = await m.stats.directoryStats(now);
      const nursing = await prisma.centre.count({
        where: {
          status: { in: ["ACTIVE", "PENDING"] },
          subjects: { some: { subject: { name: "Nursing" }, position: { lte: 3 } } },
        },
      });
      expect(stats.bySubject.find((row) => row.label === "Nursing")?.value).toBe(nursing);
    });

    it("finds NOR-18 by its host institution's name; an imported centre without one says so", async () => {
      const found = await page("q=Norwegian Centre for E-health Research");
      expect(found.result.items[0]?.reference).toBe("NOR-18");
      const nor18 = await m.detail.findPublicCentre("NOR-18");
      expect(nor18?.institution?.name).toBe("Norwegian Centre for E-health Research");
      expect(nor18?.imported).toBe(true);
      const withoutInstitution = await prisma.centre.findFirstOrThrow({
        where: { institutionId: null, importedAt: { not: null }, status: "PENDING" },
        select: { reference: true },
      });
      const detail = await m.detail.findPublicCentre(withoutInstitution.reference);
      expect(detail).toMatchObject({ imported: true, institution: null });
    });

    it("keeps the search rows in step with edits (triggers)", async () => {
      const centre = await prisma.centre.findFirstOrThrow({
        where: { reference: "NOR-18" },
        select: { id: true, title: true },
      });
      await prisma.centre.update({
        where: { id: centre.id },
        data: { title: `${centre.title} Zebrafishology` },
      });
      expect((await page("q=zebrafishology")).result.items.map((c) => c.reference)).toEqual(["NOR-18"]);
      await prisma.centre.update({ where: { id: centre.id }, data: { title: centre.title } });
      expect((await page("q=zebrafishology")).result.total).toBe(0);
    });

    it("searches a word as its exact lexeme only where no other lexeme begins with it: same matches, same ranks", async () => {
      const text = await import("@/domain/directory/full-text-query");
      const resolveOf = async (query: string) => {
        const parsed = m.search.parsePageSearch(record(query));
        if (!parsed.ok) throw new Error(englishSearchProblems(parsed.errors).join("; "));
        const resolved = await m.resolve.resolveSearch(parsed.value);
        if (!resolved.ok) throw new Error(englishSearchProblems(resolved.errors).join("; "));
        return resolved.value;
      };
      // Every match with its rank key, in order, for the search as resolved
      // and for the same words all searched as prefixes (the old query).
      const everyMatch = (resolved: Awaited<ReturnType<typeof resolveOf>>) =>
        prisma.$queryRaw<{ id: number; key: unknown }[]>(
          m.directory.pageIdsSql(resolved, { limit: 100_000 }),
        );
      const asPrefixes = (resolved: Awaited<ReturnType<typeof resolveOf>>) => ({
        ...resolved,
        tsQuery: text.buildTsQuery(resolved.words.map((word) => ({ ...word, exact: false }))),
      });

      const telemedicine = await resolveOf("q=telemedicine");
      expect(telemedicine.tsQuery).toBe("telemedicine");
      // "health" also begins "healthcare": it stays a prefix.
      expect((await resolveOf("q=health")).tsQuery).toBe("health:*");
      for (const query of [
        "q=telemedicine",
        "q=nursing",
        "q=tuberculosis+control",
        "q=malaria&former=1",
        "q=tubercolosis",
      ]) {
        const resolved = await resolveOf(query);
        const found = await everyMatch(resolved);
        expect(found.length, query).toBeGreaterThan(0);
        expect(found, query).toEqual(await everyMatch(asPrefixes(resolved)));
      }
      expect((await resolveOf("q=tuberculosis+control")).tsQuery).toMatch(/^tuberculosis & control(:\*)?$/);

      // A new lexeme that begins with "telemedicin" turns the word back into a
      // prefix at once (the refresh lists it in the same statement).
      const centre = await prisma.centre.findFirstOrThrow({
        where: { reference: "NOR-18" },
        select: { id: true, title: true },
      });
      await prisma.centre.update({
        where: { id: centre.id },
        data: { title: `${centre.title} Telemedicineology` },
      });
      const after = await resolveOf("q=telemedicine");
      expect(after.tsQuery).toBe("telemedicine:*");
      expect((await page("q=telemedicineology")).result.items.map((c) => c.reference)).toEqual(["NOR-18"]);
      await prisma.centre.update({ where: { id: centre.id }, data: { title: centre.title } });
      expect(await everyMatch(await resolveOf("q=telemedicine"))).toEqual(await everyMatch(telemedicine));
    });

    it.each([
      ["q=" + "x".repeat(10_000), /too long/],
      ["region=ATLANTIS", /Unknown region/],
      ["subject=Alchemy", /Unknown subject/],
      ["country=ZZZ", /Unknown country/],
      ["page=-1", /page number/],
    ])("the page explains bad input instead of failing: %#", async (query, message) => {
      const result = await m.page.directoryPage(record(query));
      expect(result.ok).toBe(false);
      expect(!result.ok && englishSearchProblems(result.errors).join(" ")).toMatch(message);
    });

    it("treats HTML and SQL in q as words", async () => {
      const result = await page(
        `q=${encodeURIComponent(`<script>alert(1)</script>' OR 1=1; DROP TABLE "Centre" --`)}`,
      );
      expect(result.result.total).toBe(0);
      expect(await prisma.centre.count()).toBeGreaterThan(800);
      const empty = await page("q=%3A*%26%7C!()");
      expect(empty.result.total).toBeGreaterThan(0);
    });

    it.each([
      ["colour=blue", /Unknown parameter "colour"/],
      ["limit=0", /limit must be from 1 to 100/],
      ["limit=101", /limit must be from 1 to 100/],
      ["limit=ten", /limit must be a whole number/],
      ["cursor=not-a-cursor", /cursor is malformed/],
      ["region=MARS", /Unknown region/],
      ["status=proposed", /Unknown status/],
      ["q=" + "y".repeat(10_000), /too long/],
    ])("the API answers 400 with an explanation: %#", async (query, message) => {
      const { status, body } = await api(query);
      expect(status).toBe(400);
      expect(body.errors.join(" ")).toMatch(message);
    });

    it("rejects a cursor from another search", async () => {
      const first = await api("q=health&limit=2");
      const other = await api(`q=nursing&limit=2&cursor=${first.body.meta.nextCursor}`);
      expect(other.status).toBe(400);
      expect(other.body.errors[0]).toMatch(/different search/);
    });

    it("rate-limits anonymous clients per address, in the database (429 with Retry-After)", async () => {
      process.env.API_RATE_LIMIT_PER_MINUTE = "3";
      try {
        const address = { "x-forwarded-for": "192.0.2.99" };
        for (let i = 0; i < 3; i++) expect((await api("limit=1", address)).status).toBe(200);
        const limited = await api("limit=1", address);
        expect(limited.status).toBe(429);
        expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
        expect(limited.body.errors[0]).toMatch(/Too many requests/);
        // Another address is not affected.
        expect((await api("limit=1", { "x-forwarded-for": "192.0.2.100" })).status).toBe(200);
        const row = await prisma.apiRateLimit.findUnique({ where: { key: "api:192.0.2.99" } });
        expect(row?.hits).toBe(4);
      } finally {
        delete process.env.API_RATE_LIMIT_PER_MINUTE;
      }
    });

    it("exports the complete result set as CSV, JSON and NDJSON, streamed", async () => {
      const expected = (await page("region=EURO")).result.total;
      const exportOf = async (format: "csv" | "json" | "ndjson", extra = "") => {
        const response = await m.exporter.exportCentres(
          new URL(`http://localhost/api/v1/centres.${format}?region=EURO${extra}`),
          format,
        );
        expect(response.status).toBe(200);
        expect(response.body).toBeInstanceOf(ReadableStream);
        return response.text();
      };
      const csv = (await exportOf("csv")).trimEnd().split("\r\n");
      // Column headings in words, English unless lang= names another language;
      // header=machine gives the stable names; the rows are the same data.
      expect(csv[0]).toMatch(/^Reference,Title,Status,Region,Country,/);
      expect(csv).toHaveLength(expected + 1);
      expect(csv.some((line) => line.startsWith("NOR-18,"))).toBe(true);
      const french = (await exportOf("csv", "&lang=fr")).trimEnd().split("\r\n");
      expect(french[0]).toMatch(/^Référence,Titre,Statut,Région,Pays,/);
      const machine = (await exportOf("csv", "&lang=ar&header=machine")).trimEnd().split("\r\n");
      expect(machine[0]).toMatch(/^reference,title,status,region,country,/);
      expect(french.slice(1)).toEqual(csv.slice(1));
      expect(machine.slice(1)).toEqual(csv.slice(1));
      const ndjson = (await exportOf("ndjson"))
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as { reference: string });
      expect(ndjson).toHaveLength(expected);
      expect(new Set(ndjson.map((row) => row.reference)).size).toBe(expected);
      const json = JSON.parse(await exportOf("json")) as unknown[];
      expect(json).toHaveLength(expected);

      // The walk reads in batches: a small batch size still yields every row once.
      const parsed = m.search.parseExportSearch(record("region=EURO&sort=title"));
      if (!parsed.ok) throw new Error("parse");
      const resolved = await m.resolve.resolveSearch(parsed.value);
      if (!resolved.ok) throw new Error("resolve");
      const seen: string[] = [];
      for await (const centre of m.directory.allMatches(resolved.value, 13)) seen.push(centre.reference);
      expect(seen).toHaveLength(expected);
      expect(new Set(seen).size).toBe(expected);

      const bad = await m.exporter.exportCentres(
        new URL("http://localhost/api/v1/centres.csv?page=2"),
        "csv",
      );
      expect(bad.status).toBe(400);
    });

    it("the centre page shows the current terms of reference, history and no personal data", async () => {
      const centre = await m.detail.findPublicCentre("NOR-18");
      expect(centre?.termsOfReference.length).toBeGreaterThan(0);
      expect(centre?.termsOfReference.some((item) => item.activities.length > 0)).toBe(true);
      expect(centre?.history.some((event) => event.kind === "designation")).toBe(true);
      const json = JSON.stringify(centre);
      const people = await prisma.user.findMany({ select: { name: true, email: true } });
      for (const person of people) {
        expect(json).not.toContain(person.email);
        expect(json).not.toContain(person.name);
      }
      expect(json).not.toContain("Head of centre");
      const proposed = await prisma.centre.findFirstOrThrow({
        where: { status: "PROPOSED" },
        select: { reference: true },
      });
      expect(await m.detail.findPublicCentre(proposed.reference)).toBeNull();
    });

    it("feeds designations and status changes, newest first", async () => {
      const entries = await m.feed.designationFeed(50);
      expect(entries.length).toBe(50);
      expect(entries.map((entry) => entry.date.getTime())).toEqual(
        [...entries].map((entry) => entry.date.getTime()).sort((a, b) => b - a),
      );
      expect(new Set(entries.map((entry) => entry.kind)).size).toBeGreaterThan(1);
    });

    it("computes the statistics", async () => {
      const stats = await m.stats.directoryStats(now);
      const current = await prisma.centre.count({ where: { status: { in: ["ACTIVE", "PENDING"] } } });
      expect(stats.headline.current).toBe(current);
      expect(stats.byRegion.reduce((sum, region) => sum + region.value, 0)).toBe(current);
      expect(stats.expiriesNext12Months).toHaveLength(12);
      expect(stats.designationsPerYear.length).toBeGreaterThan(5);
    });
  });
}
