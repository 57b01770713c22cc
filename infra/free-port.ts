/**
 * Finds a free TCP port by letting the kernel pick one and releasing it straight away.
 */
import net from 'node:net';

/** A port nobody listens on right now at `host`; another process may still take it before you bind it. */
export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host, port: 0, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close((error) => (error || !port ? reject(error ?? new Error('No port assigned')) : resolve(port)));
    });
  });
}
