/**
 * A small round-robin load balancer for a local cluster (http-proxy-3 does the proxying).
 * Responses are piped as they come: a server-sent-events stream passes through unbuffered.
 * An instance that refuses a connection, or fails its /health check, is skipped until it
 * answers /health again.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createProxyServer } from 'http-proxy-3';

export interface RoundRobinProxy {
  url: string;
  /** Targets currently thought alive. */
  alive(): string[];
  close(): Promise<void>;
}

const HEALTH_EVERY_MS = 500;

export async function startRoundRobinProxy(targets: readonly string[], port = 0, host = '127.0.0.1'): Promise<RoundRobinProxy> {
  if (targets.length === 0) throw new Error('The proxy needs at least one instance to send requests to');
  // proxyTimeout 0: a stream may stay open for the life of its token.
  const proxy = createProxyServer({ xfwd: true, proxyTimeout: 0 });
  const down = new Set<string>();
  let next = 0;
  const pick = (): string | undefined => {
    for (let tried = 0; tried < targets.length; tried++) {
      const target = targets[next++ % targets.length];
      if (target && !down.has(target)) return target;
    }
    return undefined;
  };

  const failed = (target: string, response: http.ServerResponse | Socket, error: Error): void => {
    down.add(target);
    if (response instanceof http.ServerResponse && !response.headersSent) {
      response.writeHead(502, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ code: 'badGateway', reason: 'The central instance did not answer; try again', message: error.message }),
      );
    } else {
      response.end();
    }
  };

  const server = http.createServer((request, response) => {
    const target = pick();
    if (!target) {
      response.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
      response.end(JSON.stringify({ code: 'unavailable', reason: 'No central instance is up; try again shortly' }));
      return;
    }
    proxy.web(request, response, { target }, (error, _request, answer) => failed(target, answer, error));
  });
  // SSE: no Nagle delay on the way out.
  server.on('connection', (socket) => socket.setNoDelay(true));
  // Long-lived streams must not be cut by the server's own timeouts.
  server.requestTimeout = 0;
  server.headersTimeout = 60_000;

  const health = setInterval(() => {
    for (const target of targets) {
      fetch(`${target}/health`, { signal: AbortSignal.timeout(HEALTH_EVERY_MS * 2) }).then(
        (answer) => (answer.ok ? down.delete(target) : down.add(target)),
        () => down.add(target),
      );
    }
  }, HEALTH_EVERY_MS);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    alive: () => targets.filter((target) => !down.has(target)),
    close: async () => {
      clearInterval(health);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      proxy.close();
    },
  };
}
