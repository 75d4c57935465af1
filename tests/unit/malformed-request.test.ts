import { describe, expect, it } from "vitest";

import { malformedRequestReason, refuseMalformedRequest } from "@/server/http/malformed-request";

// The proxy's 400 for requests Next 16 would answer with a 500 before our code runs (issue #11).

const action = (contentType: string | null, path = "/sign-in") =>
  new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { "Next-Action": "7f00aa", ...(contentType === null ? {} : { "Content-Type": contentType }) },
    // A string body would make the Content-Type text/plain: none when none is given.
    body: contentType === null ? null : "x",
  });

describe("malformedRequestReason", () => {
  it.each([
    [
      "text/plain;charset=UTF-8",
      /multipart\/form-data body; the Content-Type was "text\/plain;charset=UTF-8"/,
    ],
    ["application/json", /the Content-Type was "application\/json"/],
    ["application/x-www-form-urlencoded", /the Content-Type was/],
    ["Multipart/Form-Data; boundary=abc", /the Content-Type was/],
    ["multipart/form-data", /needs a boundary/],
    ["multipart/form-data; boundary=", /needs a boundary/],
    [null, /the Content-Type was missing/],
  ])("refuses a server action posted as %s", (contentType, message) => {
    expect(malformedRequestReason(action(contentType))).toMatch(message);
  });

  it("lets a server action posted as a multipart form with a boundary through", () => {
    expect(malformedRequestReason(action("multipart/form-data; boundary=----x1"))).toBeNull();
    expect(malformedRequestReason(action('multipart/form-data; boundary="a b"'))).toBeNull();
  });

  it("refuses any multipart POST without a boundary: Next reads every one as a possible form action", () => {
    const form = new Request("http://localhost/sign-in", {
      method: "POST",
      headers: { "Content-Type": "multipart/form-data" },
      body: "x",
    });
    expect(malformedRequestReason(form)).toMatch(/needs a boundary/);
  });

  it("leaves other POSTs without a Next-Action header, and GETs, alone", () => {
    const form = new Request("http://localhost/sign-in", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(malformedRequestReason(form)).toBeNull();
    expect(malformedRequestReason(new Request("http://localhost/centres?q=%E0%A4%A"))).toBeNull();
  });

  it.each(["/api/v1/centres/%E0%A4%A", "/centres/%ZZ", "/centres/%", "/api/v1/centres/%C0%80"])(
    "refuses the malformed percent-escape in %s",
    (path) => {
      expect(malformedRequestReason(new Request(`http://localhost${path}`))).toMatch(
        /malformed percent-escape/,
      );
    },
  );

  it("accepts well-formed escapes, including an escaped percent sign", () => {
    for (const path of ["/api/v1/centres/NOR%2D18", "/centres/%25", "/centres/%E0%A4%A4"]) {
      expect(malformedRequestReason(new Request(`http://localhost${path}`))).toBeNull();
    }
  });
});

describe("refuseMalformedRequest", () => {
  it("answers 400 in the API's error shape under /api/ and the proxy's shape elsewhere", async () => {
    const api = refuseMalformedRequest(new Request("http://localhost/api/v1/centres/%E0%A4%A"));
    expect(api?.status).toBe(400);
    expect(await api?.json()).toEqual({ errors: [expect.stringMatching(/percent-escape/)] });
    const page = refuseMalformedRequest(action("application/json"));
    expect(page?.status).toBe(400);
    expect(page?.headers.get("cache-control")).toBe("no-store");
    expect(await page?.json()).toEqual({
      error: { code: "malformed_request", message: expect.stringMatching(/multipart/) },
    });
    expect(refuseMalformedRequest(new Request("http://localhost/centres"))).toBeUndefined();
  });
});
