import type { FastifyInstance } from 'fastify';

/**
 * Graceful drain (SIGTERM/SIGINT): stop accepting connections, mark the app draining (/readyz 503, answers on open
 * connections close them), let every in-flight answer finish being written — a large batch answer included — up to
 * `timeoutMs`, then close what is left and resolve. Nothing is cut while there is time: sockets are ended, not
 * destroyed, until the drain timeout.
 */
export async function drain(app: FastifyInstance, timeoutMs: number): Promise<'drained' | 'timeout'> {
  app.lifecycle.draining = true;
  const server = app.server;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Idle keep-alive connections have nothing in flight: close them now (a connection mid-answer is not idle).
  server.closeIdleConnections();
  const idleSweep = setInterval(() => server.closeIdleConnections(), 250);
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    closed.then(() => 'drained' as const),
    new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    }),
  ]);
  clearInterval(idleSweep);
  clearTimeout(timer);
  if (outcome === 'timeout') server.closeAllConnections();
  await app.close();
  return outcome;
}
