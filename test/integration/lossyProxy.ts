import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface LossyProxy {
  url: string;
  /**
   * Requests whose path starts with this prefix reach the server, but their response is then cut.
   * `thenHang`: from the last cut on, such requests hang (see hang) until hang('').
   */
  dropResponses(pathPrefix: string, count: number, options?: { thenHang?: boolean }): void;
  /** Requests whose path starts with this prefix are held this long before they are forwarded. */
  delay(pathPrefix: string, ms: number): void;
  /** While down, every connection is refused as if the central system were unreachable. */
  setDown(down: boolean): void;
  /** Requests whose path starts with this prefix are accepted and never answered ('' ends it). */
  hang(pathPrefix: string): void;
  /** Requests whose path starts with this prefix that are not fully answered yet (held, forwarded, or streaming). */
  unanswered(pathPrefix: string): number;
  /** How many requests are being held unanswered. */
  hanging(): number;
  /** While on, event streams stay open but nothing of their body gets through. */
  silenceStreams(on: boolean): void;
  /** How many responses were dropped so far. */
  dropped(): number;
  close(): Promise<void>;
}

/**
 * A loopback HTTP proxy in front of the central system that can lose responses after the
 * server has processed the request: the failure that tempts a client to send twice.
 */
export async function startLossyProxy(target: string): Promise<LossyProxy> {
  const targetUrl = new URL(target);
  let dropPrefix = '';
  let toDrop = 0;
  let hangAfterDrops = false;
  let droppedCount = 0;
  let down = false;
  let delayPrefix = '';
  let delayMs = 0;
  let hangPrefix = '';
  let streamsSilent = false;
  const hung = new Set<ServerResponse>();
  const open = new Map<ServerResponse, string>();
  const server: Server = createServer((req, res) => {
    open.set(res, req.url ?? '');
    res.on('close', () => open.delete(res));
    if (down) {
      req.socket.destroy();
      return;
    }
    if (hangPrefix !== '' && (req.url ?? '').startsWith(hangPrefix)) {
      // Read the request so the client believes it was sent, then never answer.
      req.resume();
      hung.add(res);
      res.on('close', () => hung.delete(res));
      return;
    }
    const held = delayPrefix !== '' && (req.url ?? '').startsWith(delayPrefix) ? delayMs : 0;
    setTimeout(() => forward(req, res), held);
  });
  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const upstream = request(
      { host: targetUrl.hostname, port: targetUrl.port, path: req.url, method: req.method, headers: req.headers },
      (upstreamRes) => {
        const drop = toDrop > 0 && dropPrefix !== '' && (req.url ?? '').startsWith(dropPrefix);
        if (drop) {
          toDrop -= 1;
          // Set at once, so the client's retry cannot slip through before the test acts.
          if (toDrop === 0 && hangAfterDrops) hangPrefix = dropPrefix;
          // Let the server finish, then cut the client off before it sees the answer.
          upstreamRes.resume();
          upstreamRes.on('end', () => {
            droppedCount += 1;
            res.socket?.destroy();
          });
          return;
        }
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
        if (!String(upstreamRes.headers['content-type'] ?? '').startsWith('text/event-stream')) {
          upstreamRes.pipe(res);
          return;
        }
        // Chunk by chunk, so a stream already open can be silenced midway.
        upstreamRes.on('data', (chunk: Buffer) => {
          if (!streamsSilent) res.write(chunk);
        });
        upstreamRes.on('end', () => res.end());
        res.on('close', () => upstreamRes.destroy());
      },
    );
    upstream.on('error', () => res.socket?.destroy());
    req.pipe(upstream);
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('proxy has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    dropResponses(prefix, count, options = {}) {
      dropPrefix = prefix;
      toDrop = count;
      hangAfterDrops = options.thenHang === true;
    },
    setDown(value) {
      down = value;
      if (value) server.closeAllConnections();
    },
    delay(prefix, ms) {
      delayPrefix = prefix;
      delayMs = ms;
    },
    hang(prefix) {
      hangPrefix = prefix;
    },
    hanging: () => hung.size,
    unanswered: (prefix) => [...open.values()].filter((url) => url.startsWith(prefix)).length,
    silenceStreams(on) {
      streamsSilent = on;
    },
    dropped: () => droppedCount,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
