import net from 'node:net';

/** A TCP proxy in front of a database server that a test can cut off and restore. */
export interface DbProxy {
  /** `url` with host and port pointing at the proxy. */
  readonly url: string;
  readonly port: number;
  /** Connections forwarded right now. */
  readonly open: number;
  /** Destroys every forwarded connection (the peers see a reset) and refuses new ones until `restore()`. */
  cut(): void;
  /** Forwards new connections again. */
  restore(): void;
  /** Cuts for `ms` milliseconds, then restores; resolves once restored. */
  outage(ms: number): Promise<void>;
  /** Stops listening and destroys every connection. */
  close(): Promise<void>;
}

/**
 * Starts a proxy on 127.0.0.1 (a free port) that forwards to the host and port of
 * `targetUrl` (a postgres:// URL, or anything with host and port). While cut, every open
 * socket is destroyed and new connections are accepted and reset at once, which is what a
 * client sees when the database host goes away or restarts: ECONNRESET and
 * CONNECTION_CLOSED, never a hang. The fault-injection kit builds on it ("cut the database
 * off for N seconds").
 *
 * @example
 * const proxy = await startDbProxy(process.env.TEST_DATABASE_URL!);
 * const db = await openPostgres(proxy.url);
 * await proxy.outage(2000); // 2 s without a database
 * await proxy.close();
 */
export async function startDbProxy(targetUrl: string): Promise<DbProxy> {
  const target = new URL(targetUrl);
  const targetPort = Number(target.port || 5432);
  const targetHost = target.hostname;
  const sockets = new Set<net.Socket>();
  let isCut = false;

  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
  };

  const server = net.createServer((client) => {
    track(client);
    if (isCut) {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(targetPort, targetHost);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  const url = new URL(targetUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);

  const cut = () => {
    isCut = true;
    for (const socket of sockets) socket.resetAndDestroy();
  };
  const restore = () => {
    isCut = false;
  };
  return {
    url: url.toString(),
    port,
    get open() {
      return [...sockets].length / 2;
    },
    cut,
    restore,
    async outage(ms) {
      cut();
      await new Promise((resolve) => setTimeout(resolve, ms));
      restore();
    },
    close: () =>
      new Promise<void>((resolve) => {
        cut();
        server.close(() => resolve());
      }),
  };
}
