/**
 * A real HTTP listener on 127.0.0.1 for hub tests: records every POST it gets and answers
 * with the status the test chose (e.g. 500 for the first attempts, then 201).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export interface ReceivedPost {
  path: string;
  at: number;
  body: Record<string, unknown>;
  /** The status this listener answered. */
  status: number;
}

export interface Receiver {
  /** Callback URL to register, e.g. http://127.0.0.1:40123/listener. */
  url: string;
  posts: ReceivedPost[];
  /** Posts that were answered 2xx. */
  accepted(): ReceivedPost[];
  /** Resolves once `predicate` holds on the posts so far; rejects after `timeoutMs`. */
  waitFor(predicate: (posts: readonly ReceivedPost[]) => boolean, timeoutMs?: number): Promise<ReceivedPost[]>;
  close(): Promise<void>;
}

/**
 * `answer(n)` is the status for the n-th POST (0-based); default 201 ("Notified" in TMF v4).
 * `host`: another loopback address (127.0.0.2) tells two listeners apart by address.
 */
export async function startReceiver(answer: (index: number) => number = () => 201, host = '127.0.0.1'): Promise<Receiver> {
  const posts: ReceivedPost[] = [];
  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const status = answer(posts.length);
      const text = Buffer.concat(chunks).toString('utf8');
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        body = { unparsable: text };
      }
      posts.push({ path: request.url ?? '', at: Date.now(), body, status });
      response.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'Notified' : 'Not now');
    });
  };
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The receiver is not listening on a TCP port');
  return {
    url: `http://${host}:${address.port}/listener`,
    posts,
    accepted: () => posts.filter((post) => post.status >= 200 && post.status < 300),
    async waitFor(predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(posts)) {
        if (Date.now() > deadline) throw new Error(`The receiver did not get the expected posts in ${timeoutMs} ms; got ${posts.length}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return [...posts];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
