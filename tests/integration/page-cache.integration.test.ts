import { randomBytes } from "node:crypto";
import { createServer, get, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync, gzipSync } from "node:zlib";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { SESSION_COOKIE_HTTP } from "@/server/auth/config";
import { withAnonymousPageCache } from "@/server/http/page-cache-handler";
import { searchDataVersionReader } from "@/server/http/search-data-version";

import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/test-database";

// The production server's page cache around an app that renders like Next
// (a fresh CSP nonce per render, in the header, the markup and the flight
// data; gzip when asked), with SearchDataVersion read from a real database.
// The real Next app behind it is exercised by the Playwright suite.

function renderingApp() {
  let renders = 0;
  const cookies: (string | undefined)[] = [];
  const app = async (request: IncomingMessage, response: ServerResponse) => {
    renders += 1;
    cookies.push(request.headers.cookie);
    const nonce = randomBytes(18).toString("base64");
    const html = `<!DOCTYPE html><html><body><p>render ${renders} of ${request.url}</p><script nonce="${nonce}">self.__next_f.push([1,"{\\"nonce\\":\\"${nonce}\\"}"])</script></body></html>`;
    response.setHeader("content-security-policy", `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    response.setHeader("content-type", "text/html; charset=utf-8");
    response.setHeader("vary", "rsc, Accept-Encoding");
    if (request.url?.includes("cookie=1")) response.setHeader("set-cookie", "tracking=1; Path=/");
    if (/gzip/.test(String(request.headers["accept-encoding"] ?? ""))) {
      response.setHeader("content-encoding", "gzip");
      // Written in two chunks, as a streamed render is.
      const zipped = gzipSync(html);
      response.write(zipped.subarray(0, 10));
      response.end(zipped.subarray(10));
    } else {
      response.write(html.slice(0, 20));
      response.end(html.slice(20));
    }
  };
  return { app, renders: () => renders, lastCookie: () => cookies.at(-1) };
}

type Answer = { status: number; headers: Headers; body: string };

for (const kind of testDatabaseKinds()) {
  describe(`anonymous page cache (${kind})`, () => {
    let database: TestDatabase;
    let server: Server;
    let base: string;
    let versions: ReturnType<typeof searchDataVersionReader>;
    const app = renderingApp();
    const errors: unknown[] = [];

    const fetchPage = async (path: string, headers: Record<string, string> = {}): Promise<Answer> => {
      const response = await fetch(`${base}${path}`, {
        headers: { "accept-encoding": "identity", ...headers },
      });
      // fetch decompresses gzip itself; the raw length is checked separately.
      return { status: response.status, headers: response.headers, body: await response.text() };
    };
    // Stores happen once the response has finished; give the event loop a turn.
    const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
    const bumpVersion = async () => {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      await client.query(`UPDATE "SearchDataVersion" SET version = version + 1 WHERE id = 1`);
      await client.end();
    };

    beforeAll(async () => {
      database = await createTestDatabase(kind);
      versions = searchDataVersionReader(database.url);
      const handler = withAnonymousPageCache(app.app, {
        capacity: 10,
        newNonce: () => randomBytes(18).toString("base64"),
        currentVersion: versions.current,
        onError: (error) => errors.push(error),
      });
      server = createServer((request, response) => void handler(request, response));
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    afterAll(async () => {
      server?.close();
      await database?.drop();
    });

    it("renders the first anonymous visit and answers the next from the cache with a new nonce", async () => {
      const first = await fetchPage("/centres?q=nursing");
      await settle();
      const second = await fetchPage("/centres?q=nursing");
      const third = await fetchPage("/centres?q=nursing");
      expect(first.headers.get("x-page-cache")).toBe("miss");
      expect(second.headers.get("x-page-cache")).toBe("hit");
      expect(app.renders()).toBe(1);
      expect(second.body).toContain("render 1 of /centres?q=nursing");

      const nonceOf = (answer: Answer) =>
        /'nonce-([^']+)'/.exec(answer.headers.get("content-security-policy")!)![1]!;
      const nonces = [first, second, third].map(nonceOf);
      expect(new Set(nonces).size).toBe(3);
      for (const [index, answer] of [first, second, third].entries()) {
        expect(answer.body).toContain(`nonce="${nonces[index]}"`);
        expect(answer.body).toContain(`\\"nonce\\":\\"${nonces[index]}\\"`);
      }
      expect(second.body.replaceAll(nonces[1]!, "N")).toBe(first.body.replaceAll(nonces[0]!, "N"));
      expect(Number(second.headers.get("content-length"))).toBe(Buffer.byteLength(second.body));
    });

    it("keeps a gzip rendering and answers gzip or plain, as each visitor asks", async () => {
      const zipped = await fetchPage("/centres?q=malaria", { "accept-encoding": "gzip, br" });
      expect(zipped.headers.get("x-page-cache")).toBe("miss");
      await settle();
      const rendersBefore = app.renders();
      const plain = await fetchPage("/centres?q=malaria");
      expect(plain.headers.get("x-page-cache")).toBe("hit");
      expect(plain.headers.get("content-encoding")).toBeNull();
      expect(plain.body).toContain("render");
      expect(plain.body).toContain("of /centres?q=malaria");

      // The raw answer (fetch would decompress it): gzip, as asked.
      const raw = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
        get(`${base}/centres?q=malaria`, { headers: { "accept-encoding": "gzip" } }, (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () =>
            resolve({ encoding: response.headers["content-encoding"], body: Buffer.concat(chunks) }),
          );
        }).on("error", reject);
      });
      expect(raw.encoding).toBe("gzip");
      expect(gunzipSync(raw.body).toString()).toContain("of /centres?q=malaria");
      expect(app.renders()).toBe(rendersBefore);
    });

    it("renders again once SearchDataVersion moves on", async () => {
      await fetchPage("/centres?q=cancer");
      await settle();
      expect((await fetchPage("/centres?q=cancer")).headers.get("x-page-cache")).toBe("hit");
      await bumpVersion();
      const after = await fetchPage("/centres?q=cancer");
      expect(after.headers.get("x-page-cache")).toBe("miss");
      await settle();
      expect((await fetchPage("/centres?q=cancer")).headers.get("x-page-cache")).toBe("hit");
    });

    it("never answers a signed-in visitor from the cache nor keeps what it renders for them", async () => {
      await fetchPage("/centres?q=nursing");
      const rendersBefore = app.renders();
      const signedIn = await fetchPage("/centres?q=nursing", { cookie: `${SESSION_COOKIE_HTTP}=token` });
      expect(signedIn.headers.get("x-page-cache")).toBeNull();
      expect(app.renders()).toBe(rendersBefore + 1);

      await fetchPage("/centres?q=tobacco", { cookie: `${SESSION_COOKIE_HTTP}=token` });
      await settle();
      expect((await fetchPage("/centres?q=tobacco")).headers.get("x-page-cache")).toBe("miss");
    });

    it("renders what it may keep without the visitor's cookies, and leaves look-alike session cookies alone", async () => {
      const visitor = await fetchPage("/centres?q=dental", { cookie: "theme=dark; authjs.csrf-token=abc" });
      expect(visitor.headers.get("x-page-cache")).toBe("miss");
      // Only the language the page is kept in (decision 0026).
      expect(app.lastCookie()).toBe("NEXT_LOCALE=en");
      await settle();

      // Auth.js would read this as a session: never answered from, nor kept in, the cache.
      const lookAlike = `${SESSION_COOKIE_HTTP}X=token`;
      const rendersBefore = app.renders();
      const signedIn = await fetchPage("/centres?q=dental", { cookie: lookAlike });
      expect(signedIn.headers.get("x-page-cache")).toBeNull();
      expect(app.renders()).toBe(rendersBefore + 1);
      expect(app.lastCookie()).toBe(lookAlike);
      await fetchPage("/centres?q=vision", { cookie: lookAlike });
      await settle();
      expect((await fetchPage("/centres?q=vision")).headers.get("x-page-cache")).toBe("miss");
    });

    it("does not keep a response that sets a cookie, nor pages other than the search", async () => {
      await fetchPage("/centres?cookie=1");
      await settle();
      expect((await fetchPage("/centres?cookie=1")).headers.get("x-page-cache")).toBe("miss");
      const rendersBefore = app.renders();
      await fetchPage("/centres/NOR-18");
      await settle();
      const again = await fetchPage("/centres/NOR-18");
      expect(again.headers.get("x-page-cache")).toBeNull();
      expect(app.renders()).toBe(rendersBefore + 2);
    });

    it("never answers a reader of another language with the English page, and keeps each language apart", async () => {
      await fetchPage("/centres?q=health");
      await settle();
      expect((await fetchPage("/centres?q=health")).headers.get("x-page-cache")).toBe("hit");

      // A remembered French choice, or a first visit from a Spanish browser: not the English
      // page (the proxy sends them to /fr/… or /es/…), and the app sees their cookie.
      const others: Record<string, string>[] = [
        { cookie: "NEXT_LOCALE=fr" },
        { "accept-language": "es-ES,es;q=0.9" },
        { cookie: "theme=dark; NEXT_LOCALE=ar", "accept-language": "en" },
      ];
      for (const headers of others) {
        const rendersBefore = app.renders();
        const answer = await fetchPage("/centres?q=health", headers);
        expect(answer.headers.get("x-page-cache")).toBeNull();
        expect(app.renders()).toBe(rendersBefore + 1);
        expect(app.lastCookie()).toBe(headers.cookie);
      }
      // English chosen explicitly wins over the browser's languages: the English page.
      const chosen = await fetchPage("/centres?q=health", {
        cookie: "NEXT_LOCALE=en",
        "accept-language": "fr",
      });
      expect(chosen.headers.get("x-page-cache")).toBe("hit");
      // An English browser, as most: the English page.
      const english = await fetchPage("/centres?q=health", { "accept-language": "en-GB,fr;q=0.5" });
      expect(english.headers.get("x-page-cache")).toBe("hit");

      // The French address is a page of its own, French whatever the cookie and browser say.
      const french = await fetchPage("/fr/centres?q=health", { cookie: "NEXT_LOCALE=es" });
      expect(french.headers.get("x-page-cache")).toBe("miss");
      expect(app.lastCookie()).toBe("NEXT_LOCALE=fr");
      expect(french.body).toContain("of /fr/centres?q=health");
      await settle();
      const frenchAgain = await fetchPage("/fr/centres?q=health", { "accept-language": "en" });
      expect(frenchAgain.headers.get("x-page-cache")).toBe("hit");
      expect(frenchAgain.body).toContain("of /fr/centres?q=health");
      expect((await fetchPage("/centres?q=health")).body).toContain("of /centres?q=health");

      // /en/… redirects to the unprefixed address: never answered from the cache.
      expect((await fetchPage("/en/centres?q=health")).headers.get("x-page-cache")).toBeNull();
    });

    it("answers uncached, and says so once, when the version cannot be read", async () => {
      await versions.close();
      const rendersBefore = app.renders();
      const answer = await fetchPage("/centres?q=nursing");
      expect(answer.status).toBe(200);
      expect(answer.headers.get("x-page-cache")).toBeNull();
      expect(app.renders()).toBe(rendersBefore + 1);
      expect(errors.length).toBeGreaterThan(0);
    });
  });
}
