import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { SafeFetch } from '../../../plugin-api.d.ts';
import { CrmError } from '../../errors/index.ts';

const MAX_REDIRECTS = 5;
const USER_AGENT = 'open-crm/1.0 (+https://github.com/open-crm)';

/**
 * `fetch` for plugins that read the web (crawlers, enrichment): http(s) only; no loopback,
 * private, link-local or multicast addresses (a crawler must not be turned against the
 * intranet it runs in), checked again at every redirect; a timeout (default 15 s) and a body
 * size limit (default 20 MB). `allowPrivate` lifts the address rule (tests, intranet sites).
 * The address is checked before connecting, so a DNS answer that changes between check and
 * connect (rebinding) is a remaining gap; run crawlers where that matters behind a proxy.
 *
 * @example
 * const res = await safeFetch({ allowPrivate: false })('https://www.example.dk/', { timeoutMs: 5000 });
 */
export function safeFetch(options: { allowPrivate: boolean }): SafeFetch {
  return async (input, init = {}) => {
    const { timeoutMs = 15_000, maxBytes = 20 * 1024 * 1024, ...rest } = init;
    const signal = rest.signal ? AbortSignal.any([rest.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);
    let url = new URL(String(input));
    for (let hop = 0; ; hop++) {
      await checkTarget(url, options.allowPrivate);
      const headers = new Headers(rest.headers);
      if (!headers.has('user-agent')) headers.set('user-agent', USER_AGENT);
      const response = await fetch(url, { ...rest, headers, signal, redirect: 'manual' }).catch((error: Error) => {
        throw new CrmError('unavailable', `Fetching ${url.origin} failed: ${signal.aborted ? `no answer within ${timeoutMs} ms` : error.message}`);
      });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        if (hop >= MAX_REDIRECTS) throw new CrmError('unavailable', `Fetching ${url.href} was redirected more than ${MAX_REDIRECTS} times`);
        await response.body?.cancel();
        url = new URL(location, url);
        continue;
      }
      return limited(response, maxBytes, url);
    }
  };
}

async function checkTarget(url: URL, allowPrivate: boolean): Promise<void> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CrmError('bad_request', `Only http and https URLs can be fetched, not ${url.protocol}`);
  if (allowPrivate) return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
  if (addresses.length === 0) throw new CrmError('unavailable', `The host ${host} does not resolve`);
  const blocked = addresses.find(isPrivateAddress);
  if (blocked) throw new CrmError('forbidden', `${host} is a private or local address (${blocked}); plugins may only fetch public sites`);
}

/** Loopback, private, shared, link-local, multicast, reserved: every address not on the public internet. */
export function isPrivateAddress(address: string): boolean {
  if (isIP(address) === 6) {
    const a = address.toLowerCase();
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
    if (mapped) return isPrivateAddress(mapped[1]!);
    return a === '::' || a === '::1' || /^f[cd]/.test(a) || /^fe[89ab]/.test(a) || a.startsWith('ff') || a.startsWith('64:ff9b:') || a.startsWith('2001:db8');
  }
  const [a = 0, b = 0] = address.split('.').map(Number);
  return a === 0 || a === 10 || a === 127 || a >= 224 || (a === 100 && b >= 64 && b < 128) || (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b < 32) || (a === 192 && b === 168) || (a === 192 && b === 0) || (a === 198 && (b === 18 || b === 19));
}

/** The response with a body that errors once it passes `maxBytes`. */
function limited(response: Response, maxBytes: number, url: URL): Response {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) throw new CrmError('payload_too_large', `${url.href} is ${declared} bytes, more than the ${maxBytes} allowed`);
  if (!response.body) return response;
  let seen = 0;
  const body = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) controller.error(new CrmError('payload_too_large', `${url.href} sent more than the ${maxBytes} bytes allowed`));
        else controller.enqueue(chunk);
      },
    }),
  );
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}
