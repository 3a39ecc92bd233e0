import type { LookupAddress } from 'node:dns';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CRAWLER_USER_AGENT, fetchAllowFromEnv, isPrivateAddress, MAX_REDIRECTS, safeFetch, type ResolveAll } from './fetch.ts';

/** A fake DNS: every name answers with the given addresses, and the calls are counted. */
function fakeDns(...answers: string[][]): ResolveAll & { calls: string[] } {
  const calls: string[] = [];
  const resolve = async (hostname: string): Promise<LookupAddress[]> => {
    const answer = answers[Math.min(calls.length, answers.length - 1)] ?? [];
    calls.push(hostname);
    return answer.map((address) => ({ address, family: net.isIP(address) }));
  };
  return Object.assign(resolve, { calls });
}

describe('safeFetch', () => {
  // Two servers on one port: 127.0.0.1 is the allowed one, 127.0.0.2 where a rebinding or a
  // redirect would try to take the request; it must never be reached.
  const seen: string[] = [];
  const stolen: string[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let server: http.Server;
  let other: http.Server;
  let port: number;
  let origin: string;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://stub');
      seen.push(url.pathname);
      const chain = /^\/chain\/(\d+)$/.exec(url.pathname);
      if (chain) {
        const left = Number(chain[1]);
        if (left === 0) res.end('end of chain');
        else res.writeHead(302, { location: `/chain/${left - 1}` }).end();
      } else if (url.pathname === '/to') res.writeHead(302, { location: url.searchParams.get('target') ?? '/' }).end();
      else if (url.pathname === '/loop-a') res.writeHead(301, { location: '/loop-b' }).end();
      else if (url.pathname === '/loop-b') res.writeHead(301, { location: '/loop-a#again' }).end();
      else if (url.pathname === '/post-see-other') res.writeHead(303, { location: '/echo' }).end();
      else if (url.pathname === '/big') res.writeHead(200, { 'content-length': '2000' }).end('x'.repeat(2000));
      else if (url.pathname === '/chunked') {
        res.write('x'.repeat(80));
        timers.add(setTimeout(() => res.end('y'.repeat(80)), 5));
      } else if (url.pathname === '/slow') timers.add(setTimeout(() => res.end('too late'), 5_000));
      else if (url.pathname === '/drip') {
        res.write('first');
        timers.add(setTimeout(() => res.end('too late'), 5_000));
      } else if (url.pathname === '/empty') res.writeHead(204).end();
      else if (url.pathname === '/echo') res.end(JSON.stringify({ method: req.method, host: req.headers.host, ua: req.headers['user-agent'], auth: req.headers.authorization ?? null }));
      else res.end(`hello from ${url.pathname}`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    origin = `http://127.0.0.1:${port}`;
    other = http.createServer((req, res) => {
      stolen.push(req.url ?? '');
      res.end('the wrong server');
    });
    await new Promise<void>((resolve) => other.listen(port, '127.0.0.2', resolve));
  });
  afterAll(async () => {
    for (const timer of timers) clearTimeout(timer);
    for (const s of [server, other]) {
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    }
  });

  describe('private addresses', () => {
    it('refuses loopback unless the allowlist names it', async () => {
      const refused = safeFetch()(`${origin}/refused`);
      await expect(refused).rejects.toMatchObject({ code: 'forbidden' });
      await expect(refused).rejects.toThrow(/127\.0\.0\.1 is a private or local address.*add 127\.0\.0\.1 to CRM_FETCH_ALLOW/);
      await expect(safeFetch({ allow: ['10.0.0.0/8', 'intranet.firma.dk'] })(`${origin}/`)).rejects.toMatchObject({ code: 'forbidden' });
      expect(seen).not.toContain('/refused');
    });

    it('allows a listed address, range, hostname or everything', async () => {
      for (const allow of [['127.0.0.1'], ['127.0.0.0/8'], ['::ffff:127.0.0.1'], ['*']]) {
        const res = await safeFetch({ allow })(`${origin}/ok`);
        expect(await res.text(), allow.join()).toBe('hello from /ok');
      }
      const res = await safeFetch({ allow: ['localhost'] })(`http://localhost:${port}/named`);
      expect(await res.text()).toBe('hello from /named');
      expect(res.url).toBe(`http://localhost:${port}/named`);
    });

    it('allows a private address by the hostname that resolves to it', async () => {
      const dns = fakeDns(['127.0.0.1']);
      const res = await safeFetch({ allow: ['Intranet.Firma.dk'], lookup: dns })(`http://intranet.firma.dk:${port}/echo`);
      expect(await res.json()).toMatchObject({ host: `intranet.firma.dk:${port}` });
      await expect(safeFetch({ allow: ['firma.dk'], lookup: dns })(`http://intranet.firma.dk:${port}/echo`)).rejects.toMatchObject({ code: 'forbidden' });
    });

    it('refuses literal private hosts in every spelling', async () => {
      for (const url of [`http://[::1]:${port}/`, `http://[::ffff:7f00:1]:${port}/`, `http://0.0.0.0:${port}/`, `http://2130706433:${port}/`, `http://0x7f.1:${port}/`, 'http://169.254.169.254/latest/meta-data/', 'http://[fd00:ec2::254]/']) {
        await expect(safeFetch()(url), url).rejects.toMatchObject({ code: 'forbidden' });
      }
    });

    it('refuses a public-looking name that resolves to a private address', async () => {
      const refused = safeFetch({ lookup: fakeDns(['127.0.0.1']) })(`http://www.example-shop.dk:${port}/`);
      await expect(refused).rejects.toMatchObject({ code: 'forbidden' });
      await expect(refused).rejects.toThrow('www.example-shop.dk resolves to 127.0.0.1, a private or local address; plugins may only fetch public sites. To allow it, add www.example-shop.dk or 127.0.0.1 to CRM_FETCH_ALLOW');
      await expect(safeFetch({ lookup: fakeDns(['169.254.169.254']) })('http://metadata.google.internal/computeMetadata/v1/')).rejects.toMatchObject({ code: 'forbidden' });
    });

    it('refuses a host when any one of its answers is private', async () => {
      // The public address comes first: a check of only the first answer would pass it.
      await expect(safeFetch({ lookup: fakeDns(['93.184.215.14', '10.0.0.1']) })(`http://mixed.example.dk/`)).rejects.toThrow(/mixed\.example\.dk resolves to 10\.0\.0\.1/);
      await expect(safeFetch({ lookup: fakeDns(['2a00:1450::1', '::1']) })(`http://mixed6.example.dk/`)).rejects.toMatchObject({ code: 'forbidden' });
    });

    it('connects to the address it checked, however the name resolves afterwards (rebinding)', async () => {
      // First answer 127.0.0.1 (allowed), every later one 127.0.0.2 (not). Code that checks with
      // one lookup and lets the connection resolve again lands on 127.0.0.2.
      const dns = fakeDns(['127.0.0.1'], ['127.0.0.2']);
      stolen.length = 0;
      const res = await safeFetch({ allow: ['127.0.0.1'], lookup: dns })(`http://rebind.example.dk:${port}/pinned`);
      expect(await res.text()).toBe('hello from /pinned');
      expect(dns.calls).toEqual(['rebind.example.dk']);
      expect(stolen).toEqual([]);
    });

    it('hands the checked address over when net asks for one instead of all', async () => {
      const before = net.getDefaultAutoSelectFamily();
      net.setDefaultAutoSelectFamily(false);
      try {
        const res = await safeFetch({ allow: ['127.0.0.1'], lookup: fakeDns(['127.0.0.1']) })(`http://single.example.dk:${port}/single`);
        expect(await res.text()).toBe('hello from /single');
      } finally {
        net.setDefaultAutoSelectFamily(before);
      }
    });

    it('checks every redirect hop', async () => {
      stolen.length = 0;
      const allowed = safeFetch({ allow: ['127.0.0.1'] });
      const toOther = allowed(`${origin}/to?target=${encodeURIComponent(`http://127.0.0.2:${port}/secret`)}`);
      await expect(toOther).rejects.toMatchObject({ code: 'forbidden' });
      await expect(toOther).rejects.toThrow(/127\.0\.0\.2 is a private or local address/);
      const toMetadata = safeFetch({ allow: ['127.0.0.1'], lookup: fakeDns(['169.254.169.254']) })(`${origin}/to?target=${encodeURIComponent('http://metadata.google.internal/')}`);
      await expect(toMetadata).rejects.toThrow(/metadata\.google\.internal resolves to 169\.254\.169\.254/);
      expect(stolen).toEqual([]);
    });
  });

  describe('redirects', () => {
    const get = () => safeFetch({ allow: ['127.0.0.1'] });

    it(`follows up to ${MAX_REDIRECTS} and answers with the final url`, async () => {
      const res = await get()(`${origin}/chain/${MAX_REDIRECTS}`);
      expect(await res.text()).toBe('end of chain');
      expect(res.url).toBe(`${origin}/chain/0`);
      expect(res.redirected).toBe(true);
      const direct = await get()(`${origin}/chain/0`);
      expect([direct.url, direct.redirected]).toEqual([`${origin}/chain/0`, false]);
      await direct.body?.cancel();
    });

    it('gives up after too many redirects', async () => {
      const res = get()(`${origin}/chain/${MAX_REDIRECTS + 1}`);
      await expect(res).rejects.toMatchObject({ code: 'unavailable' });
      await expect(res).rejects.toThrow(`was redirected more than ${MAX_REDIRECTS} times`);
    });

    it('stops at a redirect loop', async () => {
      const res = get()(`${origin}/loop-a`);
      await expect(res).rejects.toMatchObject({ code: 'unavailable' });
      await expect(res).rejects.toThrow(/redirect loop/);
    });

    it('turns a POST into a GET on 303 and keeps credentials on their origin', async () => {
      const res = await get()(`${origin}/post-see-other`, { method: 'POST', body: 'a=1', headers: { authorization: 'Bearer x' } });
      expect(await res.json()).toMatchObject({ method: 'GET', auth: 'Bearer x' });
      const dns = fakeDns(['127.0.0.1']);
      const crossed = await safeFetch({ allow: ['127.0.0.1'], lookup: dns })(`${origin}/to?target=${encodeURIComponent(`http://elsewhere.example.dk:${port}/echo`)}`, { headers: { authorization: 'Bearer x' } });
      expect(await crossed.json()).toMatchObject({ host: `elsewhere.example.dk:${port}`, auth: null });
    });

    it("hands the 3xx back with redirect: 'manual', for a caller that checks each target", async () => {
      const res = await get()(`${origin}/chain/2`, { redirect: 'manual' });
      expect(res.status).toBeGreaterThanOrEqual(300);
      expect(res.status).toBeLessThan(400);
      expect(res.headers.get('location')).toContain('/chain/1');
      expect(res.redirected).toBe(false);
    });

    it('refuses a redirect to another scheme', async () => {
      await expect(get()(`${origin}/to?target=${encodeURIComponent('file:///etc/passwd')}`)).rejects.toMatchObject({ code: 'bad_request' });
    });
  });

  describe('limits', () => {
    const get = safeFetch({ allow: ['127.0.0.1'] });

    it('refuses a body over maxBytes by its content-length', async () => {
      const res = get(`${origin}/big`, { maxBytes: 100 });
      await expect(res).rejects.toMatchObject({ code: 'payload_too_large' });
      await expect(res).rejects.toThrow(/is 2000 bytes, more than the 100 allowed/);
    });

    it('cuts a chunked body at maxBytes', async () => {
      const res = await get(`${origin}/chunked`, { maxBytes: 100 });
      await expect(res.text()).rejects.toMatchObject({ code: 'payload_too_large', message: expect.stringMatching(/sent more than the 100 bytes allowed/) });
      expect(await (await get(`${origin}/chunked`, { maxBytes: 160 })).text()).toHaveLength(160);
    });

    it('times out while waiting for an answer and while reading the body', async () => {
      const started = Date.now();
      const res = get(`${origin}/slow`, { timeoutMs: 200 });
      await expect(res).rejects.toMatchObject({ code: 'unavailable', message: expect.stringMatching(/no answer within 200 ms/) });
      expect(Date.now() - started).toBeLessThan(2_000);
      const dripping = await get(`${origin}/drip`, { timeoutMs: 200 });
      await expect(dripping.text()).rejects.toMatchObject({ code: 'unavailable' });
    });

    it("rejects with the caller's own abort reason", async () => {
      const controller = new AbortController();
      const res = get(`${origin}/slow`, { signal: controller.signal });
      controller.abort(new Error('crawl cancelled'));
      await expect(res).rejects.toThrow('crawl cancelled');
    });

    it('answers a body-less status', async () => {
      const res = await get(`${origin}/empty`);
      expect([res.status, res.url, await res.text()]).toEqual([204, `${origin}/empty`, '']);
    });
  });

  describe('requests', () => {
    const get = safeFetch({ allow: ['127.0.0.1'] });

    it('sends the CRM user agent unless the caller sets one', async () => {
      expect(await (await get(`${origin}/echo`)).json()).toMatchObject({ ua: CRAWLER_USER_AGENT });
      expect(await (await get(`${origin}/echo`, { headers: { 'User-Agent': 'mine/2' } })).json()).toMatchObject({ ua: 'mine/2' });
    });

    it('refuses what is not an http(s) URL', async () => {
      await expect(get('file:///etc/passwd')).rejects.toMatchObject({ code: 'bad_request', message: 'Only http and https URLs can be fetched, not file:' });
      await expect(get('not a url')).rejects.toMatchObject({ code: 'bad_request' });
      await expect(get(`http://user:secret@127.0.0.1:${port}/`)).rejects.toMatchObject({ code: 'bad_request' });
    });

    it('fails as unavailable when the name does not resolve or nothing listens', async () => {
      const nxdomain: ResolveAll = async () => {
        throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
      };
      await expect(safeFetch({ lookup: nxdomain })('https://nowhere.example.dk/')).rejects.toMatchObject({ code: 'unavailable', message: 'The host nowhere.example.dk does not resolve (ENOTFOUND)' });
      await expect(safeFetch({ lookup: fakeDns([]) })('https://empty.example.dk/')).rejects.toMatchObject({ code: 'unavailable' });
      const closed = net.createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const closedPort = (closed.address() as AddressInfo).port;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      await expect(get(`http://127.0.0.1:${closedPort}/`)).rejects.toMatchObject({ code: 'unavailable', message: expect.stringMatching(/ECONNREFUSED/) });
    });
  });
});

describe('isPrivateAddress', () => {
  const cases: Array<[string, boolean]> = [
    // IPv4
    ['127.0.0.1', true], ['127.255.255.254', true], ['0.0.0.0', true], ['0.1.2.3', true], ['10.1.2.3', true],
    ['100.64.0.1', true], ['100.127.255.255', true], ['100.128.0.1', false], ['100.63.255.255', false],
    ['169.254.169.254', true], ['172.16.0.1', true], ['172.31.255.255', true], ['172.32.0.1', false], ['172.15.0.1', false],
    ['192.168.1.10', true], ['192.0.0.8', true], ['192.0.2.1', true], ['198.51.100.7', true], ['203.0.113.9', true],
    ['198.18.0.1', true], ['198.19.255.255', true], ['198.20.0.1', false], ['224.0.0.251', true], ['239.255.255.250', true],
    ['240.0.0.1', true], ['255.255.255.255', true], ['192.0.32.10', false],
    ['8.8.8.8', false], ['1.1.1.1', false], ['185.15.59.224', false], ['93.184.215.14', false],
    // IPv6
    ['::', true], ['::1', true], ['[::1]', true], ['0:0:0:0:0:0:0:1', true], ['fc00::1', true], ['fd00::1', true], ['fd00:ec2::254', true],
    ['fe80::1', true], ['fe80::1%eth0', true], ['febf::1', true], ['fec0::1', true], ['ff02::1', true], ['ff0e::1', true],
    ['::ffff:127.0.0.1', true], ['::ffff:7f00:1', true], ['::FFFF:7F00:0001', true], ['::ffff:10.0.0.1', true], ['::ffff:169.254.169.254', true],
    ['::ffff:8.8.8.8', false], ['::127.0.0.1', true], ['::8.8.8.8', true], ['::7f00:1', true],
    ['64:ff9b::a00:1', true], ['64:ff9b::10.0.0.1', true], ['64:ff9b::808:808', false], ['64:ff9b:1::1', true],
    ['2002:7f00:1::', true], ['2002:a00:1::1', true], ['2002:808:808::1', false],
    ['2001::1', true], ['2001:0:4136:e378:8000:63bf:3fff:fdd2', true], ['2001:db8::1', true], ['2001:2::1', true], ['3fff::1', true], ['100::1', true],
    ['2a00:1450::1', false], ['2a00:1450:4010:c05::64', false], ['2606:4700:4700::1111', false], ['2001:4860:4860::8888', false],
    // Not an address at all
    ['localhost', true], ['', true], ['1.2.3', true],
  ];
  it.each(cases)('%s → %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });
});

describe('fetchAllowFromEnv', () => {
  it('reads CRM_FETCH_ALLOW and the older CRM_FETCH_ALLOW_PRIVATE', () => {
    expect(fetchAllowFromEnv({})).toEqual([]);
    expect(fetchAllowFromEnv({ CRM_FETCH_ALLOW: ' intranet.firma.dk, 10.0.0.0/8,,::1/128 ' })).toEqual(['intranet.firma.dk', '10.0.0.0/8', '::1/128']);
    expect(fetchAllowFromEnv({ CRM_FETCH_ALLOW_PRIVATE: 'true' })).toEqual(['*']);
    expect(fetchAllowFromEnv({ CRM_FETCH_ALLOW_PRIVATE: 'false' })).toEqual([]);
  });

  it('stops at an entry it cannot read', () => {
    for (const entry of ['10.0.0.0/33', '10.0.0/8', '::1/129', 'http://intranet', 'bad host']) {
      expect(() => fetchAllowFromEnv({ CRM_FETCH_ALLOW: entry }), entry).toThrow(/is not/);
    }
  });
});
