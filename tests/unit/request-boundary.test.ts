import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";

import { afterEach, describe, expect, it } from "vitest";

import { securityHeaders } from "@/server/auth/security-headers";
import type { RequestHandler } from "@/server/http/page-cache-handler";
import { withRequestBoundary } from "@/server/http/request-boundary";
import { createLogger, logger } from "@/server/log/logger";

// The production server's wrapper (scripts/serve.ts) on a real socket: what
// the app behind it sees of the client's address, the headers of every
// answer, including its own 500, the request id and log line of each
// request, and the 503 that replaces a 5xx while the database is unreachable.

type Answer = { status: number; headers: IncomingHttpHeaders; rawHeaders: string[]; body: string };

let server: Server | undefined;
const errors: unknown[] = [];

type Extra = Partial<Parameters<typeof withRequestBoundary>[1]>;

async function serve(handle: RequestHandler, trustedHops = 0, extra: Extra = {}): Promise<string> {
  server = createServer(
    withRequestBoundary(handle, {
      trustedHops,
      securityHeaders: () => securityHeaders("boundary-nonce-000000", { https: false, dev: false }),
      onError: (error) => errors.push(error),
      ...extra,
    }),
  );
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

// node:http rather than fetch: fetch refuses to send some of these headers.
function get(url: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers, method }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode!,
          headers: response.headers,
          rawHeaders: response.rawHeaders,
          body,
        }),
      );
    })
      .on("error", reject)
      .end();
  });
}

const echo: RequestHandler = async (request, response) => {
  response.setHeader("content-type", "application/json");
  response.end(
    JSON.stringify({
      forwardedFor: request.headers["x-forwarded-for"],
      realIp: request.headers["x-real-ip"] ?? null,
      forwarded: request.headers.forwarded ?? null,
    }),
  );
};

afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

describe("client address at the production server", () => {
  it("with no trusted proxy, the app sees the socket's address whatever the client wrote", async () => {
    const base = await serve(echo, 0);
    const seen = JSON.parse(
      (await get(base, { "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7", forwarded: "for=8.8.8.8" }))
        .body,
    );
    expect(seen).toEqual({ forwardedFor: "127.0.0.1", realIp: null, forwarded: null });
  });

  it("with one trusted proxy, the app sees the last entry, or the socket's address when that is malformed", async () => {
    const base = await serve(echo, 1);
    const seen = async (forwardedFor: string) =>
      JSON.parse((await get(base, { "x-forwarded-for": forwardedFor })).body).forwardedFor as string;
    expect(await seen("6.6.6.6, 198.51.100.23")).toBe("198.51.100.23");
    expect(await seen("6.6.6.6, 2001:DB8::23")).toBe("2001:db8::23");
    expect(await seen("198.51.100.23, not-an-address")).toBe("127.0.0.1");
    expect(JSON.parse((await get(base)).body).forwardedFor).toBe("127.0.0.1");
  });
});

