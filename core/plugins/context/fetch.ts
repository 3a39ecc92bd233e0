import type { LookupAddress, LookupOptions } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import { Agent, buildConnector, fetch as undiciFetch, type RequestInit as UndiciRequestInit, type Response as UndiciResponse } from 'undici';
import type { SafeFetch } from '../../../plugin-api.d.ts';
import { CrmError } from '../../errors/index.ts';

/** Redirects followed before a fetch gives up (the sixth is refused). */
export const MAX_REDIRECTS = 5;

/** The User-Agent `ctx.fetch` sends unless the caller sets one: names the CRM and where to read about it. */
export const CRAWLER_USER_AGENT = 'open-crm/1.0 (+https://github.com/open-crm/open-crm)';

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
// A Response with one of these statuses can't be constructed with a body.
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
// Credentials the caller meant for one origin are not handed to another on a redirect.
const CROSS_ORIGIN_DROPPED_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

/** Resolves a hostname to every address it has, as `dns.lookup(host, { all: true })` does. */
export type ResolveAll = (hostname: string) => Promise<LookupAddress[]>;

export interface SafeFetchOptions {
  /**
   * What may be fetched although it is private or local (`CRM_FETCH_ALLOW`): hostnames
   * (`localhost`, `intranet.firma.dk`), addresses (`10.0.0.5`, `::1`), CIDR ranges
   * (`127.0.0.0/8`, `fd00::/8`) or `*` for everything. Default none.
   */
  allow?: readonly string[];
  /** How hostnames are resolved; default the system resolver. For tests (a fake DNS). */
  lookup?: ResolveAll;
}

/**
 * `fetch` for plugins that read the web (crawlers, enrichment): http(s) only, and never to a
 * loopback, private, link-local, multicast or otherwise non-public address (a crawler must not be
 * turned against the intranet it runs in) unless `allow` names the host or the address.
 *
 * The check sits where the socket is opened, not before the request: a hostname is resolved
 * once, every address it has is checked (one private answer refuses the whole host), and the
 * socket connects to exactly those addresses, so a DNS answer that changes between check and
 * connect (rebinding) has nothing to change. Literal IP hosts are checked there too. Every
 * redirect hop goes through the same gate; at most {@link MAX_REDIRECTS} are followed and a
 * URL seen before in the chain is a loop; with `redirect: 'manual'` the 3xx answer is returned
 * instead, for a caller that checks each target itself (every hop it fetches is still gated). A timeout (default 15 s) covers connecting and reading
 * the body; the body is cut at `maxBytes` (default 20 MB). The answer's `url` is the final URL.
 *
 * Errors are `CrmError`s: `bad_request` (not an http(s) URL), `forbidden` (a private address
 * not allowed), `payload_too_large`, `unavailable` (no DNS answer, timeout, connection refused,
 * too many redirects, a redirect loop).
 *
 * @example
 * const get = safeFetch({ allow: ['intranet.firma.dk', '10.20.0.0/16'] });
 * const res = await get('https://www.example.dk/', { timeoutMs: 5000, maxBytes: 2 << 20 });
 * res.url; // 'https://www.example.dk/da/' after a redirect
 */
