import { describe, expect, it } from "vitest";

import { RETRY_AFTER_SECONDS, unavailableAnswer } from "@/server/health/outage";

// What a request gets while the database cannot be reached (decision 0027).

describe("the outage answer", () => {
  it("is a JSON problem with the API's errors list for the API and for clients asking for JSON", () => {
    for (const request of [
      { url: "/api/v1/centres?q=x", method: "GET", headers: {} },
      { url: "/centres", method: "GET", headers: { accept: "application/json" } },
    ]) {
      const answer = unavailableAnswer(request);
      expect(answer.headers).toMatchObject({
        "Content-Type": "application/problem+json",
        "Retry-After": String(RETRY_AFTER_SECONDS),
        "Cache-Control": "no-store",
      });
      const problem = JSON.parse(answer.body);
      expect(problem).toMatchObject({ status: 503, title: "Service Unavailable" });
      expect(problem.errors).toEqual([problem.detail]);
    }
  });

  it("is a self-contained page in the reader's language for browsers", () => {
    const english = unavailableAnswer({
      url: "/centres/NOR-18",
      method: "GET",
      headers: { accept: "text/html,*/*" },
    });
    expect(english.headers["Content-Type"]).toBe("text/html; charset=utf-8");
    expect(english.body).toContain('<html lang="en" dir="ltr">');
    expect(english.body).toContain("The registry is unavailable for a moment");
    expect(english.body).toContain('href="/centres/NOR-18"');
    expect(english.body).not.toMatch(/<script|src=|stylesheet/);

    const french = unavailableAnswer({ url: "/fr/centres", method: "GET", headers: {} });
    expect(french.body).toContain('<html lang="fr"');
    expect(french.body).toContain("Le registre est momentanément indisponible");
    const arabic = unavailableAnswer({ url: "/", method: "GET", headers: { "accept-language": "ar" } });
    expect(arabic.body).toContain('<html lang="ar" dir="rtl">');
  });

  it("links back only to a path of this site, escaped", () => {
    const injected = unavailableAnswer({
      url: '/centres?q="><script>x</script>',
      method: "GET",
      headers: {},
    });
    expect(injected.body).not.toContain("<script>");
    expect(injected.body).toContain("&#34;&#62;&#60;script&#62;");
    expect(unavailableAnswer({ url: "//evil.example/x", method: "GET", headers: {} }).body).toContain(
      'href="/"',
    );
    // A form's post: back to its page, without what was posted.
    expect(unavailableAnswer({ url: "/sign-in?next=/x", method: "POST", headers: {} }).body).toContain(
      'href="/sign-in"',
    );
  });
});
