import { describe, expect, it } from "vitest";

import { clientAddress, normalizeAddress } from "@/domain/client-address";

describe("normalizeAddress", () => {
  it("spells one address one way", () => {
    expect(normalizeAddress(" 203.0.113.9 ")).toBe("203.0.113.9");
    expect(normalizeAddress("203.0.113.9:51234")).toBe("203.0.113.9");
    expect(normalizeAddress("2001:DB8:0:0:0:0:0:1")).toBe("2001:db8::1");
    expect(normalizeAddress("[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("[::1]")).toBe("::1");
    expect(normalizeAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress("::ffff:7f00:1")).toBe("127.0.0.1");
  });

  it("refuses what is not an IP address", () => {
    for (const text of [
      "",
      "unknown",
      "evil.example",
      "1",
      "0x7f.0.0.1",
      "256.1.1.1",
      "1.2.3",
      "01.2.3.4",
      "2001:db8::1::2",
      "fe80::1%eth0",
      "[2001:db8::1",
      "1.2.3.4, 5.6.7.8",
      "a".repeat(100),
    ]) {
      expect(normalizeAddress(text), text).toBeNull();
    }
  });
});

describe("clientAddress", () => {
  const socket = "::ffff:192.0.2.1";

  it("is the socket's peer with no trusted proxy, whatever the client wrote", () => {
    for (const forwardedFor of [undefined, "", "6.6.6.6", "6.6.6.6, 7.7.7.7", ["6.6.6.6", "7.7.7.7"]]) {
      expect(clientAddress({ socketAddress: socket, forwardedFor, trustedHops: 0 })).toBe("192.0.2.1");
    }
    expect(clientAddress({ socketAddress: "2001:db8::7", forwardedFor: "6.6.6.6", trustedHops: 0 })).toBe(
      "2001:db8::7",
    );
    expect(clientAddress({ socketAddress: undefined, forwardedFor: "6.6.6.6", trustedHops: 0 })).toBe(
      "unknown",
    );
    // A link-local peer's zone names our interface: two such clients must not share one key.
    expect(clientAddress({ socketAddress: "FE80::1%eth0", forwardedFor: undefined, trustedHops: 0 })).toBe(
      "fe80::1",
    );
  });

  it("is the N-th entry from the right with N trusted proxies", () => {
    const forwardedFor = "6.6.6.6, 198.51.100.4, 10.0.0.2";
    expect(clientAddress({ socketAddress: socket, forwardedFor, trustedHops: 1 })).toBe("10.0.0.2");
    expect(clientAddress({ socketAddress: socket, forwardedFor, trustedHops: 2 })).toBe("198.51.100.4");
    // Repeated headers count as one list, in order.
    expect(
      clientAddress({ socketAddress: socket, forwardedFor: ["6.6.6.6", "2001:db8::5"], trustedHops: 1 }),
    ).toBe("2001:db8::5");
    expect(
      clientAddress({ socketAddress: socket, forwardedFor: "6.6.6.6,[2001:DB8::5]:8443", trustedHops: 1 }),
    ).toBe("2001:db8::5");
  });

  it("falls back to the socket for a malformed or missing entry", () => {
    for (const forwardedFor of [
      undefined,
      "",
      "6.6.6.6, not-an-address",
      "6.6.6.6,",
      "6.6.6.6, 1.2.3.4.5",
      "6.6.6.6, fe80::1%eth0",
    ]) {
      expect(
        clientAddress({ socketAddress: socket, forwardedFor, trustedHops: 1 }),
        String(forwardedFor),
      ).toBe("192.0.2.1");
    }
    // Two trusted proxies but only one entry: the chain is not what was configured.
    expect(clientAddress({ socketAddress: socket, forwardedFor: "10.0.0.2", trustedHops: 2 })).toBe(
      "192.0.2.1",
    );
    expect(clientAddress({ socketAddress: socket, forwardedFor: "6.6.6.6,,10.0.0.2", trustedHops: 2 })).toBe(
      "192.0.2.1",
    );
  });
});