export function safeFetch(options: SafeFetchOptions = {}): SafeFetch {
  const allow = parseAllowList(options.allow ?? []);
  // One pool per instance: keep-alive connections are reused, and each was opened through the gate.
  const agent = new Agent({ connect: guardedConnector(options.lookup ?? resolveAll, allow) });
  return async (input, init = {}) => {
    const { timeoutMs = DEFAULT_TIMEOUT_MS, maxBytes = DEFAULT_MAX_BYTES, signal: callerSignal, ...rest } = init;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout;
    const failed = (error: unknown, url: URL) => describeFailure(error, url, { timeout, timeoutMs, callerSignal });
    let request: Hop = { url: targetUrl(input), method: (rest.method ?? 'GET').toUpperCase(), headers: withUserAgent(rest.headers), body: rest.body };
    const seen = new Set<string>();
    for (let hop = 0; ; hop++) {
      seen.add(withoutHash(request.url));
      const hopInit: UndiciRequestInit = { ...(rest as UndiciRequestInit), method: request.method, headers: [...request.headers], body: request.body as UndiciRequestInit['body'], signal, redirect: 'manual', dispatcher: agent };
      const response = await undiciFetch(request.url, hopInit).catch((error: unknown) => {
        throw failed(error, request.url);
      });
      const location = response.headers.get('location');
      // `redirect: 'manual'`: the caller follows (a crawler checks each target against robots.txt and its site).
      if (!REDIRECT_STATUSES.has(response.status) || !location || rest.redirect === 'manual') return limited(response, { url: request.url, redirected: hop > 0, maxBytes, failed });
      await response.body?.cancel().catch(() => {});
      const next = redirectTarget(location, request.url);
      if (seen.has(withoutHash(next))) throw new CrmError('unavailable', `Fetching ${request.url.href} failed: redirect loop (back to ${next.href})`);
      if (hop >= MAX_REDIRECTS) throw new CrmError('unavailable', `Fetching ${request.url.href} was redirected more than ${MAX_REDIRECTS} times`);
      request = followRedirect(request, response.status, next);
    }
  };
}

/**
 * The allowlist from the environment: `CRM_FETCH_ALLOW` (comma separated) and the older
 * `CRM_FETCH_ALLOW_PRIVATE=true`, which means `*`. Throws on an entry that can't be read, so a
 * typo stops the server instead of silently refusing the intranet.
 *
 * @example
 * fetchAllowFromEnv({ CRM_FETCH_ALLOW: 'intranet.firma.dk, 10.0.0.0/8' }); // ['intranet.firma.dk', '10.0.0.0/8']
 */
