// The client's network address (issue #11, decision 0012): the socket's peer
// unless TRUSTED_PROXY_HOPS reverse proxies stand in front, in which case it
// is the entry the outermost trusted proxy appended to X-Forwarded-For, i.e.
// the N-th from the right of the header as the app received it. Anything a
// client wrote into the header sits further left and is never read.

// A strict dotted quad: URL's parser would also take "1", "0x7f.1" and other legacy spellings.
const octet = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const ipv4 = new RegExp(`^${octet}(\\.${octet}){3}$`);
const ipv4WithPort = /^([\d.]+):\d{1,5}$/;
const bracketedIpv6 = /^\[([^\]]+)\](?::\d{1,5})?$/;
const ipv6Characters = /^[0-9a-fA-F:.]+$/;
const ipv4Mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/;

/**
 * The address in `text` in one canonical spelling (IPv6 compressed and lower
 * case, IPv4-mapped IPv6 as IPv4, a proxy's port dropped), or null when it is
 * not an IP address: the throttles and the rate limit key on this text, so
 * two spellings of one address must not count apart.
 */
export function normalizeAddress(text: string): string | null {
  let value = text.trim();
  if (value === "" || value.length > 64) return null;
  value = ipv4WithPort.exec(value)?.[1] ?? value;
  if (ipv4.test(value)) return value;
  value = bracketedIpv6.exec(value)?.[1] ?? value;
  // Zone ids (fe80::1%eth0) and anything else are refused here.
  if (!value.includes(":") || !ipv6Characters.test(value)) return null;
  let canonical: string;
  try {
    canonical = new URL(`http://[${value}]/`).hostname.slice(1, -1);
  } catch {
    return null;
  }
  const mapped = ipv4Mapped.exec(canonical);
  if (!mapped) return canonical;
  const [high, low] = [parseInt(mapped[1]!, 16), parseInt(mapped[2]!, 16)];
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
}

export type ClientAddressInput = {
  /** The TCP peer (Node's socket.remoteAddress); undefined once the socket is gone. */
  socketAddress: string | undefined;
  /** X-Forwarded-For exactly as received (Node joins repeated headers with ", "). */
  forwardedFor: string | string[] | undefined;
  trustedHops: number;
};

export function clientAddress({ socketAddress, forwardedFor, trustedHops }: ClientAddressInput): string {
  // A link-local peer carries its zone (fe80::1%eth0); the zone names our own interface, not the client.
  const peer = socketAddress?.replace(/%.*$/, "");
  const socket = peer ? (normalizeAddress(peer) ?? peer) : "unknown";
  if (trustedHops <= 0) return socket;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  // Empty entries keep their place: "a,,b" has three entries, the middle one malformed.
  const entries = header.split(",");
  const entry = entries[entries.length - trustedHops];
  // Too few entries, or one that is no address: the proxy chain is not what
  // was configured, and the only address we know for sure is the socket's.
  return (entry !== undefined && normalizeAddress(entry)) || socket;
}
