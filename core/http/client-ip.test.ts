import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-ip.ts';

describe('clientAddress', () => {
  it('is the TCP peer, ignoring X-Forwarded-For, when no proxy is trusted', () => {
    expect(clientAddress('203.0.113.9', '198.51.100.1', 0)).toBe('203.0.113.9');
    expect(clientAddress('::ffff:203.0.113.9', undefined, 0)).toBe('203.0.113.9');
  });

  it('takes the address the trusted proxies saw, not what the client wrote further left', () => {
    // One proxy (10.0.0.2) in front: it appended the client's address.
    expect(clientAddress('10.0.0.2', '203.0.113.9', 1)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.2', 'spoofed, 203.0.113.9', 1)).toBe('203.0.113.9');
    // Two proxies: the CDN saw the client, the load balancer saw the CDN.
    expect(clientAddress('10.0.0.2', 'spoofed, 203.0.113.9, 192.0.2.50', 2)).toBe('203.0.113.9');
    // Fewer hops than trusted: the furthest one there is.
    expect(clientAddress('10.0.0.2', '203.0.113.9', 3)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.2', undefined, 1)).toBe('10.0.0.2');
  });
});
