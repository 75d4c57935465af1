import net from "node:net";

export class PortInUseError extends Error {}

/** Fails with a message naming the port and how to choose another. */
export function ensurePortFree(port: number, host: string, variable = "PORT"): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE" || error.code === "EACCES") {
        reject(
          new PortInUseError(
            `Port ${port} is already in use on ${host}. Stop what uses it, or choose another port: ${variable}=${port + 1} npm start`,
          ),
        );
      } else reject(error);
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