export function fetchAllowFromEnv(env: Record<string, string | undefined>): string[] {
  const entries = (env.CRM_FETCH_ALLOW ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  if (env.CRM_FETCH_ALLOW_PRIVATE === 'true') entries.push('*');
  parseAllowList(entries);
  return entries;
}

// ─── Addresses ───────────────────────────────────────────────────────────────────────────

interface Cidr {
  /** 4 bytes (IPv4) or 16 (IPv6). */
  bytes: Uint8Array;
  bits: number;
}

// IPv4 ranges that are not the public internet (IANA special-purpose registry, RFC 6890).
const BLOCKED_V4 = [
  '0.0.0.0/8', // "this network"
  '10.0.0.0/8', // RFC 1918
  '100.64.0.0/10', // carrier-grade NAT
  '127.0.0.0/8', // loopback
  '169.254.0.0/16', // link-local, cloud metadata (169.254.169.254)
  '172.16.0.0/12', // RFC 1918
  '192.0.0.0/24', // IETF protocol assignments
  '192.0.2.0/24', // TEST-NET-1
  '192.88.99.0/24', // the retired 6to4 relay anycast
  '192.168.0.0/16', // RFC 1918
  '198.18.0.0/15', // benchmarking
  '198.51.100.0/24', // TEST-NET-2
  '203.0.113.0/24', // TEST-NET-3
  '224.0.0.0/4', // multicast
  '240.0.0.0/4', // reserved, and 255.255.255.255 broadcast
].map(cidr);

// Every public IPv6 address is in 2000::/3; outside it are ::, ::1, ::a.b.c.d, fc00::/7 (incl.
// fd00:ec2::254), fe80::/10, ff00::/8 and the unallocated rest, all refused by that one rule.
const GLOBAL_UNICAST_V6 = cidr('2000::/3');
// Inside 2000::/3, what is still not a public host.
const BLOCKED_V6 = [
  '2001::/32', // Teredo: tunnels to an IPv4 address we can't check
  '2001:2::/48', // benchmarking
  '2001:10::/28', // ORCHID
  '2001:20::/28', // ORCHIDv2
  '2001:db8::/32', // documentation
  '3fff::/20', // documentation (RFC 9637)
].map(cidr);
const MAPPED_V4 = cidr('::ffff:0:0/96');
const NAT64_V4 = cidr('64:ff9b::/96');
const SIX_TO_FOUR = cidr('2002::/16');

/**
 * True for every address that is not on the public internet: loopback, private, CGNAT,
 * link-local (cloud metadata), multicast, reserved, benchmarking and documentation ranges, in
 * either family. An IPv6 address that carries an IPv4 one (`::ffff:127.0.0.1`, `::ffff:7f00:1`,
 * NAT64 `64:ff9b::a00:1`, 6to4 `2002:7f00:1::`) is judged by the IPv4 address. Text that is not
 * an address counts as private: only what is provably public passes.
 *
 * @example
 * isPrivateAddress('::ffff:7f00:1'); // true (127.0.0.1)
 * isPrivateAddress('2a00:1450::1'); // false
 */
export function isPrivateAddress(address: string): boolean {
  const bytes = parseAddress(address);
  if (!bytes) return true;
  if (bytes.length === 4) return BLOCKED_V4.some((range) => inRange(bytes, range));
  const v4 = embeddedV4(bytes);
  if (v4) return isPrivateAddress(v4.join('.'));
  return !inRange(bytes, GLOBAL_UNICAST_V6) || BLOCKED_V6.some((range) => inRange(bytes, range));
}

/** The IPv4 address an IPv6 one stands for (mapped, NAT64, 6to4), if any. */
function embeddedV4(bytes: Uint8Array): Uint8Array | undefined {
  if (inRange(bytes, MAPPED_V4) || inRange(bytes, NAT64_V4)) return bytes.subarray(12, 16);
  if (inRange(bytes, SIX_TO_FOUR)) return bytes.subarray(2, 6);
  return undefined;
}

/** An address as bytes (4 or 16), brackets and zone (`%eth0`) dropped; undefined when it is not one. */
function parseAddress(text: string): Uint8Array | undefined {
  const address = text.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  const family = isIP(address);
  if (family === 4) return Uint8Array.from(address.split('.').map(Number));
  if (family === 6) return parseV6(address);
  return undefined;
}

/** The 16 bytes of a valid IPv6 text: `::` expanded, a dotted IPv4 tail read as the last 32 bits. */
function parseV6(address: string): Uint8Array {
  let text = address.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  const bytes = new Uint8Array(16);
  groups.forEach((group, i) => {
    const value = Number.parseInt(group, 16);
    bytes[2 * i] = value >> 8;
    bytes[2 * i + 1] = value & 0xff;
  });
  return bytes;
}

/** `10.0.0.0/8`, `::1/128` or a bare address (all its bits); throws on anything else. */
function cidr(text: string): Cidr {
  const [address = '', bitsText, extra] = text.split('/');
  const bytes = parseAddress(address);
  const max = bytes ? bytes.length * 8 : 0;
  const bits = bitsText === undefined ? max : /^\d{1,3}$/.test(bitsText) ? Number(bitsText) : Number.NaN;
  if (!bytes || extra !== undefined || !(bits >= 0 && bits <= max)) throw new CrmError('bad_request', `${text} is not an IP address or CIDR range`);
  return { bytes, bits };
}

function inRange(bytes: Uint8Array, range: Cidr): boolean {
  if (bytes.length !== range.bytes.length) return false;
  for (let bit = 0; bit < range.bits; bit += 8) {
    const mask = range.bits - bit >= 8 ? 0xff : (0xff << (8 - (range.bits - bit))) & 0xff;
    if (((bytes[bit / 8]! ^ range.bytes[bit / 8]!) & mask) !== 0) return false;
  }
  return true;
}

/** An IPv4-mapped IPv6 address (or range) as the IPv4 one, so `127.0.0.0/8` also allows `::ffff:127.0.0.1`. */
function unmapped(range: Cidr): Cidr {
  return range.bytes.length === 16 && range.bits >= 96 && inRange(range.bytes, MAPPED_V4) ? { bytes: range.bytes.slice(12), bits: range.bits - 96 } : range;
}

// ─── The allowlist ───────────────────────────────────────────────────────────────────────

interface AllowList {
  everything: boolean;
  hosts: Set<string>;
  ranges: Cidr[];
}

/** Reads allowlist entries: `*`, a CIDR or address, else a hostname. Throws on a malformed range or name. */
function parseAllowList(entries: readonly string[]): AllowList {
  const list: AllowList = { everything: false, hosts: new Set(), ranges: [] };
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase();
    if (entry === '*') list.everything = true;
    else if (entry.includes('/') || parseAddress(entry)) list.ranges.push(unmapped(cidr(entry)));
    else if (/^[a-z0-9_]([a-z0-9_.-]*[a-z0-9_])?\.?$/.test(entry)) list.hosts.add(hostKey(entry));
    else throw new CrmError('bad_request', `${raw} in CRM_FETCH_ALLOW is not a hostname, an IP address, a CIDR range or *`);
  }
  return list;
}

