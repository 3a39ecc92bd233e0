import net from 'node:net';

/**
 * A loopback TCP proxy that a test uses to drop a client's connection, also mid-transfer.
 *
 * @example
 * proxy.cutAll(); // every client through the proxy sees its connection reset
 */
export interface TcpProxy {
  /** The proxy's port on 127.0.0.1; point the client here instead of at the server. */
  readonly port: number;
  /** Connections forwarded right now. */
  readonly open: number;
  /** Bytes forwarded from the server to clients so far, over all connections. */
  readonly bytesToClients: number;
  /** Destroys every open connection now (the client sees a reset); new ones are still forwarded. */
  cutAll(): void;
  /**
   * Forwards `n` more bytes from the server to the clients (counted over all connections from
   * now on), then destroys the connection that carried the last of them. One shot: the
   * connections after that (a client reconnecting to resume) go through untouched.
   */
  cutAfterBytes(n: number): void;
  /** Stops listening and destroys every connection. */
  close(): Promise<void>;
}

/**
 * Starts a proxy on a free port of 127.0.0.1 that forwards every connection to
 * `127.0.0.1:targetPort`, for tests of a connection that drops in the middle of a sync.
 *
 * @example
 * const proxy = await startTcpProxy(dovecot.port);
 * const client = await dovecot.connect({ port: proxy.port });
 * proxy.cutAfterBytes(20_000); // the next big FETCH breaks off after 20 kB
 * await proxy.close();
 */
export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const pairs = new Set<{ client: net.Socket; upstream: net.Socket }>();
  let bytesToClients = 0;
  // Bytes left before the cut; null while no cut is armed.
  let budget: number | null = null;

  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    const pair = { client, upstream };
    pairs.add(pair);
    // A reset peer is what these tests cause on purpose; it must not become an uncaught error.
    client.on('error', () => {});
    upstream.on('error', () => {});
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', drop);
    upstream.on('close', drop);
    client.pipe(upstream);

    // Server to client by hand rather than pipe(): the cut has to fall inside a chunk.
    upstream.on('data', (chunk: Buffer) => {
      let forward = chunk;
      let cut = false;
      if (budget !== null && chunk.length >= budget) {
        forward = chunk.subarray(0, budget);
        budget = null;
        cut = true;
      } else if (budget !== null) {
        budget -= chunk.length;
      }
      bytesToClients += forward.length;
      if (cut) {
        upstream.pause();
        // The cut bytes reach the client first; only then does the connection break.
        client.write(forward, () => client.resetAndDestroy());
        upstream.destroy();
        return;
      }
      if (!client.write(forward)) {
        upstream.pause();
        client.once('drain', () => upstream.resume());
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });

  return {
    port: (server.address() as net.AddressInfo).port,
    get open() {
      return pairs.size;
    },
    get bytesToClients() {
      return bytesToClients;
    },
    cutAll() {
      for (const { client, upstream } of pairs) {
        client.resetAndDestroy();
        upstream.destroy();
      }
    },
    cutAfterBytes(n: number) {
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`cutAfterBytes(${n}): a whole number of bytes`);
      budget = n;
    },
    async close() {
      for (const { client, upstream } of pairs) {
        client.destroy();
        upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
