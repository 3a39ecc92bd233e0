/**
 * The address of the client that sent a request, for rate limits and logs. Behind reverse
 * proxies (a load balancer, nginx) the TCP peer is the nearest proxy, and each proxy appends the
 * address it saw to `X-Forwarded-For`. With `trustProxy` hops trusted, the client is the address
 * that many steps back from the peer; everything further left was written by the client itself
 * and can't be trusted. `trustProxy` 0 (the default) uses the TCP peer and ignores the header.
 *
 * @example
 * clientAddress('10.0.0.2', '203.0.113.9', 1); // '203.0.113.9' (one proxy, which saw the client)
 * clientAddress('10.0.0.2', '198.51.100.7, 203.0.113.9', 1); // '203.0.113.9' (the left entry was written by the client)
 * clientAddress('203.0.113.9', 'spoofed', 0); // '203.0.113.9'
 */
export function clientAddress(peer: string | null, forwardedFor: string | undefined, trustProxy: number): string | null {
  if (trustProxy <= 0 || !forwardedFor) return normalize(peer);
  const chain = forwardedFor.split(',').map((part) => part.trim()).filter(Boolean);
  // Nearest first: the peer, then what each trusted proxy saw.
  const hops = [peer, ...chain.reverse()];
  return normalize(hops[Math.min(trustProxy, hops.length - 1)] ?? peer);
}

/** `::ffff:203.0.113.9` (an IPv4 client on a dual-stack socket) is `203.0.113.9`. */
function normalize(address: string | null | undefined): string | null {
  if (!address) return null;
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}