describe("security headers on every answer", () => {
  const expectSecurityHeaders = (answer: Answer) => {
    expect(answer.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(answer.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    expect(answer.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(answer.headers["x-frame-options"]).toBe("DENY");
  };

  it("are added to an answer that has none, and to the server's own 500", async () => {
    let base = await serve(echo);
    expectSecurityHeaders(await get(base));
    await new Promise((resolve) => server!.close(resolve));

    base = await serve(async () => {
      throw new Error("boom");
    });
    const failed = await get(base);
    expect(failed.status).toBe(500);
    expect(failed.body).toBe("");
    expectSecurityHeaders(failed);
    expect(errors.at(-1)).toBeInstanceOf(Error);
  });

  it("never replace nor repeat the headers the app chose, set one by one or in writeHead", async () => {
    const base = await serve(async (request, response) => {
      if (request.url === "/set") response.setHeader("Content-Security-Policy", "default-src 'self'");
      else
        response.writeHead(200, {
          "Content-Security-Policy": "default-src 'self'",
          "X-Frame-Options": "SAMEORIGIN",
        });
      response.end("ok");
    });
    for (const path of ["/set", "/head"]) {
      const answer = await get(`${base}${path}`);
      expect(answer.headers["content-security-policy"], path).toBe("default-src 'self'");
      const names = answer.rawHeaders.filter((_, index) => index % 2 === 0).map((name) => name.toLowerCase());
      expect(
        names.filter((name) => name === "content-security-policy"),
        path,
      ).toHaveLength(1);
      expect(
        names.filter((name) => name === "x-frame-options"),
        path,
      ).toHaveLength(1);
      expect(answer.headers["x-content-type-options"], path).toBe("nosniff");
    }
    expect((await get(`${base}/head`)).headers["x-frame-options"]).toBe("SAMEORIGIN");
  });
});

function memoryLog() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { log: createLogger({ level: "debug", destination }), lines };
}

describe("request ids and log lines", () => {
  it("gives every request an id, keeps a well-formed one from the balancer, echoes it and logs it", async () => {
    const { log, lines } = memoryLog();
    const seen: string[] = [];
    const base = await serve(
      async (request, response) => {
        seen.push(String(request.headers["x-request-id"]));
        // A line the app writes while answering (as Next's code does) carries the id too.
        logger.info("app line");
        response.statusCode = request.url === "/missing" ? 404 : 200;
        response.end("ok");
      },
      0,
      {
        logger: log,
        routeOf: (path) => (path.startsWith("/centres/") ? "/centres/[reference]" : "(unmatched)"),
      },
    );
    const kept = await get(`${base}/centres/NOR-18?q=secret`, { "x-request-id": "lb-0123456789abcdef" });
    const replaced = await get(`${base}/missing`, { "x-request-id": "bad id with spaces" });
    expect(kept.headers["x-request-id"]).toBe("lb-0123456789abcdef");
    expect(replaced.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen).toEqual([kept.headers["x-request-id"], replaced.headers["x-request-id"]]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lines).toEqual([
      expect.objectContaining({
        msg: "request",
        requestId: "lb-0123456789abcdef",
        method: "GET",
        route: "/centres/[reference]",
        status: "200",
      }),
      expect.objectContaining({
        requestId: replaced.headers["x-request-id"],
        route: "(unmatched)",
        status: "404",
      }),
    ]);
    // The route pattern, never the path or its query.
    expect(JSON.stringify(lines)).not.toMatch(/NOR-18|secret/);
  });
});

describe("probes and static files", () => {
  it("are logged at debug when they succeed and at info when they fail", async () => {
    const { log, lines } = memoryLog();
    const base = await serve(
      async (request, response) => {
        response.statusCode = request.url === "/readyz?down" ? 503 : 200;
        response.end();
      },
      0,
      { logger: log, routeOf: (path) => (path.startsWith("/_next/static/") ? "/_next/static" : path) },
    );
    await get(`${base}/healthz`);
    await get(`${base}/_next/static/chunks/a.js`);
    await get(`${base}/readyz?down`);
    await get(`${base}/centres`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lines.map((line) => [line.route, line.level])).toEqual([
      ["/healthz", "debug"],
      ["/_next/static", "debug"],
      ["/readyz", "info"],
      ["/centres", "info"],
    ]);
  });
});

describe("while the database is unreachable", () => {
  // What Next does when a page's query fails: a 500 page, perhaps compressed, written in pieces.
  const failingPage: RequestHandler = async (_request, response) => {
    response.statusCode = 500;
    response.setHeader("content-type", "text/html; charset=utf-8");
    response.setHeader("content-encoding", "gzip");
    response.setHeader("x-nextjs-cache", "MISS");
    response.write("<html>Internal Server Error");
    response.end("</html>");
  };

  it("a 5xx becomes a 503 with Retry-After: a page in the reader's language, the security headers, the request id", async () => {
    const base = await serve(failingPage, 0, { databaseUnreachable: () => true, logger: memoryLog().log });
    const page = await get(`${base}/fr/centres`, { accept: "text/html", "x-request-id": "outage-test-0001" });
    expect(page.status).toBe(503);
    expect(page.headers["retry-after"]).toMatch(/^\d+$/);
    expect(page.headers["cache-control"]).toBe("no-store");
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(page.headers["content-encoding"]).toBeUndefined();
    expect(page.headers["x-nextjs-cache"]).toBeUndefined();
    expect(page.headers["x-request-id"]).toBe("outage-test-0001");
    expect(page.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(page.body).toContain("Le registre est momentanément indisponible");
    expect(page.body).not.toContain("Internal Server Error");
    expect(Number(page.headers["content-length"])).toBe(Buffer.byteLength(page.body));

    const api = await get(`${base}/api/v1/centres`);
    expect(api.status).toBe(503);
    expect(api.headers["content-type"]).toBe("application/problem+json");
    expect(JSON.parse(api.body)).toMatchObject({ status: 503 });

    const head = await get(`${base}/centres`, {}, "HEAD");
    expect(head.status).toBe(503);
    expect(head.body).toBe("");
  });

  it("a handler that throws gets the 503 too, and an answer that is not a 5xx is left alone", async () => {
    let base = await serve(
      async () => {
        throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
      },
      0,
      { databaseUnreachable: () => true, logger: memoryLog().log },
    );
    const thrown = await get(`${base}/centres`);
    expect(thrown.status).toBe(503);
    expect(thrown.headers["retry-after"]).toBeDefined();
    await new Promise((resolve) => server!.close(resolve));

    base = await serve(echo, 0, { databaseUnreachable: () => true, logger: memoryLog().log });
    expect((await get(base)).status).toBe(200);
  });

  it("with the database there, a 500 stays a 500", async () => {
    const base = await serve(failingPage, 0, { databaseUnreachable: () => false, logger: memoryLog().log });
    const page = await get(`${base}/centres`, { "accept-encoding": "identity" });
    expect(page.status).toBe(500);
    expect(page.headers["retry-after"]).toBeUndefined();
  });
});

describe("at the edges of an outage", () => {
  it("a request whose own query could not reach the database answers 503, though another has found it back since", async () => {
    const { reportDatabaseError, reportDatabaseReachable } = await import("@/server/health/database-status");
    const base = await serve(
      async (_request, response) => {
        // This request's query fails (the server restarting)…
        reportDatabaseError(
          Object.assign(new Error("the database system is starting up"), { code: "57P03" }),
        );
        // …then another request's query finds it back before this one's 500 is written.
        reportDatabaseReachable();
        response.statusCode = 500;
        response.end("Internal Server Error");
      },
      0,
      { logger: memoryLog().log },
    );
    const answer = await get(`${base}/centres?q=health`, { accept: "text/html" });
    expect(answer.status).toBe(503);
    expect(answer.headers["retry-after"]).toMatch(/^\d+$/);

    // A request that saw no outage of its own keeps its 500 while the database is there.
    await new Promise((resolve) => server!.close(resolve));
    const plain = await serve(
      async (_request, response) => {
        response.statusCode = 500;
        response.end("Internal Server Error");
      },
      0,
      { logger: memoryLog().log },
    );
    expect((await get(`${plain}/centres`)).status).toBe(500);
  });
});
