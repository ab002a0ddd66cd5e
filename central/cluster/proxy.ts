/**
 * A small round-robin load balancer for a local cluster (http-proxy-3 does the proxying).
 * Responses are piped as they come: a server-sent-events stream passes through unbuffered.
 * An instance that refuses a connection, or fails its /health check, is skipped until it
 * answers /health again.
 *
 * When an instance dies under a request, the request goes to another instance if that is safe
 * (retryable below), else the answer is 503 with Retry-After, so no client sees the crash as
 * the central system's error: request bodies are read first (they are small, 1 MiB at most)
 * so they can be sent again.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { createProxyServer } from 'http-proxy-3';

export interface RoundRobinProxy {
  url: string;
  /** Targets currently thought alive. */
  alive(): string[];
  close(): Promise<void>;
}

const HEALTH_EVERY_MS = 500;
/** Above the central system's body limit (server.ts BODY_LIMIT_BYTES), which answers 413 itself. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** The connection was never made: the request did not reach the instance, any request may go elsewhere. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EADDRNOTAVAIL']);

/**
 * Whether a request the dead instance may already have carried out can be sent again: reads,
 * and sync pushes (the app's documents carry their own ids and assumed master state, so a
 * second push of a stored row is answered with the stored state and an order is ingested once
 * per id). Not a token request (a refresh token used twice revokes the sign-in) nor a TMF POST
 * without knowing its externalId: those get 503, which the app and integrations retry themselves.
 */
export function retryable(method: string | undefined, url: string | undefined): boolean {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return true;
  return method === 'POST' && /^\/sync\/[A-Za-z]+\/push(\?|$)/.test(url ?? '');
}

function unavailable(response: http.ServerResponse, reason: string): void {
  response.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
  response.end(JSON.stringify({ code: 'unavailable', reason }));
}

function readBody(request: http.IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(undefined);
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

export async function startRoundRobinProxy(targets: readonly string[], port = 0, host = '127.0.0.1'): Promise<RoundRobinProxy> {
  if (targets.length === 0) throw new Error('The proxy needs at least one instance to send requests to');
  // proxyTimeout 0: a stream may stay open for the life of its token.
  const proxy = createProxyServer({ xfwd: true, proxyTimeout: 0 });
  const down = new Set<string>();
  let next = 0;
  /** The next live instance not tried yet for this request; a retry may try one thought down. */
  const pick = (tried: ReadonlySet<string>): string | undefined => {
    for (const skipDown of [true, false]) {
      for (let count = 0; count < targets.length; count++) {
        const target = targets[next++ % targets.length];
        if (target && !tried.has(target) && !(skipDown && down.has(target))) return target;
      }
      if (tried.size === 0) break;
    }
    return undefined;
  };

  const forward = (request: http.IncomingMessage, response: http.ServerResponse, body: Buffer, tried: Set<string>): void => {
    const target = pick(tried);
    if (!target) {
      unavailable(response, 'No central instance is up; try again shortly');
      return;
    }
    tried.add(target);
    proxy.web(request, response, { target, buffer: Readable.from([body]) }, (error) => {
      down.add(target);
      if (response.headersSent) {
        // Mid-answer (a stream): end it; the app reconnects through the proxy and pulls what it missed.
        response.end();
        return;
      }
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (NOT_CONNECTED.has(code) || retryable(request.method, request.url)) forward(request, response, body, tried);
      else unavailable(response, 'The central instance stopped while answering; try again');
    });
  };

  const server = http.createServer((request, response) => {
    readBody(request).then(
      (body) => {
        if (body === undefined) {
          response.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
          response.end(JSON.stringify({ code: 'payloadTooLarge', reason: 'The request body is too large' }));
        } else forward(request, response, body, new Set());
      },
      () => response.destroy(),
    );
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
