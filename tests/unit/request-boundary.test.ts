import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterEach, describe, expect, it } from "vitest";

import { securityHeaders } from "@/server/auth/security-headers";
import type { RequestHandler } from "@/server/http/page-cache-handler";
import { withRequestBoundary } from "@/server/http/request-boundary";

// The production server's wrapper (scripts/serve.ts) on a real socket: what
// the app behind it sees of the client's address, and the headers of every
// answer, including its own 500.

type Answer = { status: number; headers: IncomingHttpHeaders; rawHeaders: string[]; body: string };

let server: Server | undefined;
const errors: unknown[] = [];

async function serve(handle: RequestHandler, trustedHops = 0): Promise<string> {
  server = createServer(
    withRequestBoundary(handle, {
      trustedHops,
      securityHeaders: () => securityHeaders("boundary-nonce-000000", { https: false, dev: false }),
      onError: (error) => errors.push(error),
    }),
  );
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

// node:http rather than fetch: fetch refuses to send some of these headers.
function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers }, (response) => {
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