/** A hostname compared case- and trailing-dot-insensitively (`Intranet.firma.dk.` is `intranet.firma.dk`). */
function hostKey(hostname: string): string {
  return hostname.toLowerCase().replace(/\.$/, '');
}

function isAllowed(list: AllowList, hostname: string, address: string): boolean {
  if (list.everything || list.hosts.has(hostKey(hostname))) return true;
  const bytes = parseAddress(address);
  if (!bytes) return false;
  const canonical = unmapped({ bytes, bits: bytes.length * 8 }).bytes;
  return list.ranges.some((range) => inRange(canonical, range));
}

/** Why `hostname` must not be reached at `address`, or undefined when it may. */
function refusal(list: AllowList, hostname: string, address: string): CrmError | undefined {
  if (!isPrivateAddress(address) || isAllowed(list, hostname, address)) return undefined;
  const literal = hostname === address;
  const what = literal ? `${address} is` : `${hostname} resolves to ${address},`;
  return new CrmError('forbidden', `${what} a private or local address; plugins may only fetch public sites. To allow it, add ${literal ? address : `${hostname} or ${address}`} to CRM_FETCH_ALLOW`);
}

// ─── The gate at the socket ──────────────────────────────────────────────────────────────

const resolveAll: ResolveAll = (hostname) => dnsLookup(hostname, { all: true });

/** Resolves once and checks every answer: the addresses a socket may connect to, or the reason it may not. */
async function checkedAddresses(list: AllowList, resolve: ResolveAll, hostname: string): Promise<LookupAddress[]> {
  const addresses = await resolve(hostname).catch((error: NodeJS.ErrnoException) => {
    throw new CrmError('unavailable', `The host ${hostname} does not resolve (${error.code ?? error.message})`, { cause: error });
  });
  if (addresses.length === 0) throw new CrmError('unavailable', `The host ${hostname} does not resolve`);
  for (const { address } of addresses) {
    const refused = refusal(list, hostname, address);
    if (refused) throw refused;
  }
  return addresses;
}

/**
 * A `lookup` for `net.connect`: the checked answers and only those, so the socket can't connect
 * anywhere a second DNS answer points. Node calls it as `lookup(host, options, callback)`, with
 * `options.all` (Happy Eyeballs, the default on Node 20) wanting every address, else one.
 */
