import net from "node:net";

// A TCP proxy for the outage drill (e2e/database-outage.spec.ts): the app's
// connections to the database go through it, and the test can cut it (every
// open connection reset, new ones refused, as while a PostgreSQL server
// restarts) and restore it on the same port.

export interface TcpProxy {
  port: number;
  /** `url` (a postgresql:// URL) pointing at the proxy instead of its own host and port. */
  proxiedUrl(url: string): string;
  /** Open client connections through the proxy. */
  connections(): number;
  /** Resets every open connection and stops listening: connecting is refused until restore(). */
  cut(): Promise<void>;
  /** Listens again on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  const clients = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
    // A reset is the point of the drill; an unhandled 'error' would end the test process.
    socket.on("error", () => {});
  };

  const server = net.createServer((client) => {
    track(client);
    clients.add(client);
    client.once("close", () => clients.delete(client));
    const upstream = net.connect(target.port, target.host);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.once("close", () => upstream.destroy());
    upstream.once("close", () => client.destroy());
  });

  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });

  await listen(0);
  const port = (server.address() as net.AddressInfo).port;

  const stopListening = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      // close() waits for open connections: reset them (RST, as a crashed server's kernel would).
      for (const socket of sockets) socket.resetAndDestroy();
    });

  return {
    port,
    proxiedUrl(url) {
      const parsed = new URL(url);
      parsed.hostname = "127.0.0.1";
      parsed.port = String(port);
      return parsed.toString();
    },
    connections: () => clients.size,
    cut: stopListening,
    restore: () => (server.listening ? Promise.resolve() : listen(port)),
    close: stopListening,
  };
}