function pinnedLookup(list: AllowList, resolve: ResolveAll): LookupFunction {
  return (hostname: string, options: LookupOptions, callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => {
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
    checkedAddresses(list, resolve, hostname).then(
      (addresses) => {
        const usable = family === 4 || family === 6 ? addresses.filter((a) => a.family === family) : addresses;
        const first = usable[0];
        if (!first) callback(new CrmError('unavailable', `The host ${hostname} has no IPv${family} address`), options.all ? [] : '', 0);
        else if (options.all) callback(null, usable);
        else callback(null, first.address, first.family);
      },
      (error: CrmError) => callback(error, options.all ? [] : '', 0),
    );
  };
}

/** undici's connector with the pinned lookup; literal IP hosts, which `net` never looks up, are checked here. */
function guardedConnector(resolve: ResolveAll, list: AllowList): buildConnector.connector {
  const connect = buildConnector({ lookup: pinnedLookup(list, resolve) });
  return (options, callback) => {
    const refused = isIP(options.hostname) ? refusal(list, options.hostname, options.hostname) : undefined;
    if (refused) callback(refused, null);
    else connect(options, callback);
  };
}

// ─── Requests, redirects, answers ────────────────────────────────────────────────────────

interface Hop {
  url: URL;
  method: string;
  headers: Headers;
  body: RequestInit['body'];
}

/** The URL to fetch: http(s), parsed, without credentials (which fetch refuses anyway). */
function targetUrl(input: string | URL, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(String(input), base);
  } catch {
    throw new CrmError('bad_request', `${String(input)} is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CrmError('bad_request', `Only http and https URLs can be fetched, not ${url.protocol}`);
  if (url.username || url.password) throw new CrmError('bad_request', `URLs with credentials can't be fetched (${url.host})`);
  return url;
}

function redirectTarget(location: string, from: URL): URL {
  try {
    return targetUrl(location, from);
  } catch (error) {
    if (error instanceof CrmError && error.code === 'bad_request') throw new CrmError('bad_request', `${from.href} redirects to ${location}: ${error.message}`);
    throw error;
  }
}

function withUserAgent(init: HeadersInit | undefined): Headers {
  const headers = new Headers(init);
  if (!headers.has('user-agent')) headers.set('user-agent', CRAWLER_USER_AGENT);
  return headers;
}

function withoutHash(url: URL): string {
  return url.href.replace(/#.*$/, '');
}

/** The next hop as fetch does it: 303 (and 301/302 after a POST) become a GET without body; credentials stay with their origin. */
function followRedirect(request: Hop, status: number, url: URL): Hop {
  const headers = new Headers(request.headers);
  if (url.origin !== request.url.origin) for (const name of CROSS_ORIGIN_DROPPED_HEADERS) headers.delete(name);
  const toGet = (status === 303 && request.method !== 'HEAD') || ((status === 301 || status === 302) && request.method === 'POST');
  if (!toGet) {
    if (request.body instanceof ReadableStream) throw new CrmError('unavailable', `${request.url.href} redirects with ${status}, and a streamed body can't be sent again`);
    return { ...request, url, headers };
  }
  for (const name of ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location']) headers.delete(name);
  return { url, method: 'GET', headers, body: undefined };
}

interface Failure {
  timeout: AbortSignal;
  timeoutMs: number;
  callerSignal: AbortSignal | null | undefined;
}

/** A fetch or body error as the CrmError to throw; the caller's own abort stays its abort. */
function describeFailure(error: unknown, url: URL, { timeout, timeoutMs, callerSignal }: Failure): unknown {
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) if (cause instanceof CrmError) return cause;
  if (callerSignal?.aborted) return callerSignal.reason;
  if (timeout.aborted) return new CrmError('unavailable', `Fetching ${url.href} failed: no answer within ${timeoutMs} ms`);
  const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
  return new CrmError('unavailable', `Fetching ${url.origin} failed: ${reason}`, { cause: error });
}

interface Final {
  url: URL;
  redirected: boolean;
  maxBytes: number;
  failed: (error: unknown, url: URL) => unknown;
}

/** The answer as a standard Response: its body cut at `maxBytes`, `url` the final URL, `redirected` set. */
function limited(response: UndiciResponse, { url, redirected, maxBytes, failed }: Final): Response {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    void response.body?.cancel().catch(() => {});
    throw new CrmError('payload_too_large', `${url.href} is ${declared} bytes, more than the ${maxBytes} allowed`);
  }
  const source = response.body as ReadableStream<Uint8Array> | null;
  const body = source && !NULL_BODY_STATUSES.has(response.status) ? cappedBody(source, maxBytes, url, failed) : null;
  const result = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers as unknown as HeadersInit });
  // A constructed Response has an empty url; the crawler needs the final one to resolve links.
  Object.defineProperties(result, { url: { value: url.href }, redirected: { value: redirected } });
  return result;
}

/** The body, erroring with `payload_too_large` past `maxBytes` and with a CrmError on a timeout mid-body. */
function cappedBody(source: ReadableStream<Uint8Array>, maxBytes: number, url: URL, failed: Final['failed']): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let seen = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        seen += value.byteLength;
        if (seen <= maxBytes) return controller.enqueue(value);
        controller.error(new CrmError('payload_too_large', `${url.href} sent more than the ${maxBytes} bytes allowed`));
        await reader.cancel().catch(() => {});
      } catch (error) {
        controller.error(failed(error, url));
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
}
